// Wall clocks in a time zone, for suites that check dates the way a user there reads them.

/** An instant's wall clock in `zone`: `YYYY-MM-DD HH:MM`. */
export function wallIn(iso: string, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The calendar day `offset` days from today in `zone`, `YYYY-MM-DD`. */
export function dayFromToday(zone: string, offset: number): string {
  const date = new Date(`${wallIn(new Date().toISOString(), zone).slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** The day of the week of a `YYYY-MM-DD` (0 Sunday … 6 Saturday). */
export const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

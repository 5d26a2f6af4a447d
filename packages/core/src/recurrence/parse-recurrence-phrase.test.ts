import { describe, expect, it } from "vitest";
import { describeRecurrence } from "./describe-recurrence";
import { fieldError } from "./field-error.test-support";
import { parseRecurrencePhrase } from "./parse-recurrence-phrase";
import { resolveRecurrence } from "./resolve-recurrence";

const WORKWEEK = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

// [text, rule, the words that said it (when not the whole text)]
const PHRASES: Array<[string, string, string?]> = [
  ["every day", "FREQ=DAILY"],
  ["daily", "FREQ=DAILY"],
  ["Daily.", "FREQ=DAILY", "Daily"],
  ["each day", "FREQ=DAILY"],
  ["every single day", "FREQ=DAILY"],
  ["every other day", "FREQ=DAILY;INTERVAL=2"],
  ["every 3 days", "FREQ=DAILY;INTERVAL=3"],
  ["every three days", "FREQ=DAILY;INTERVAL=3"],
  ["every weekday", WORKWEEK],
  ["every work day", WORKWEEK],
  ["every business day", WORKWEEK],
  ["on weekdays", WORKWEEK],
  ["every weekend", "FREQ=WEEKLY;BYDAY=SA,SU"],
  ["on weekends", "FREQ=WEEKLY;BYDAY=SA,SU"],
  ["every week", "FREQ=WEEKLY"],
  ["weekly", "FREQ=WEEKLY"],
  ["weekly on friday", "FREQ=WEEKLY;BYDAY=FR"],
  ["every monday", "FREQ=WEEKLY;BYDAY=MO"],
  ["every Monday and Thursday", "FREQ=WEEKLY;BYDAY=MO,TH"],
  ["every mon, wed & fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR"],
  ["every tuesday, thursday and saturday", "FREQ=WEEKLY;BYDAY=TU,TH,SA"],
  ["every thursday and monday", "FREQ=WEEKLY;BYDAY=MO,TH"],
  ["every other monday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"],
  ["every 2 weeks", "FREQ=WEEKLY;INTERVAL=2"],
  ["every 2 weeks on friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"],
  ["every three weeks on tue and thu", "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH"],
  ["every fortnight", "FREQ=WEEKLY;INTERVAL=2"],
  ["every month", "FREQ=MONTHLY"],
  ["monthly", "FREQ=MONTHLY"],
  ["every 2 months", "FREQ=MONTHLY;INTERVAL=2"],
  ["quarterly", "FREQ=MONTHLY;INTERVAL=3"],
  ["on the 1st of every month", "FREQ=MONTHLY;BYMONTHDAY=1"],
  ["the 15th of each month", "FREQ=MONTHLY;BYMONTHDAY=15"],
  ["monthly on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15"],
  ["every month on the 3rd", "FREQ=MONTHLY;BYMONTHDAY=3"],
  ["on the 1st and 15th of every month", "FREQ=MONTHLY;BYMONTHDAY=1,15"],
  ["on the last day of every month", "FREQ=MONTHLY;BYMONTHDAY=-1"],
  ["on the 2nd to last day of every month", "FREQ=MONTHLY;BYMONTHDAY=-2"],
  ["on the 1st of every 3 months", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1"],
  ["every 2 months on the 10th", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=10"],
  ["every last friday of the month", "FREQ=MONTHLY;BYDAY=-1FR"],
  ["every first monday of the month", "FREQ=MONTHLY;BYDAY=1MO"],
  ["on the 2nd tuesday of every month", "FREQ=MONTHLY;BYDAY=2TU"],
  ["monthly on the third wednesday", "FREQ=MONTHLY;BYDAY=3WE"],
  ["on the last weekday of every month", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"],
  ["every year", "FREQ=YEARLY"],
  ["yearly", "FREQ=YEARLY"],
  ["annually", "FREQ=YEARLY"],
  ["every 2 years", "FREQ=YEARLY;INTERVAL=2"],
  ["every year on 3 march", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3"],
  ["every year on March 3rd", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3"],
  ["yearly on the 25th of december", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25"],
  ["every 14 feb", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=14"],
  ["every year on 29 feb", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"],
  ["every year on the 4th thursday of november", "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH"],
  // Inside a title: the words that say the repeat, and only those.
  ["water the plants every saturday at 9", "FREQ=WEEKLY;BYDAY=SA", "every saturday"],
  ["pay rent monthly", "FREQ=MONTHLY", "monthly"],
  ["Standup every weekday at 9:30", WORKWEEK, "every weekday"],
  ["take out the bins every other tuesday evening", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "every other tuesday"],
  [
    "send the invoice on the 1st of every month #work",
    "FREQ=MONTHLY;BYMONTHDAY=1",
    "on the 1st of every month",
  ],
  ["call mum weekly, on sundays", "FREQ=WEEKLY", "weekly"],
  ["gym daily at 7", "FREQ=DAILY", "daily"],
];

// Never a guess: no repeat word, a repeat word used as an adjective, or a malformed repeat.
const NOT_PHRASES = [
  "every now and then",
  "every task",
  "remind me every",
  "daily standup notes",
  "weekly review",
  "monthly report draft",
  "buy milk",
  "everyday essentials shopping",
  "every sunny day",
  "biweekly",
  "every second week",
  "every year on 31 april",
  "every 30 feb",
  "every 0 days",
  "every 5000 days",
  "on the 32nd of every month",
  "every 6th friday of the month",
  "every",
  "",
];

describe("parseRecurrencePhrase", () => {
  it(`understands ${PHRASES.length} phrasings`, () => {
    expect(PHRASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PHRASES)("%j → %s", (text, rule, words) => {
    const found = parseRecurrencePhrase(text);
    expect(found?.rule).toBe(rule);
    expect(found?.text).toBe(words ?? text);
    expect(text.slice(found?.start, found?.end)).toBe(found?.text);
  });

  it.each(NOT_PHRASES)("%j → null", (text) => {
    expect(parseRecurrencePhrase(text)).toBeNull();
  });

  it("lets quick add cut the phrase out of a title", () => {
    const text = "water the plants every saturday at 9";
    const found = parseRecurrencePhrase(text);
    const title = `${text.slice(0, found?.start)}${text.slice(found?.end)}`.replace(/\s+/g, " ").trim();
    expect(title).toBe("water the plants at 9");
  });
});

describe("describeRecurrence", () => {
  it.each([
    ["FREQ=DAILY", "every day"],
    ["FREQ=DAILY;INTERVAL=3", "every 3 days"],
    [WORKWEEK, "every weekday"],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", "every day"],
    ["FREQ=WEEKLY", "every week"],
    ["FREQ=WEEKLY;BYDAY=MO,TH", "every Monday and Thursday"],
    ["FREQ=WEEKLY;BYDAY=SA,SU", "every Saturday and Sunday"],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday"],
    ["FREQ=MONTHLY", "every month"],
    ["FREQ=MONTHLY;BYMONTHDAY=1", "on the 1st of every month"],
    ["FREQ=MONTHLY;BYMONTHDAY=2,3,22,23,31", "on the 2nd, 3rd, 22nd, 23rd and 31st of every month"],
    ["FREQ=MONTHLY;BYMONTHDAY=11,12,13", "on the 11th, 12th and 13th of every month"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "on the last day of every month"],
    ["FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1,15", "on the 1st and 15th of every 3 months"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "on the last Friday of every month"],
    ["FREQ=MONTHLY;BYDAY=2TU,-2WE", "on the 2nd Tuesday and 2nd to last Wednesday of every month"],
    ["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "on the last weekday of every month"],
    ["FREQ=YEARLY", "every year"],
    ["FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3", "every year on 3 March"],
    ["FREQ=YEARLY;INTERVAL=2;BYMONTH=6,12", "every 2 years in June and December"],
    ["FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "every year on the 4th Thursday of November"],
    ["FREQ=DAILY;BYMONTH=1,2", "every day in January and February"],
    ["FREQ=WEEKLY;COUNT=3", "every week, 3 times"],
    ["FREQ=DAILY;COUNT=1", "every day, once"],
    ["FREQ=DAILY;UNTIL=20261231", "every day until 31 December 2026"],
    // The library's wording, for what ours does not cover.
    ["FREQ=YEARLY;BYYEARDAY=100", "every year on the 100th day of the year"],
    ["FREQ=YEARLY;BYWEEKNO=20;COUNT=2", "every year in week 20, 2 times"],
  ])("%s → %j", (rule, text) => {
    expect(describeRecurrence(rule)).toBe(text);
  });

  it("tells an UNTIL instant as its day in the user's zone", () => {
    expect(describeRecurrence("FREQ=DAILY;UNTIL=20270101T060000Z")).toBe("every day until 1 January 2027");
    expect(describeRecurrence("FREQ=DAILY;UNTIL=20270101T060000Z", { timeZone: "America/Los_Angeles" })).toBe(
      "every day until 31 December 2026",
    );
  });

  it("refuses a bad rule like every other entry point", () => {
    expect(() => describeRecurrence("FREQ=FORTNIGHTLY")).toThrow(/FREQ=FORTNIGHTLY is not a frequency/);
  });
});

describe("phrase → rule → text → rule", () => {
  // The text we show must read back as the same rule (what a person copies from the board into chat).
  it.each(PHRASES.filter(([text, , words]) => words === undefined && text !== "Daily."))("%j", (text) => {
    const rule = parseRecurrencePhrase(text)?.rule ?? "";
    const shown = describeRecurrence(rule);
    expect(parseRecurrencePhrase(shown)).toMatchObject({ rule, text: shown });
  });
});

describe("resolveRecurrence (MCP and chat: an RRULE or a phrase)", () => {
  it("takes an RRULE, a phrase that is all repeat, or null", () => {
    expect(resolveRecurrence("freq=weekly;byday=mo")).toBe("FREQ=WEEKLY;BYDAY=MO");
    expect(resolveRecurrence("every weekday")).toBe(WORKWEEK);
    expect(resolveRecurrence("  Every 2 weeks on Friday. ")).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR");
    expect(resolveRecurrence(null)).toBeNull();
  });

  it.each([
    ["FREQ=DAILY;BYDAY=XX", /BYDAY=XX is not a weekday/],
    [
      "every now and then",
      /"every now and then" is not a repeat: give an RRULE .* or a phrase such as "every weekday"/,
    ],
    [
      "every saturday at 9",
      /says more than a repeat: give only "every saturday" here, and the date or time as the due/,
    ],
    ["every year on 31 april", /is not a repeat/],
  ])("refuses %j on the field", (input, message) => {
    expect(() => resolveRecurrence(input)).toThrow(fieldError("recurrence", message));
  });
});

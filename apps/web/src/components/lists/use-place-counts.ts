"use client";

import type { TaskList } from "@taskflow/contracts";
import { api } from "@/lib/api";
import { useApiData } from "@/lib/use-api-data";
import { useTimeZone } from "@/lib/use-me";
import { DEFAULT_FILTERS, type Filters } from "../board/filters";
import { listUrl } from "../board/use-task-list";

export type Place = "all" | "inbox" | "today" | "upcoming";
export type PlaceCounts = Record<Place, number>;

/** The open tasks each place of the sidebar counts, whatever the board's filters. */
const PLACES: Record<Place, Filters> = {
  all: { ...DEFAULT_FILTERS, status: "pending" },
  inbox: { ...DEFAULT_FILTERS, status: "pending", list: "inbox" },
  today: { ...DEFAULT_FILTERS, view: "today" },
  upcoming: { ...DEFAULT_FILTERS, view: "upcoming" },
};
const NAMES = Object.keys(PLACES) as Place[];

/**
 * How many open tasks All tasks, the Inbox, Today and Upcoming hold, counted by the api
 * (`with_total`, as the view tabs count); the lists' own counts come with GET /api/lists.
 */
export function usePlaceCounts(refreshKey: unknown): PlaceCounts | null {
  const timeZone = useTimeZone();
  const urls = NAMES.map((place) => `${listUrl(PLACES[place], timeZone, undefined, 1)}&with_total=true`);
  const { data } = useApiData<PlaceCounts>(urls.join(" "), {
    refreshKey,
    load: async (signal) => {
      const totals = await Promise.all(urls.map((url) => api<TaskList>(url, { signal })));
      return Object.fromEntries(NAMES.map((place, i) => [place, totals[i]?.total ?? 0])) as PlaceCounts;
    },
  });
  return data;
}

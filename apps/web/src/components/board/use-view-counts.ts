"use client";

import type { TaskList } from "@taskflow/contracts";
import { api } from "@/lib/api";
import { VIEWS, type View } from "@/lib/task-views";
import { useApiData } from "@/lib/use-api-data";
import { useTimeZone } from "@/lib/use-me";
import type { Filters } from "./filters";
import { listUrl } from "./use-task-list";

export type ViewCounts = Record<View, number>;

/**
 * How many tasks each view holds with the current filters, counted by the api (`with_total`), so they
 * stay right past the first page. Loads again when the filters or `refreshKey` change.
 */
export function useViewCounts(filters: Filters, refreshKey: unknown): ViewCounts | null {
  const timeZone = useTimeZone();
  const urls = VIEWS.map(
    (view) => `${listUrl({ ...filters, view }, timeZone, undefined, 1)}&with_total=true`,
  );
  const key = urls.join(" ");
  const { data } = useApiData<ViewCounts>(key, {
    refreshKey,
    load: async (signal) => {
      const totals = await Promise.all(urls.map((url) => api<TaskList>(url, { signal })));
      return Object.fromEntries(VIEWS.map((view, i) => [view, totals[i]?.total ?? 0])) as ViewCounts;
    },
  });
  return data;
}

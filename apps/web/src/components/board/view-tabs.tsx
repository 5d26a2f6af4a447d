"use client";

import Link from "next/link";
import { VIEWS } from "@/lib/task-views";
import { type Filters, VIEW_LABELS } from "./filters";
import type { ViewCounts } from "./use-view-counts";

/** All, Today, Upcoming: links (each view is a URL), with how many tasks each holds under the filters. */
export function ViewTabs({
  filters,
  counts,
  hrefFor,
}: {
  filters: Filters;
  counts: ViewCounts | null;
  hrefFor: (filters: Filters) => string;
}) {
  return (
    <nav aria-label="Views" className="flex gap-1 border-b border-slate-200" data-testid="view-tabs">
      {VIEWS.map((view) => {
        const active = filters.view === view;
        const count = counts?.[view];
        return (
          <Link
            key={view}
            href={hrefFor({ ...filters, view })}
            scroll={false}
            aria-current={active ? "page" : undefined}
            data-testid={`view-${view}`}
            className={`-mb-px inline-flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium transition-colors ${
              active
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
            }`}
          >
            {VIEW_LABELS[view]}
            <span
              data-testid={`view-count-${view}`}
              aria-hidden="true"
              className={`min-w-5 rounded-full px-1.5 text-center text-xs tabular-nums ${
                active ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600"
              }`}
            >
              {count ?? "·"}
            </span>
            {count !== undefined && (
              <span className="sr-only">
                , {count} {count === 1 ? "task" : "tasks"}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}

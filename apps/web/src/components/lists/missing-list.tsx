"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { ListIcon } from "@/components/ui/icons";
import { filtersFromSearch, searchFromFilters } from "../board/filters";

/**
 * In place of the tasks when the URL's list does not exist (the api answers 404: deleted, or another
 * user's): nothing to retry, only the way back to every list (the URL without `list`, the rest kept).
 */
export function MissingList() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const filters = filtersFromSearch(new URLSearchParams(query));
  return (
    <EmptyState
      testId="board-no-list"
      icon={<ListIcon width={22} height={22} />}
      title="This list doesn’t exist"
      description="It may have been deleted."
    >
      <Link
        href={`${pathname}${searchFromFilters({ ...filters, list: "" })}`}
        className="btn btn-ghost text-brand-700"
        data-testid="board-no-list-all"
      >
        Show all tasks
      </Link>
    </EmptyState>
  );
}

"use client";

import { TASK_PRIORITIES, type TaskPriority } from "@taskflow/contracts";
import { SearchIcon, XIcon } from "@/components/ui/icons";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { type Filters, SORTS, STATUSES } from "./filters";
import { PRIORITY_LABEL } from "./priority-label";

const PRIORITY_OPTIONS: SelectOption<TaskPriority | "">[] = [
  { value: "", label: "Any priority" },
  ...TASK_PRIORITIES.map((priority) => ({
    value: priority,
    label: priority === "none" ? "No priority" : `${PRIORITY_LABEL[priority]} priority`,
  })),
];

type Props = {
  filters: Filters;
  onFilters: (filters: Filters) => void;
  search: string;
  onSearch: (search: string) => void;
  knownTags: string[];
  filtered: boolean;
  onClear: () => void;
};

/** Search, status tabs (with the trash), priority, tag and sort. */
export function FilterBar({ filters, onFilters, search, onSearch, knownTags, filtered, onClear }: Props) {
  return (
    <search className="block space-y-3" aria-label="Filter tasks">
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-slate-400" />
        <label htmlFor="task-search" className="sr-only">
          Search tasks
        </label>
        <input
          id="task-search"
          data-testid="search"
          type="search"
          className="field pl-9"
          placeholder="Search titles and notes"
          value={search}
          onChange={(event) => onSearch(event.target.value)}
        />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-center">
        {filters.view === "all" && (
          <fieldset
            className="col-span-2 flex rounded-lg bg-slate-200/60 p-0.5 sm:inline-flex"
            data-testid="status-filter"
          >
            <legend className="sr-only">Status</legend>
            {STATUSES.map((status) => (
              <label
                key={status.value}
                className={`flex-1 cursor-pointer rounded-md px-3 py-1 text-center text-sm font-medium whitespace-nowrap sm:flex-none transition-colors has-focus-visible:outline-2 has-focus-visible:outline-brand-500 ${
                  filters.status === status.value
                    ? "bg-surface text-slate-900 shadow-sm"
                    : "text-slate-600 hover:text-slate-900"
                }`}
              >
                <input
                  type="radio"
                  name="status"
                  value={status.value}
                  className="sr-only"
                  checked={filters.status === status.value}
                  onChange={() => onFilters({ ...filters, status: status.value })}
                  data-testid={`status-${status.value}`}
                />
                {status.label}
              </label>
            ))}
          </fieldset>
        )}
        <SelectField
          id="filter-priority"
          label="Priority"
          className="py-1.5 sm:w-auto"
          value={filters.priority}
          options={PRIORITY_OPTIONS}
          onValue={(priority) => onFilters({ ...filters, priority })}
        />
        <SelectField
          id="filter-tag"
          label="Tag"
          className="py-1.5 sm:w-auto"
          value={filters.tag}
          options={[
            { value: "", label: "Any tag" },
            ...[...new Set([...knownTags, ...(filters.tag ? [filters.tag] : [])])].map((tag) => ({
              value: tag,
              label: `#${tag}`,
            })),
          ]}
          onValue={(tag) => onFilters({ ...filters, tag })}
        />
        {filters.view === "all" && (
          <SelectField
            id="sort"
            label="Sort"
            className="col-span-2 py-1.5 sm:ml-auto sm:w-auto"
            value={filters.sort}
            options={SORTS}
            onValue={(sort) => onFilters({ ...filters, sort })}
          />
        )}
        {filtered && (
          <button
            type="button"
            className="btn btn-ghost col-span-2 px-2 py-1.5 text-brand-700 sm:col-span-1"
            onClick={onClear}
            data-testid="clear-filters"
          >
            <XIcon width={15} height={15} />
            Clear
          </button>
        )}
      </div>
    </search>
  );
}

"use client";

import type { FieldProps } from "../board/schedule-fields";
import { useListsContext } from "./lists-context";

/** The task's list in the add form and the editor: the Inbox or one of the user's lists. */
export function ListField({ idPrefix, draft, errors, onChange, disabled, className = "" }: FieldProps) {
  const lists = useListsContext();
  if (!lists) return null;
  const items = lists.lists ?? [];
  // A list the lists have not loaded yet (or just deleted) stays the value, by its id.
  const unknown = draft.list !== "" && !items.some((list) => String(list.id) === draft.list);
  return (
    <div className={`min-w-0 ${className}`}>
      <label htmlFor={`${idPrefix}-list`} className="mb-1 block text-xs font-medium text-slate-600">
        List
      </label>
      <select
        id={`${idPrefix}-list`}
        data-testid={`${idPrefix}-list`}
        className="field py-1.5"
        value={draft.list}
        disabled={disabled}
        aria-invalid={errors.list ? true : undefined}
        aria-describedby={errors.list ? `${idPrefix}-list-error` : undefined}
        onChange={(event) => onChange({ list: event.target.value })}
      >
        <option value="">Inbox</option>
        {items.map((list) => (
          <option key={list.id} value={String(list.id)}>
            {list.name}
          </option>
        ))}
        {unknown && <option value={draft.list}>List {draft.list}</option>}
      </select>
    </div>
  );
}

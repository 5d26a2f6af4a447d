"use client";

import type { List } from "@taskflow/contracts";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useMemo, useRef, useState } from "react";
import { CalendarIcon, CheckIcon, ListIcon } from "@/components/ui/icons";
import { errorMessage } from "@/lib/api";
import { type Filters, filtersFromSearch, searchFromFilters } from "../board/filters";
import { goneMessage } from "./list-gone";
import { ListSection } from "./list-section";
import { moveMessage, placeLabel } from "./list-words";
import { useListsContext } from "./lists-context";
import { PlaceLink } from "./place-link";
import type { DraggedTask } from "./task-drag";
import { useGoneList } from "./use-gone-list";

/**
 * All tasks, the Inbox, Today, Upcoming and the user's lists, each with its open count; the Inbox and
 * the lists take dropped tasks. A list keeps the board's filters and shows all of its tasks (the view
 * tabs then narrow it); Today and Upcoming are across every list. Below the xl width the sidebar is a
 * disclosure above the board, so it never covers the tasks or their actions.
 */
export function ListSidebar() {
  const lists = useListsContext();
  const pathname = usePathname();
  const router = useRouter();
  const query = useSearchParams().toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(query)), [query]);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const hrefFor = (next: Partial<Filters>) => `${pathname}${searchFromFilters({ ...filters, ...next })}`;
  // The list shown was deleted elsewhere (another tab, the assistant): follow its tasks to the Inbox,
  // as a delete here does.
  useGoneList(lists, (list) => {
    setMessage(goneMessage(list));
    router.replace(hrefFor({ list: "inbox" }), { scroll: false });
  });
  if (!lists) return null;
  const { shown, view, counts } = lists;

  const close = () => setOpen(false);

  async function drop(task: DraggedTask, to: List | null) {
    const name = to?.name ?? null;
    if (task.list_id === (to?.id ?? null)) {
      setMessage(`“${task.title}” is already in ${name ?? "the Inbox"}`);
      return;
    }
    try {
      await lists?.moveTask(task, to?.id ?? null);
      setMessage(moveMessage(task.title, name));
    } catch (failure) {
      setMessage(`Could not move “${task.title}”: ${errorMessage(failure)}`);
    }
  }

  const place = (key: "all" | "today" | "upcoming", label: string, icon: React.ReactNode) => (
    <li>
      <PlaceLink
        href={hrefFor({ list: "", view: key })}
        label={label}
        count={counts?.[key]}
        current={shown === "" && view === key}
        testId={`place-${key}`}
        icon={icon}
        onNavigate={close}
      />
    </li>
  );

  return (
    <nav
      aria-label="Lists and views"
      data-testid="list-sidebar"
      className="min-w-0 xl:sticky xl:top-20 xl:self-start"
    >
      <button
        ref={toggle}
        type="button"
        className="btn btn-secondary w-full justify-between xl:hidden"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="lists-toggle"
        onClick={() => setOpen(!open)}
      >
        <span className="truncate">
          <span className="text-slate-500">Showing </span>
          {placeLabel(shown, view, lists.lists)}
        </span>
        <span aria-hidden="true">{open ? "▴" : "▾"}</span>
      </button>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the open disclosure from any control in it. */}
      <div
        id={panelId}
        data-testid="lists-panel"
        onKeyDown={(event) => {
          if (event.key !== "Escape" || !open) return;
          // Handled here: the board's own Escape (back to the tasks) must not take the focus after.
          event.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }}
        className={`${open ? "block" : "hidden"} card mt-2 space-y-3 p-2 xl:mt-0 xl:block xl:border-0 xl:bg-transparent xl:p-0 xl:shadow-none`}
      >
        <ul className="space-y-0.5">
          {place("all", "All tasks", <CheckIcon width={15} height={15} />)}
          <li>
            <PlaceLink
              href={hrefFor({ list: "inbox", view: "all" })}
              label="Inbox"
              count={counts?.inbox}
              current={shown === "inbox"}
              testId="place-inbox"
              icon={<ListIcon width={15} height={15} />}
              onNavigate={close}
              onDropTask={(task) => void drop(task, null)}
            />
          </li>
          {place("today", "Today", <CalendarIcon width={15} height={15} />)}
          {place("upcoming", "Upcoming", <CalendarIcon width={15} height={15} />)}
        </ul>
        <ListSection
          lists={lists}
          hrefFor={(list) => hrefFor({ list: String(list.id), view: "all" })}
          onNavigate={close}
          onDropTask={(task, list) => void drop(task, list)}
          onDeleted={(list) => {
            setMessage(`Deleted “${list.name}”; its tasks are in the Inbox`);
            // Showing the deleted list: follow its tasks to the Inbox.
            if (shown === String(list.id)) router.push(hrefFor({ list: "inbox" }), { scroll: false });
          }}
        />
      </div>
      <p role="status" aria-live="polite" data-testid="lists-status" className="mt-2 text-xs text-slate-600">
        {message}
      </p>
    </nav>
  );
}

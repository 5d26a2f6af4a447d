import type { Task } from "@taskflow/contracts";
import { describe, expect, it } from "vitest";
import { inList, matchesQuery } from "../../lib/task-match";
import { DEFAULT_FILTERS, filtersFromSearch, isFiltered, searchFromFilters } from "../board/filters";

const task = (list_id: number | null) => ({ list_id }) as Task;

describe("the list in the URL", () => {
  it("keeps a list id or the Inbox beside the view and filters, and round-trips", () => {
    const inHealth = { ...DEFAULT_FILTERS, list: "3", view: "today" as const, tag: "home" };
    expect(searchFromFilters(inHealth)).toBe("?list=3&view=today&tag=home");
    expect(filtersFromSearch(new URLSearchParams("list=3&view=today&tag=home"))).toEqual(inHealth);
    expect(searchFromFilters({ ...DEFAULT_FILTERS, list: "inbox" })).toBe("?list=inbox");
    expect(filtersFromSearch(new URLSearchParams("list=INBOX")).list).toBe("inbox");
  });

  it("falls back to every list for anything that is not a list id or inbox", () => {
    for (const bad of ["0", "-1", "3.5", "abc", "0x10", "1e3", "12345678901", "2147483648", ""])
      expect(filtersFromSearch(new URLSearchParams({ list: bad })).list).toBe("");
    expect(filtersFromSearch(new URLSearchParams({ list: "2147483647" })).list).toBe("2147483647");
  });

  it("is a place, not a filter: clearing filters keeps it and the empty state is not 'no match'", () => {
    expect(isFiltered({ ...DEFAULT_FILTERS, list: "3" })).toBe(false);
  });
});

describe("a task and the list shown", () => {
  it("matches every list, the Inbox (no list) or its own list only", () => {
    expect(inList(task(null), "")).toBe(true);
    expect(inList(task(3), "")).toBe(true);
    expect(inList(task(null), "inbox")).toBe(true);
    expect(inList(task(3), "inbox")).toBe(false);
    expect(inList(task(3), "3")).toBe(true);
    expect(inList(task(3), "30")).toBe(false);
    expect(inList(task(null), "3")).toBe(false);
  });

  it("a live change joins the board only in its list", () => {
    const changed = {
      ...task(3),
      title: "Dentist",
      description: "",
      completed: false,
      deleted_at: null,
      priority: "none",
      tags: [],
      due_at: null,
    } as unknown as Task;
    expect(matchesQuery(changed, { ...DEFAULT_FILTERS, list: "3" }, "UTC")).toBe(true);
    expect(matchesQuery(changed, { ...DEFAULT_FILTERS, list: "inbox" }, "UTC")).toBe(false);
    expect(matchesQuery(changed, DEFAULT_FILTERS, "UTC")).toBe(true);
  });
});

import type { Task } from "@taskflow/contracts";
import { describe, expect, it } from "vitest";
import { compareTasks, insertSorted, matchesQuery } from "./task-match";
import { addDays, dayHeading, dueInView, groupByDay, viewBounds } from "./task-views";

const LA = "America/Los_Angeles";
const TOKYO = "Asia/Tokyo";
// 2026-12-01 04:00Z: still Monday 30 November in Los Angeles (20:00), already Tuesday 1 December in Tokyo.
const now = new Date("2026-12-01T04:00:00Z");

const task = (over: Partial<Task>): Task => ({
  id: 1,
  title: "Task",
  description: "",
  completed: false,
  priority: "none",
  tags: [],
  due_at: null,
  all_day: false,
  recurrence: null,
  recurrence_text: null,
  completed_count: 0,
  remind_at: null,
  completed_at: null,
  created_at: "2026-11-01T00:00:00.000Z",
  updated_at: "2026-11-01T00:00:00.000Z",
  deleted_at: null,
  list_id: null,
  ...over,
});

describe("view bounds", () => {
  it("asks for the user's day, not the browser's or UTC's", () => {
    expect(viewBounds("today", LA, now)).toEqual({ due_before: "2026-12-01" });
    expect(viewBounds("today", TOKYO, now)).toEqual({ due_before: "2026-12-02" });
    expect(viewBounds("upcoming", LA, now)).toEqual({
      due_after: "2026-11-29T23:59:59.999",
      due_before: "2026-12-07",
    });
    expect(viewBounds("all", LA, now)).toEqual({});
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });
});

describe("dueInView", () => {
  const allDayToday = task({ due_at: "2026-11-30", all_day: true });
  const tokyoMorning = task({ due_at: "2026-12-01T01:00:00.000Z" }); // 10:00 Dec 1 Tokyo, 17:00 Nov 30 LA
  it("puts all-day and timed dues on the user's day", () => {
    expect(dueInView(allDayToday, "today", LA, now)).toBe(true);
    expect(dueInView(allDayToday, "today", TOKYO, now)).toBe(true); // overdue there: still in Today
    expect(dueInView(allDayToday, "upcoming", TOKYO, now)).toBe(false);
    expect(dueInView(tokyoMorning, "upcoming", TOKYO, now)).toBe(true);
    expect(dueInView(task({ due_at: "2026-12-07", all_day: true }), "upcoming", LA, now)).toBe(false);
    expect(dueInView(task({ due_at: "2026-12-06", all_day: true }), "upcoming", LA, now)).toBe(true);
    expect(dueInView(task({}), "today", LA, now)).toBe(false);
  });
});

describe("day headings and groups", () => {
  it("says Today, Tomorrow, then the weekday and date", () => {
    expect(dayHeading("2026-11-30", "2026-11-30")).toBe("Today");
    expect(dayHeading("2026-12-01", "2026-11-30")).toBe("Tomorrow");
    expect(dayHeading("2026-12-02", "2026-11-30")).toBe("Wednesday 2 December");
    expect(dayHeading("2027-01-02", "2026-12-30")).toBe("Saturday 2 January 2027");
  });

  it("groups by the day in the user's zone, days in order", () => {
    const items = [
      task({ id: 1, due_at: "2026-12-02", all_day: true }),
      task({ id: 2, due_at: "2026-12-01T01:00:00.000Z" }),
      task({ id: 3, due_at: "2026-11-30", all_day: true }),
    ];
    expect(groupByDay(items, LA, now).map((g) => [g.heading, g.tasks.map((t) => t.id)])).toEqual([
      ["Today", [2, 3]],
      ["Wednesday 2 December", [1]],
    ]);
    expect(groupByDay(items, TOKYO, now).map((g) => g.heading)).toEqual([
      "Monday 30 November",
      "Today",
      "Tomorrow",
    ]);
  });
});

describe("matching and placing a live change", () => {
  const query = {
    view: "all",
    status: "all",
    priority: "",
    tag: "",
    q: "",
    sort: "-created",
    list: "",
  } as const;
  it("applies status, priority, tag, search and the view", () => {
    const t = task({ title: "Buy milk", tags: ["home"], priority: "high" });
    expect(matchesQuery(t, query, LA, now)).toBe(true);
    expect(matchesQuery(t, { ...query, q: "MILK" }, LA, now)).toBe(true);
    expect(matchesQuery(t, { ...query, q: "bread" }, LA, now)).toBe(false);
    expect(matchesQuery(t, { ...query, tag: "work" }, LA, now)).toBe(false);
    expect(matchesQuery(t, { ...query, priority: "low" }, LA, now)).toBe(false);
    expect(matchesQuery(t, { ...query, status: "completed" }, LA, now)).toBe(false);
    expect(matchesQuery(t, { ...query, view: "today" }, LA, now)).toBe(false);
    expect(
      matchesQuery({ ...t, completed: true, due_at: "2026-11-30" }, { ...query, view: "today" }, LA, now),
    ).toBe(false);
    expect(matchesQuery({ ...t, deleted_at: "2026-11-30T00:00:00Z" }, query, LA, now)).toBe(false);
  });

  it("inserts in the sort order, and leaves a task past the loaded page to Load more", () => {
    const items = [task({ id: 5 }), task({ id: 3 })];
    expect(insertSorted(items, task({ id: 9 }), "-created", false).map((t) => t.id)).toEqual([9, 5, 3]);
    expect(insertSorted(items, task({ id: 1 }), "-created", false).map((t) => t.id)).toEqual([5, 3]);
    expect(insertSorted(items, task({ id: 1 }), "-created", true).map((t) => t.id)).toEqual([5, 3, 1]);
    const dues = [task({ id: 1, due_at: "2026-12-01T10:00:00.000Z" }), task({ id: 2, due_at: null })];
    expect(
      insertSorted(dues, task({ id: 3, due_at: "2026-12-01", all_day: true }), "due", true).map((t) => t.id),
    ).toEqual([1, 3, 2]);
    expect(
      [task({ id: 1, title: "b" }), task({ id: 2, title: "A" })].sort(compareTasks("title")).map((t) => t.id),
    ).toEqual([2, 1]);
  });
});

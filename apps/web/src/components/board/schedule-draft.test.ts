// The repeat and reminder fields of a task draft, and the board's view and filters in the URL.
import { createTaskBody, type Task, updateTaskBody } from "@taskflow/contracts";
import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, filtersFromSearch, searchFromFilters } from "./filters";
import { draftBody, draftFromTask, EMPTY_DRAFT, validateDraft } from "./task-draft";

const stored: Task = {
  id: 1,
  title: "Water the plants",
  description: "",
  completed: false,
  priority: "none",
  tags: [],
  due_at: "2026-12-05T17:00:00.000Z", // Saturday 09:00 in Los Angeles
  all_day: false,
  recurrence: "FREQ=WEEKLY;BYDAY=SA",
  recurrence_text: "every Saturday",
  completed_count: 0,
  remind_at: "2026-12-05T16:30:00.000Z",
  completed_at: null,
  created_at: "2026-11-30T10:00:00Z",
  updated_at: "2026-11-30T10:00:00Z",
  deleted_at: null,
  list_id: null,
};
const LA = "America/Los_Angeles";

describe("repeat and reminder in a draft", () => {
  it("sends a typed repeat and a relative reminder for a new task (bodies the api accepts)", () => {
    const body = draftBody({
      ...EMPTY_DRAFT,
      title: "Water the plants",
      due: "2026-12-05",
      time: "09:00",
      repeat: " every saturday ",
      remind: "30m",
    });
    expect(body).toMatchObject({ recurrence: "every saturday", remind_at: "2026-12-05T08:30" });
    expect(createTaskBody.safeParse(body).success).toBe(true);
    const plain = draftBody({ ...EMPTY_DRAFT, title: "Plain" });
    expect("recurrence" in plain || "remind_at" in plain).toBe(false);
  });

  it("an edit leaves untouched fields out, clears a repeat with null, and recomputes a reminder when the due moves", () => {
    const draft = draftFromTask(stored, LA);
    expect(draft).toMatchObject({ repeat: "every Saturday", remind: "30m", remindAt: "2026-12-05T08:30" });
    const same = draftBody(draft);
    expect("recurrence" in same || "remind_at" in same).toBe(false);
    expect(draftBody({ ...draft, repeat: "" }).recurrence).toBeNull();
    expect(draftBody({ ...draft, repeat: "every weekday" }).recurrence).toBe("every weekday");
    expect(draftBody({ ...draft, time: "10:00" }).remind_at).toBe("2026-12-05T09:30");
    expect(draftBody({ ...draft, remind: "none" }).remind_at).toBeNull();
    expect(
      updateTaskBody.safeParse(draftBody({ ...draft, remind: "custom", remindAt: "2026-12-04T20:00" }))
        .success,
    ).toBe(true);
  });

  it("refuses a repeat the api would not read, before sending it", () => {
    const base = { ...EMPTY_DRAFT, title: "x", due: "2026-12-05" };
    expect(validateDraft({ ...base, repeat: "every weekday" }).repeat).toBeUndefined();
    expect(validateDraft({ ...base, repeat: "FREQ=WEEKLY;BYDAY=MO" }).repeat).toBeUndefined();
    expect(validateDraft({ ...base, repeat: "every now and then" }).repeat).toMatch(/not a repeat we know/);
    expect(validateDraft({ ...base, repeat: "every saturday and buy milk" }).repeat).toMatch(/not a repeat/);
    // An edit that leaves the server's wording alone is not checked again.
    expect(validateDraft({ ...draftFromTask(stored, LA), title: "y" }).repeat).toBeUndefined();
  });

  it("says what is missing for a reminder", () => {
    expect(validateDraft({ ...EMPTY_DRAFT, title: "x", remind: "1h" }).remind).toMatch(/due date/);
    expect(validateDraft({ ...EMPTY_DRAFT, title: "x", remind: "custom" }).remind).toMatch(/date and time/);
    expect(
      validateDraft({ ...EMPTY_DRAFT, title: "x", remind: "custom", remindAt: "2026-12-04T20:00" }).remind,
    ).toBe(undefined);
  });
});

describe("filters in the URL", () => {
  it("round-trips the view, filters and sort, leaving defaults out", () => {
    const filters = {
      view: "upcoming",
      status: "all",
      priority: "high",
      tag: "home",
      q: "milk",
      sort: "due",
      list: "",
    } as const;
    const search = searchFromFilters(filters);
    expect(search).toBe("?view=upcoming&priority=high&tag=home&q=milk&sort=due");
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual(filters);
    expect(searchFromFilters(DEFAULT_FILTERS)).toBe("");
  });

  it("falls back to the defaults for anything it does not know", () => {
    expect(filtersFromSearch(new URLSearchParams("view=week&status=x&priority=urgent&sort=random"))).toEqual(
      DEFAULT_FILTERS,
    );
  });
});

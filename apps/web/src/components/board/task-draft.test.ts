import { createTaskBody, type Task } from "@taskflow/contracts";
import { describe, expect, it } from "vitest";
import {
  apiFieldErrors,
  draftBody,
  draftFromTask,
  draftIn,
  draftKeepingEdits,
  EMPTY_DRAFT,
  validateDraft,
} from "./task-draft";

const task = (due_at: string | null): Task => ({
  id: 1,
  title: "Dentist",
  description: "",
  completed: false,
  priority: "none",
  tags: [],
  due_at,
  all_day: due_at !== null && due_at.length === 10,
  recurrence: null,
  recurrence_text: null,
  completed_count: 0,
  remind_at: null,
  completed_at: null,
  created_at: "2026-11-30T10:00:00Z",
  updated_at: "2026-11-30T10:00:00Z",
  deleted_at: null,
  list_id: null,
});

describe("task drafts", () => {
  it("sends a date alone as an all-day due and a date with a time as a wall time", () => {
    const base = { ...EMPTY_DRAFT, title: "Dentist" };
    expect(draftBody({ ...base, due: "2026-12-01" }).due_at).toBe("2026-12-01");
    expect(draftBody({ ...base, due: "2026-12-01", time: "10:00" }).due_at).toBe("2026-12-01T10:00");
    expect(draftBody(base).due_at).toBeNull();
  });

  it("edits a timed task at its time in the user's zone and sends its instant back while unchanged", () => {
    const draft = draftFromTask(task("2026-12-01T18:00:30.000Z"), "America/Los_Angeles");
    expect([draft.due, draft.time]).toEqual(["2026-12-01", "10:00"]);
    expect(draftBody(draft).due_at).toBe("2026-12-01T18:00:30.000Z");
    expect(draftBody({ ...draft, time: "11:30" }).due_at).toBe("2026-12-01T11:30");
    // Clearing the time makes it all-day; clearing the date clears it.
    expect(draftBody({ ...draft, time: "" }).due_at).toBe("2026-12-01");
    expect(draftBody({ ...draft, due: "", time: "" }).due_at).toBeNull();
  });

  it("keeps an all-day task all-day", () => {
    const draft = draftFromTask(task("2026-12-05"), "Asia/Tokyo");
    expect([draft.due, draft.time]).toEqual(["2026-12-05", ""]);
    expect(draftBody(draft).due_at).toBe("2026-12-05");
  });

  it("asks, in plain words, for a date to go with a time", () => {
    expect(validateDraft({ ...EMPTY_DRAFT, title: "x", time: "10:00" })).toEqual({
      time: "Pick a date to go with the time.",
    });
    expect(validateDraft({ ...EMPTY_DRAFT, title: "x", due: "2026-12-01", time: "10:00" })).toEqual({});
  });

  it("refuses what the api's title and notes rules refuse, in the form's words", () => {
    const draft = { ...EMPTY_DRAFT, title: "Dentist" };
    const cases: [typeof draft, Record<string, string>][] = [
      [{ ...draft, title: "   " }, { title: "Give the task a title." }],
      [
        { ...draft, title: "x".repeat(201) },
        { title: "The title is 201 characters; the most is 200. Shorten it (nothing was cut)." },
      ],
      [{ ...draft, title: "a\u0000b" }, { title: "Title must not contain NUL (\\u0000) characters." }],
      [{ ...draft, description: "x".repeat(2001) }, { description: "Keep notes under 2000 characters." }],
      [
        { ...draft, tags: "ok -no" },
        { tags: "“-no” is not a valid tag: use letters, digits, “-” or “_” (up to 32)." },
      ],
    ];
    for (const [bad, errors] of cases) {
      expect(validateDraft(bad)).toEqual(errors);
      expect(createTaskBody.safeParse(draftBody(bad)).success).toBe(false);
    }
  });

  it("lets through what the api accepts, up to its limits", () => {
    const longest = {
      ...EMPTY_DRAFT,
      title: ` ${"x".repeat(200)} `,
      description: "y".repeat(2000),
      tags: "#Work, home",
      due: "2026-12-01",
    };
    expect(validateDraft(longest)).toEqual({});
    expect(createTaskBody.safeParse(draftBody(longest)).success).toBe(true);
  });

  it("puts a new task in the list the board shows, and sends a list only when it changed", () => {
    expect(draftIn("3").list).toBe("3");
    expect(draftIn("inbox").list).toBe("");
    expect(draftIn("").list).toBe("");
    const base = { ...draftIn("3"), title: "Dentist" };
    expect(draftBody(base).list_id).toBe(3);
    expect(createTaskBody.safeParse(draftBody(base)).success).toBe(true);
    // A new task in the Inbox sends no list (the api's default).
    expect("list_id" in draftBody({ ...EMPTY_DRAFT, title: "x" })).toBe(false);

    const editing = draftFromTask({ ...task(null), list_id: 3 }, "UTC");
    expect(editing.list).toBe("3");
    expect("list_id" in draftBody(editing)).toBe(false);
    expect(draftBody({ ...editing, list: "7" }).list_id).toBe(7);
    expect(draftBody({ ...editing, list: "" }).list_id).toBeNull();
    expect(apiFieldErrors([{ field: "body.list_id", message: "must be a list id" }])).toEqual({
      list: "List: must be a list id",
    });
  });
});

describe("draftKeepingEdits", () => {
  const sent = {
    ...draftIn("7"),
    title: "Buy milk",
    description: "2 l",
    priority: "high" as const,
    tags: "home",
  };

  it("is the fresh draft when nothing changed while the add was in flight", () => {
    expect(draftKeepingEdits(sent, sent, draftIn("7"))).toEqual(draftIn("7"));
  });

  it("keeps every field the user changed meanwhile, and only those", () => {
    const typedOn = { ...sent, title: "Buy milk and eggs", list: "9" };
    expect(draftKeepingEdits(typedOn, sent, draftIn("7"))).toEqual({
      ...draftIn("7"),
      title: "Buy milk and eggs",
      list: "9",
    });
    const cleared = { ...sent, description: "" };
    expect(draftKeepingEdits(cleared, sent, draftIn(""))).toEqual(draftIn(""));
  });
});

import type { Task } from "@taskflow/contracts";
import { describe, expect, it } from "vitest";
import type { Deleted } from "@/components/board/undo-toast";
import {
  completionEntry,
  remember,
  takeUndo,
  UNDO_KEEP,
  type UndoEntry,
  withoutDelete,
} from "./undo-history";

type State = { id: number; completed: boolean; recurrence: string | null };
const task = (id: number, completed = false, recurrence: string | null = null): State => ({
  id,
  completed,
  recurrence,
});
const deleted = (id: number, index = 0): Deleted => ({ task: { id, title: `Task ${id}` } as Task, index });
const done = (id: number, completed = true): UndoEntry => ({ kind: "complete", id, completed });
const trashed = (id: number): UndoEntry => ({ kind: "delete", item: deleted(id) });

describe("takeUndo (what z takes back)", () => {
  it("takes the latest change: a delete is restored, a completion toggled back", () => {
    const tasks = [task(1, true), task(2)];
    expect(takeUndo([done(1), trashed(3)], tasks)).toEqual({
      undo: { kind: "restore", item: deleted(3) },
      rest: [done(1)],
    });
    expect(takeUndo([trashed(3), done(1)], tasks)).toEqual({
      undo: { kind: "toggle", task: tasks[0] },
      rest: [trashed(3)],
    });
    // A reopen is undone too (the entry says the state it put the task in).
    expect(takeUndo([done(2, false)], tasks).undo).toEqual({ kind: "toggle", task: tasks[1] });
  });

  it("passes over a completion toggled back by hand since, or whose task is no longer shown", () => {
    const tasks = [task(1, false), task(2, true)];
    // Task 1 was completed, then reopened by hand: z goes on to the change before.
    expect(takeUndo([done(2), done(1)], tasks)).toEqual({
      undo: { kind: "toggle", task: tasks[1] },
      rest: [],
    });
    expect(takeUndo([trashed(5), done(9)], tasks)).toEqual({
      undo: { kind: "restore", item: deleted(5) },
      rest: [],
    });
  });

  it("does nothing with nothing left to undo", () => {
    expect(takeUndo([], [task(1)])).toEqual({ undo: null, rest: [] });
    expect(takeUndo([done(1)], [task(1, false)])).toEqual({ undo: null, rest: [] });
  });
});

describe("the history", () => {
  it("remembers completions of tasks that do not repeat (a repeat moves on to its next date)", () => {
    expect(completionEntry(task(1))).toEqual(done(1, true));
    expect(completionEntry(task(1, true))).toEqual(done(1, false));
    expect(completionEntry(task(1, false, "FREQ=WEEKLY"))).toBeNull();
  });

  it("keeps the last UNDO_KEEP changes", () => {
    let history: UndoEntry[] = [];
    for (let id = 1; id <= UNDO_KEEP + 5; id++) history = remember(history, trashed(id));
    expect(history).toHaveLength(UNDO_KEEP);
    expect(history[0]).toEqual(trashed(6));
    expect(history.at(-1)).toEqual(trashed(UNDO_KEEP + 5));
  });

  it("forgets a delete restored from the toast, so z does not restore it twice", () => {
    expect(withoutDelete([trashed(1), done(2), trashed(3)], 1)).toEqual([done(2), trashed(3)]);
  });
});

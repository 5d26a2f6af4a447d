// The export file carries every field of a task, or says here why not: a field added to the Task shape
// and forgotten by the export would be lost on every export → import (as completed_count once was).
import { describe, expect, it } from "vitest";
import { exportTaskSchema } from "./export";
import { taskSchema } from "./tasks";

/** Task fields the file does not carry, and why. */
const NOT_CARRIED: Record<string, string> = {
  id: "a database id: the importing account gives the task its own",
  updated_at: "set when the import writes the task",
  deleted_at: "the trash is not exported",
  all_day: "read from due's shape (YYYY-MM-DD is all day)",
  recurrence_text: "derived from recurrence",
};
/** Task fields the file names differently. */
const RENAMED: Record<string, string> = { due_at: "due" };

describe("the export file's task", () => {
  const taskFields = Object.keys(taskSchema.shape);
  const fileFields = Object.keys(exportTaskSchema.shape);

  it("carries every field of a task, or the field is listed as not carried with the reason", () => {
    const forgotten = taskFields.filter(
      (field) => !(field in NOT_CARRIED) && !fileFields.includes(RENAMED[field] ?? field),
    );
    expect(forgotten).toEqual([]);
  });

  it("has no field that is not a task's (under its own or its file name)", () => {
    const fromTask = new Set(taskFields.map((field) => RENAMED[field] ?? field));
    expect(fileFields.filter((field) => !fromTask.has(field))).toEqual([]);
    // And nothing is both carried and listed as not carried.
    expect(Object.keys(NOT_CARRIED).filter((field) => fileFields.includes(field))).toEqual([]);
  });
});

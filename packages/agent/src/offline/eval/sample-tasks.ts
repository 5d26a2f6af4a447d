import type { KnownTask } from "../types.js";

/** Thursday 15 January 2026, 09:00 UTC: the "now" of the unit tests' sample task list. */
export const SAMPLE_NOW = new Date("2026-01-15T09:00:00Z");

/** A small task list with near-namesakes ("Buy milk", "Buy oat milk"), a done task, a due date and a tag. */
export const SAMPLE_TASKS: readonly KnownTask[] = [
  { id: 4, title: "Buy milk" },
  { id: 5, title: "Call mom", completed: true },
  { id: 7, title: "Buy oat milk" },
  { id: 9, title: "Finish quarterly report", due_at: "2026-01-20T00:00:00Z" },
  { id: 11, title: "Dentist appointment" },
  { id: 12, title: "Team meeting prep", tags: ["work"] },
];

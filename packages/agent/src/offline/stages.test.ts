// The stage list is the parser's order. These tests pin it: a reordering that changes which stage answers a
// phrasing fails the table below, and the needs-tasks contract fails if a stage reads the list behind it.
import { describe, expect, it } from "vitest";
import { SAMPLE_NOW, SAMPLE_TASKS } from "./eval/sample-tasks.js";
import { planOfflineTurn } from "./plan-offline-turn.js";
import { COMMAND_STAGES, MAX_COMMAND_CHARS, runTurn, STAGES } from "./stages.js";
import type { KnownTask, StoredMessage } from "./types.js";

const now = SAMPLE_NOW;
const tasks: KnownTask[] = [...SAMPLE_TASKS, { id: 13, title: "Pay rent" }];

/** The assistant just listed tasks 4, 7 and 11. */
const listed: StoredMessage[] = [
  { role: "user", content: "show my tasks" },
  {
    role: "assistant",
    content: "Here are 3 tasks:\n#4 [ ] Buy milk\n#7 [ ] Buy oat milk\n#11 [ ] Dentist appointment",
    toolCalls: [
      {
        tool: "list_tasks",
        arguments: {},
        result: { tasks: [tasks[0], tasks[2], tasks[4]] },
      },
    ],
  },
];

describe("the stage list", () => {
  it("names every stage once and says in one line why it sits where it does", () => {
    const names = STAGES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const stage of STAGES) {
      expect(stage.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(stage.why.trim().length).toBeGreaterThan(20);
      expect(stage.why).not.toContain("\n");
    }
  });

  it("ends with the command stages, whose last one always answers", () => {
    expect(STAGES.slice(-COMMAND_STAGES.length)).toEqual(COMMAND_STAGES);
    const last = COMMAND_STAGES.at(-1);
    expect(last?.name).toBe("not-understood");
    expect(last !== undefined && "plan" in last && last.plan).toBeTypeOf("function");
  });

  it("keeps the order the table below depends on", () => {
    expect(STAGES.map((s) => s.name)).toEqual([
      "too-long",
      "undo",
      "confirm-delete",
      "confirm-delete-list",
      "missing-list-answer",
      "normalise",
      "small-talk",
      "follow-up",
      "follow-up-references",
      "impossible-date",
      "unsupported-verb",
      "several",
      "lists",
      "set",
      "list",
      "repeat",
      "naming",
      "update",
      "verb",
      "reported-done",
      "add",
      "not-understood",
    ]);
  });
});

describe("which stage answers", () => {
  it.each([
    ["x".repeat(MAX_COMMAND_CHARS + 1), "too-long"],
    ["undo", "undo"],
    // "cancel" is a delete verb, but "cancel that" reverts.
    ["cancel that", "undo"],
    ["yes, delete tasks 4 and 7", "confirm-delete"],
    ["yes, delete the Work list", "confirm-delete-list"],
    ["thanks!", "small-talk"],
    // Small talk is read after normalising: "ok cool" is "ok" filler before "cool".
    ["ok cool", "small-talk"],
    ["what can you do?", "small-talk"],
    ["add pay rent on feb 30", "impossible-date"],
    ["snooze the dentist appointment to feb 30", "impossible-date"],
    ["snooze the dentist appointment", "unsupported-verb"],
    // One action we cannot do stops the whole message before it is split.
    ["snooze task 4 and delete task 7", "unsupported-verb"],
    ["complete task 4 and delete task 7", "several"],
    ["add eggs, bread, butter", "several"],
    // A list named as one is read before a set, a listing or an add takes its name as a task's words.
    ["add milk to Groceries", "lists"],
    ["what's in Work?", "lists"],
    ["delete the Work list", "lists"],
    ["what lists do I have?", "lists"],
    // Not a list the user has: the words stay an add, a listing, a due.
    ["add send invoice to ACME", "add"],
    ["what's on my list?", "list"],
    ["delete all completed tasks", "set"],
    ["complete tasks 4 and 7", "set"],
    // "overdue" alone would make a listing.
    ["delete all overdue tasks", "set"],
    ["what's due today?", "list"],
    ["show my tasks tagged work", "list"],
    // "call" is a task verb ("call mom"), but "call task 9 …" names a task.
    ["stop repeating task 4", "repeat"],
    ["skip task 4", "repeat"],
    ["remind me about task 4 tomorrow at 8", "repeat"],
    ["make task 4 repeat every monday", "repeat"],
    ["call task 9 Quarterly review", "naming"],
    ["move the dentist appointment to friday", "update"],
    ["rename task 4 to buy bread", "update"],
    // "remove" is a delete verb, but removing a due date edits the task.
    ["remove the due date from task 4", "update"],
    // A status at the end is a completion, not a rename to "completed".
    ["set task 4 as completed", "verb"],
    ["complete task 4", "verb"],
    ["delete the dentist appointment", "verb"],
    ["reopen call mom", "verb"],
    ["paid the rent", "reported-done"],
    // A quick-add mark makes a clear add, but the report names an existing task first.
    ["booked the dentist appointment #health", "reported-done"],
    // A completion verb ("check") that names no task, with a date, is a new task ("check in" is a task verb).
    ["check in for the flight tomorrow", "add"],
    ["remind me to call the bank tomorrow", "add"],
    ["buy stamps", "add"],
    // A repeat phrase is a new repeating task, not a set ("every") nor a delete ("take out").
    ["take out the recycling every tuesday", "add"],
    ["every year on 3 march mum's birthday", "add"],
    ["purple monkey dishwasher", "not-understood"],
  ])("%s → %s", (say, stage) => {
    expect(runTurn(say, { now, tasks, lists: [{ name: "Work" }, { name: "Groceries" }] }).stage).toBe(stage);
  });

  it.each([
    // A bare reference to a task just shown asks what to do with it.
    ["the second one", "follow-up"],
    // "it" and "the first one" become task numbers, which the ordinary stages then read.
    ["complete the first one", "verb"],
    ["delete all of them", "set"],
  ])("after a listing: %s → %s", (say, stage) => {
    expect(runTurn(say, { now, tasks, history: listed }).stage).toBe(stage);
  });
});

describe("needs-tasks", () => {
  it.each(["add buy milk", "remind me to call the bank tomorrow", "undo", "thanks", "snooze the bill"])(
    "plans “%s” without the task list",
    (say) => {
      expect(planOfflineTurn(say, { now }).kind).not.toBe("needs-tasks");
    },
  );

  it.each([
    "complete buy milk",
    "delete task 4",
    "move the dentist appointment to friday",
    "delete all completed tasks",
    "yes, delete tasks 4 and 7",
    "paid the rent",
    // A listing looks for the user's tags in the request ("show my work tasks").
    "show my tasks",
  ])("asks for the task list for “%s”, and plans with it", (say) => {
    expect(planOfflineTurn(say, { now })).toEqual({ kind: "needs-tasks" });
    const plan = planOfflineTurn(say, { now, tasks });
    expect(plan.kind).not.toBe("needs-tasks");
    expect(["tool", "batch", "reply", "clarify"]).toContain(plan.kind);
  });

  it("never answers needs-tasks when the tasks were given, even an empty list", () => {
    expect(planOfflineTurn("complete buy milk", { now, tasks: [] }).kind).toBe("reply");
  });
});

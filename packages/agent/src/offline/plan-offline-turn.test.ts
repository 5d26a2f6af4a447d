import { describe, expect, it } from "vitest";
import { SAMPLE_NOW, SAMPLE_TASKS } from "./eval/sample-tasks.js";
import type { KnownTask, OfflinePlan } from "./index.js";
import { describeToolResult, planOfflineTurn } from "./index.js";

const now = SAMPLE_NOW;
const tasks: KnownTask[] = [...SAMPLE_TASKS];

function plan(say: string, known: KnownTask[] = tasks, timeZone?: string): OfflinePlan {
  return planOfflineTurn(say, { now, tasks: known, lists: [], timeZone });
}

function tool(say: string, known: KnownTask[] = tasks): { tool: string; args: Record<string, unknown> } {
  const p = plan(say, known);
  if (p.kind !== "tool")
    throw new Error(`expected a tool call for "${say}", got ${p.kind}: ${"reply" in p ? p.reply : ""}`);
  return { tool: p.tool, args: p.arguments };
}

describe("add_task", () => {
  it.each([
    ["add buy milk", { title: "buy milk" }],
    ["Add a task to call the bank tomorrow", { title: "call the bank", due: "2026-01-16" }],
    ["remind me to pay rent on friday", { title: "pay rent", due: "2026-01-16" }],
    ["I need to book flights next monday", { title: "book flights", due: "2026-01-19" }],
    ["add renew passport in 3 days", { title: "renew passport", due: "2026-01-18" }],
    ["add pay the electricity bill by Jan 31", { title: "pay the electricity bill", due: "2026-01-31" }],
    ["new task: water the plants next week", { title: "water the plants", due: "2026-01-22" }],
    ["add take out the bins tonight", { title: "take out the bins", due: "2026-01-15" }],
    ["add submit timesheet by end of week", { title: "submit timesheet", due: "2026-01-16" }],
    ["add clean the car the day after tomorrow", { title: "clean the car", due: "2026-01-17" }],
    [
      "create task: fix the login bug #work #urgent-fixes p1",
      { title: "fix the login bug", priority: "high", tags: ["work", "urgent-fixes"] },
    ],
    ["add low priority task sort the photos", { title: "sort the photos", priority: "low" }],
    ["add tidy the shed, normal priority", { title: "tidy the shed", priority: "medium" }],
    ["add call the plumber asap pls", { title: "call the plumber", priority: "high" }],
    ["add buy eggs and bread", { title: "buy eggs and bread" }],
    ["put batteries on my shopping list", { title: "batteries" }],
    ["don't let me forget to email Sam", { title: "email Sam" }],
    ["add groceries tagged errands", { title: "groceries", tags: ["errands"] }],
  ])("%s", (say, expected) => {
    const { tool: name, args } = tool(say, []);
    expect(name).toBe("add_task");
    expect(args).toEqual(expected);
  });

  it("keeps quoted titles verbatim and never date-parses them", () => {
    expect(tool("Please add 'Prepare slides for Monday standup'").args).toEqual({
      title: "Prepare slides for Monday standup",
    });
    expect(tool("add “Plan Friday retro” due tomorrow").args).toEqual({
      title: "Plan Friday retro",
      due: "2026-01-16",
    });
    expect(tool(`add "Read 'Dune' part 2"`).args).toEqual({ title: "Read 'Dune' part 2" });
  });

  it("keeps a time of day as a date-time", () => {
    expect(tool("add call the plumber tomorrow at 3pm").args.due).toBe("2026-01-16T15:00");
  });

  it("resolves dates in the user's time zone", () => {
    const late = planOfflineTurn("add stretch tomorrow", {
      now: new Date("2026-01-15T23:30:00Z"),
      tasks: [],
      timeZone: "Europe/Berlin",
    });
    expect(late.kind === "tool" && late.arguments.due).toBe("2026-01-17");
  });

  it("never puts a user_id in arguments", () => {
    expect(tool("add buy milk").args).not.toHaveProperty("user_id");
  });
});

describe("list_tasks", () => {
  it.each([
    ["show my tasks", {}],
    ["what's pending?", { status: "pending" }],
    ["what's left to do", { status: "pending" }],
    ["list completed tasks", { status: "completed" }],
    ["what have I finished?", { status: "completed" }],
    ["show high priority tasks", { priority: "high" }],
    ["list my urgent stuff", { priority: "high" }],
    ["what do I have tagged #work", { tag: "work" }],
    ["show me everything tagged errands", { tag: "errands", status: "all" }],
    ["find tasks about invoice", { query: "invoice" }],
    ["search for dentist", { query: "dentist" }],
    ["look for tasks mentioning passport", { query: "passport" }],
  ])("%s", (say, expected) => {
    const { tool: name, args } = tool(say);
    expect(name).toBe("list_tasks");
    expect(args).toEqual(expected);
  });

  it("turns due phrases into a due window", () => {
    expect(tool("what's due tomorrow?").args).toEqual({ due_after: "2026-01-16", due_before: "2026-01-17" });
    expect(tool("what's due this week").args).toEqual({ due_after: "2026-01-12", due_before: "2026-01-19" });
    expect(tool("anything overdue?").args).toEqual({ due_before: "2026-01-15T09:00", status: "pending" });
  });

  it("does not mistake other questions for a list", () => {
    expect(plan("what's the weather like?").kind).toBe("reply");
  });
});

describe("complete_task", () => {
  it.each([
    ["mark task 3 as done", 3],
    ["complete 7", 7],
    ["check off #12", 12],
    ["task 4 is done", 4],
    ["I finished the quarterly report", 9],
    ["done with the report", 9],
    ["tick off the dentist appointment", 11],
    ["I'm done with the meeting prep", 12],
    ["I've bought the oat milk", 7],
    ["cross off buy milk", 4],
  ])("%s", (say, id) => {
    expect(tool(say)).toEqual({ tool: "complete_task", args: { task_id: id } });
  });
});

describe("delete_task", () => {
  it.each([
    ["delete task 2", 2],
    ["delete task #12", 12],
    ["remove the meeting prep", 12],
    ["get rid of the dentist appointment", 11],
    ["scratch 'Buy oat milk'", 7],
    ["I don't need to finish the quarterly report anymore", 9],
    ["forget about the team meting prep", 12],
  ])("%s", (say, id) => {
    expect(tool(say)).toEqual({ tool: "delete_task", args: { task_id: id } });
  });

  it("prefers the exact title over a partial match", () => {
    const known = [
      { id: 6, title: "Call mom" },
      { id: 7, title: "Call dad" },
    ];
    expect(tool("cancel 'call mom'", known).args).toEqual({ task_id: 6 });
  });
});

describe("update_task", () => {
  it.each([
    ["rename task 1 to Buy oat milk", { task_id: 1, title: "Buy oat milk" }],
    ["change task 4 to 'Call dad'", { task_id: 4, title: "Call dad" }],
    ["rename the dentist appointment to Dentist on Monday", { task_id: 11, title: "Dentist on Monday" }],
    ["set task 5 priority to low", { task_id: 5, priority: "low" }],
    ["make task 2 high priority", { task_id: 2, priority: "high" }],
    ["set the priority of the dentist appointment to medium", { task_id: 11, priority: "medium" }],
    ["move the dentist appointment to next tuesday", { task_id: 11, due: "2026-01-20" }],
    ["postpone the quarterly report to friday", { task_id: 9, due: "2026-01-16" }],
    ["push the report back 2 days", { task_id: 9, due: "2026-01-22" }],
    ["task 3 due friday", { task_id: 3, due: "2026-01-16" }],
    ["change the due date of task 11 to Feb 2", { task_id: 11, due: "2026-02-02" }],
    ["remove the due date from task 3", { task_id: 3, due: null }],
    ["add description 'bring ID' to task 3", { task_id: 3, description: "bring ID" }],
    [
      "set the description of task 11 to bring the insurance card",
      { task_id: 11, description: "bring the insurance card" },
    ],
    ["tag task 2 with #home", { task_id: 2, tags: ["home"] }],
    ["tag the meeting prep with #slides", { task_id: 12, tags: ["work", "slides"] }],
    ["remove the work tag from task 12", { task_id: 12, tags: [] }],
    ["mark task 3 as not done", { task_id: 3, completed: false }],
    ["reopen call mom", { task_id: 5, completed: false }],
    ["undo task 5", { task_id: 5, completed: false }],
  ])("%s", (say, expected) => {
    expect(tool(say)).toEqual({ tool: "update_task", args: expected });
  });
});

describe("ambiguity and misses", () => {
  it("asks which task when two match equally", () => {
    const p = plan("delete milk");
    expect(p.kind).toBe("clarify");
    if (p.kind === "clarify") {
      expect(p.candidates.map((t) => t.id)).toEqual([4, 7]);
      expect(p.reply).toContain("#4");
      expect(p.reply).toContain("#7");
    }
  });

  it("says when no task matches", () => {
    const p = plan("delete the gym session");
    expect(p.kind).toBe("reply");
    if (p.kind === "reply") expect(p.reply).toMatch(/couldn't find a task matching “gym session”/i);
  });

  it("asks for the task by name when a message only points at one ('mark it done')", () => {
    for (const say of ["mark it done", "delete that one", "complete this"]) {
      const p = plan(say);
      expect(p, say).toMatchObject({
        kind: "reply",
        reply: expect.stringMatching(/^Which task do you mean\?/),
      });
    }
  });

  // Sets are read exactly (plan-bulk.test.ts): a deletion of several asks first, a completion does all.
  it("acts on exactly the set a bulk command names, asking before deleting several", () => {
    expect(plan("delete all completed tasks")).toMatchObject({
      kind: "tool",
      tool: "delete_task",
      arguments: { task_id: 5 },
    });
    expect(plan("complete 4 and 7")).toMatchObject({
      kind: "batch",
      calls: [{ task_id: 4 }, { task_id: 7 }],
    });
    expect(plan("delete everything")).toMatchObject({
      kind: "reply",
      reply: expect.stringContaining("Reply “yes, delete tasks 4, 5, 7, 9, 11 and 12” to confirm"),
    });
    expect(plan("mark both done")).toMatchObject({
      kind: "reply",
      reply: expect.stringMatching(/^Which tasks\?/),
    });
  });
});

describe("replies without a tool", () => {
  it.each(["hello", "hey there", "thanks!", "what can you do?", "help", "how does this work?", "asdfgh"])(
    "%s",
    (say) => {
      expect(plan(say).kind).toBe("reply");
    },
  );
});

describe("describeToolResult", () => {
  it("describes an added task with its due day", () => {
    const text = describeToolResult(
      "add_task",
      { title: "Buy milk", due: "2026-01-16" },
      { task_id: 1, status: "created", title: "Buy milk" },
      false,
    );
    expect(text).toBe("Added ‘Buy milk’ (#1, due Fri 16 Jan).");
  });

  it("lists tasks from an MCP result with structured content", () => {
    const result = {
      structuredContent: {
        tasks: [
          { id: 4, title: "Buy milk", completed: false, priority: "high", tags: ["errands"], due_at: null },
        ],
      },
    };
    expect(describeToolResult("list_tasks", {}, result, false)).toBe(
      "Here is 1 task:\n#4 [ ] Buy milk (high priority, #errands)",
    );
  });

  it("explains errors", () => {
    const error = { isError: true, content: [{ type: "text", text: "Task 99 not found" }] };
    expect(describeToolResult("delete_task", { task_id: 99 }, error, true)).toContain("Task 99 not found");
  });
});

describe("generalisation rules", () => {
  // Friday 30 January 2026 and Sunday 29 March 2026, for month ends and day-of-month dates.
  const friday = new Date("2026-01-30T10:00:00Z");
  const sunday = new Date("2026-03-29T12:00:00Z");
  const at = (say: string, when: Date, known: KnownTask[] = []): OfflinePlan =>
    planOfflineTurn(say, { now: when, tasks: known, lists: [] });
  const shelf: KnownTask[] = [
    { id: 31, title: "Pay electricity bill" },
    { id: 32, title: "Book flights to Lisbon" },
    { id: 33, title: "Clean garage" },
    { id: 34, title: "Send invoice to ACME", tags: ["work"] },
    { id: 35, title: "Call the plumber" },
    { id: 41, title: "Pay rent", completed: true },
  ];
  const args = (p: OfflinePlan): Record<string, unknown> | string =>
    p.kind === "tool" ? { tool: p.tool, ...p.arguments } : p.kind;

  it("reads the end of the month and drops every connector before a date", () => {
    expect(args(at("pls add renew gym membership by the end of the month", friday))).toEqual({
      tool: "add_task",
      title: "renew gym membership",
      due: "2026-01-31",
    });
    expect(args(at("add pick up laundry on the 3rd of February", friday))).toMatchObject({
      title: "pick up laundry",
      due: "2026-02-03",
    });
    expect(args(at("add get passport photos this coming friday", sunday))).toMatchObject({
      title: "get passport photos",
      due: "2026-04-03",
    });
  });

  it("reads a spelled-out day of the month only after a connector", () => {
    expect(args(at("add pay rent on the first", friday))).toMatchObject({
      title: "pay rent",
      due: "2026-02-01",
    });
    expect(plan("complete the first one", shelf)).toMatchObject({ kind: "tool", tool: "complete_task" });
  });

  it("treats a weekday that describes a noun as part of the title", () => {
    expect(tool("add a task to email Priya about the Monday meeting", []).args).toEqual({
      title: "email Priya about the Monday meeting",
    });
    expect(tool("add prepare notes for Friday's retro", []).args).toEqual({
      title: "prepare notes for Friday's retro",
    });
    expect(tool("add call mom on monday morning", []).args).toMatchObject({ due: "2026-01-19" });
  });

  it("stops a tag list at the next detail and reads a trailing ', tag X'", () => {
    expect(tool("add book club reading, tag: books, due Feb 3rd", []).args).toEqual({
      title: "book club reading",
      tags: ["books"],
      due: "2026-02-03",
    });
    expect(tool("new task: clean the windows, low priority, tag home", []).args).toEqual({
      title: "clean the windows",
      priority: "low",
      tags: ["home"],
    });
  });

  it("accepts 'todo X', 'can u', greetings and 'actually' before a command", () => {
    expect(tool("todo buy printer ink", []).args).toEqual({ title: "buy printer ink" });
    expect(tool("can u add walk the dog", []).args).toEqual({ title: "walk the dog" });
    expect(tool("good morning! what's on my list today?").tool).toBe("list_tasks");
    expect(tool("add buy groceries (low priority)", []).args).toEqual({
      title: "buy groceries",
      priority: "low",
    });
  });

  it("schedules: a new task without the verb, or a due date for a known task", () => {
    expect(tool("schedule dentist checkup for next tuesday", []).args).toEqual({
      title: "dentist checkup",
      due: "2026-01-20",
    });
    expect(tool("schedule the plumber for tomorrow", shelf)).toEqual({
      tool: "update_task",
      args: { task_id: 35, due: "2026-01-16" },
    });
    expect(tool("schedule the team offsite", []).args).toEqual({ title: "schedule the team offsite" });
  });

  it("lists both statuses, unfinished work and tag filters", () => {
    expect(tool("show all tasks including finished ones").args).toEqual({ status: "all" });
    expect(tool("show me tasks i haven't done").args).toEqual({ status: "pending" });
    expect(tool("filter by tag errands").args).toEqual({ tag: "errands" });
  });

  it("reads spelled-out task numbers and bare numbers after an editing verb", () => {
    expect(tool("mark task nine as done")).toEqual({ tool: "complete_task", args: { task_id: 9 } });
    expect(tool("tag 33 home", [])).toEqual({ tool: "update_task", args: { task_id: 33, tags: ["home"] } });
  });

  it("renames by naming: 'call task 3 X', 'X should be called Y'", () => {
    expect(tool("call task 3 Quarterly review", [])).toEqual({
      tool: "update_task",
      args: { task_id: 3, title: "Quarterly review" },
    });
    expect(tool("task 4 should be called Call grandpa", [])).toEqual({
      tool: "update_task",
      args: { task_id: 4, title: "Call grandpa" },
    });
    expect(tool("call the plumber tomorrow", []).tool).toBe("add_task");
  });

  it("prefers the rename split that does not swallow the new title", () => {
    expect(tool("rename flights to Book flights to Porto", shelf).args).toEqual({
      task_id: 32,
      title: "Book flights to Porto",
    });
  });

  it("reads edits that name the task after the value or the attribute first", () => {
    expect(tool("set priority to medium for task 36", []).args).toEqual({ task_id: 36, priority: "medium" });
    expect(tool("description for task 32: window seats if possible", []).args).toEqual({
      task_id: 32,
      description: "window seats if possible",
    });
    expect(tool("add #errands to task 41", shelf).args).toEqual({ task_id: 41, tags: ["errands"] });
    expect(tool("add #work stuff to my list", shelf).tool).toBe("add_task");
  });

  it("reads several details as one value and priority shifts", () => {
    expect(tool("update task 33: due tomorrow, high priority", shelf).args).toEqual({
      task_id: 33,
      due: "2026-01-16",
      priority: "high",
    });
    expect(tool("lower the priority of the invoice", shelf).args).toEqual({ task_id: 34, priority: "low" });
    expect(tool("make the invoice less urgent", shelf).args).toEqual({ task_id: 34, priority: "low" });
    expect(tool("untag work from the invoice", shelf).args).toEqual({ task_id: 34, tags: [] });
  });

  it("completes on terse reports and 'mark X as <participle>'", () => {
    expect(tool("flights booked", shelf)).toEqual({ tool: "complete_task", args: { task_id: 32 } });
    expect(tool("mark the bill as paid", shelf)).toEqual({ tool: "complete_task", args: { task_id: 31 } });
    expect(tool("mark the invoice as urgent", shelf).tool).toBe("update_task");
    expect(tool("remind me to get the garage cleaned", shelf).tool).toBe("add_task");
  });

  it("deletes on 'X can be deleted' and reopens on 'put X back on my list'", () => {
    expect(tool("the invoice can be deleted", shelf)).toEqual({ tool: "delete_task", args: { task_id: 34 } });
    expect(tool("put task 41 back on my todo list", shelf)).toEqual({
      tool: "update_task",
      args: { task_id: 41, completed: false },
    });
  });

  it("answers 'what can you help me with?' with help", () => {
    expect(plan("what can you help me with?").kind).toBe("reply");
  });
});

describe("independent phrasings (variants-3 rules)", () => {
  const known: KnownTask[] = [
    { id: 21, title: "Renew passport" },
    { id: 22, title: "Pay rent" },
    { id: 30, title: "Go to the gym" },
    { id: 31, title: "Buy groceries" },
  ];

  it("drops 'quick one:', 'real quick', 'hmm' and 'yep' before a command", () => {
    expect(tool("quick one: add email the landlord", []).args).toEqual({ title: "email the landlord" });
    expect(tool("real quick, add return library books", []).args).toEqual({ title: "return library books" });
    expect(tool("hmm add buy eggs", []).args).toEqual({ title: "buy eggs" });
    expect(tool("yep, done with task 3", [])).toEqual({ tool: "complete_task", args: { task_id: 3 } });
  });

  it("adds with 'stick/pop X on the list'", () => {
    expect(tool("stick buy batteries on the list for tomorrow", []).args).toEqual({
      title: "buy batteries",
      due: "2026-01-16",
    });
  });

  it("reads 'Tues' and 'Weds' as weekdays and keeps the title clean", () => {
    expect(tool("add yoga class on Tues", []).args).toEqual({ title: "yoga class", due: "2026-01-20" });
    expect(tool("add team lunch by weds", []).args).toEqual({ title: "team lunch", due: "2026-01-21" });
  });

  it("completes 'all done with X' and 'mark as done: task N', reopens 'mark as not done: task N'", () => {
    expect(tool("all done with the gym one", known)).toEqual({
      tool: "complete_task",
      args: { task_id: 30 },
    });
    expect(tool("mark as done: task 4", [])).toEqual({ tool: "complete_task", args: { task_id: 4 } });
    expect(tool("mark as not done: task 4", [])).toEqual({
      tool: "update_task",
      args: { task_id: 4, completed: false },
    });
  });

  it("reads a command on 'it' after the clause that names the task", () => {
    expect(tool("I don't need the groceries task anymore, delete it", known)).toEqual({
      tool: "delete_task",
      args: { task_id: 31 },
    });
    expect(tool("renewed the passport, check it off", known)).toEqual({
      tool: "complete_task",
      args: { task_id: 21 },
    });
    expect(tool("I don't need the gym one anymore", known)).toEqual({
      tool: "delete_task",
      args: { task_id: 30 },
    });
  });

  it("ignores a wish before a command on a numbered task and a trailing reason", () => {
    expect(tool("I want to delete task 4", [])).toEqual({ tool: "delete_task", args: { task_id: 4 } });
    expect(tool("I need to delete old photos", []).args).toEqual({ title: "delete old photos" });
    expect(tool("delete task 9, I don't need it", [])).toEqual({ tool: "delete_task", args: { task_id: 9 } });
  });

  it("reads a numbered task named before its command", () => {
    expect(tool("task 4: change priority to low", [])).toEqual({
      tool: "update_task",
      args: { task_id: 4, priority: "low" },
    });
    expect(tool("task 2 - move to friday", [])).toEqual({
      tool: "update_task",
      args: { task_id: 2, due: "2026-01-16" },
    });
  });

  it("bumps or shifts a named task to a day, but adds when nothing is named", () => {
    expect(tool("bump task 4 to tomorrow", [])).toEqual({
      tool: "update_task",
      args: { task_id: 4, due: "2026-01-16" },
    });
    expect(tool("bump the rent task to monday", known).args).toEqual({ task_id: 22, due: "2026-01-19" });
    expect(tool("shift the gym to saturday", known).args).toEqual({ task_id: 30, due: "2026-01-17" });
  });

  it("reads 'task N should be low priority'", () => {
    expect(tool("task 4 should be low priority", [])).toEqual({
      tool: "update_task",
      args: { task_id: 4, priority: "low" },
    });
  });

  it("renames with a quoted title and no 'to'", () => {
    expect(tool("rename task 3 'Buy stamps'", [])).toEqual({
      tool: "update_task",
      args: { task_id: 3, title: "Buy stamps" },
    });
  });

  it("reads tag filters: 'have the tag X', 'with the X tag', quoted tag names", () => {
    expect(tool("what tasks have the tag home", []).args).toEqual({ tag: "home" });
    expect(tool("what do I have tagged #work", []).args).toEqual({ tag: "work" });
    expect(tool("show me tasks with the work tag", []).args).toEqual({ tag: "work" });
    expect(tool("show me everything tagged 'work'", []).args).toMatchObject({ tag: "work" });
    expect(tool("add buy milk with the shopping tag", []).args).toEqual({
      title: "buy milk",
      tags: ["shopping"],
    });
  });

  it("reads chat spellings of tomorrow and tonight", () => {
    expect(tool("plz add call dad 2moro", []).args).toEqual({ title: "call dad", due: "2026-01-16" });
    expect(tool("add tidy desk tonite", []).args).toEqual({ title: "tidy desk", due: "2026-01-15" });
  });

  it("drops hedges after 'I should' and reads 'make a note to X' as a new task", () => {
    expect(tool("I should probably call the plumber", []).args).toEqual({ title: "call the plumber" });
    expect(tool("make a note to buy stamps", tasks).args).toEqual({ title: "buy stamps" });
    expect(tool("add a note to task 3: bring the receipts", []).args).toEqual({
      task_id: 3,
      description: "bring the receipts",
    });
  });

  it("moves a known task stated to fall on a day", () => {
    expect(tool("dentist appointment is now on friday")).toEqual({
      tool: "update_task",
      args: { task_id: 11, due: "2026-01-16" },
    });
    // Naming no task and with no add verb, a date alone is not a clear add (unclear.test.ts).
    expect(plan("the party is on friday", []).kind).toBe("reply");
  });
});

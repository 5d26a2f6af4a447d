import { describe, expect, it } from "vitest";
import type { KnownTask, OfflinePlan } from "./index.js";
import { describeToolResult, planOfflineTurn } from "./index.js";

// Thursday 15 January 2026, 09:00 UTC.
const now = new Date("2026-01-15T09:00:00Z");
const tasks: KnownTask[] = [
  { id: 4, title: "Buy milk" },
  { id: 5, title: "Call mom", completed: true },
  { id: 7, title: "Buy oat milk" },
  { id: 9, title: "Finish quarterly report", due_at: "2026-01-20T00:00:00Z" },
  { id: 11, title: "Dentist appointment" },
  { id: 12, title: "Team meeting prep", tags: ["work"] },
];

function plan(say: string, known: KnownTask[] = tasks, timeZone?: string): OfflinePlan {
  return planOfflineTurn(say, { now, tasks: known, timeZone });
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
    expect(tool("add call the plumber tomorrow at 3pm").args.due).toBe("2026-01-16T15:00:00Z");
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
    expect(tool("what's due tomorrow?").args).toEqual({
      due_after: "2026-01-16T00:00:00.000Z",
      due_before: "2026-01-17T00:00:00.000Z",
    });
    expect(tool("what's due this week").args).toEqual({ due_before: "2026-01-19T00:00:00.000Z" });
    expect(tool("anything overdue?").args).toEqual({ due_before: now.toISOString(), status: "pending" });
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
    if (p.kind === "reply") expect(p.reply).toMatch(/show my tasks/i);
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
    expect(text).toBe("Added ‘Buy milk’ (due Fri 16 Jan).");
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

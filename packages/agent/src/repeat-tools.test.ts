// The agent's bookkeeping around repeats, reminders and the bulk tools: what a failed turn had already
// done, which calls "undo" reverts, and what the model is told.
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { describe, expect, it } from "vitest";
import { describeDone } from "./describe-done";
import { CHANGE_TOOLS } from "./offline/conversation";
import { inverseOf } from "./offline/inverse";
import { systemPrompt } from "./system-prompt";

describe("describeDone", () => {
  it("leaves out the read-only tools and counts bulk calls", () => {
    const said = describeDone([
      { tool: TOOL.getOverview, arguments: {}, result: { counts: {} } },
      {
        tool: TOOL.findTasksByDate,
        arguments: { from: "2026-12-01", to: "2026-12-01" },
        result: { tasks: [] },
      },
      {
        tool: TOOL.addTasks,
        arguments: { tasks: [{ title: "a" }, { title: "b" }, { title: "c" }] },
        result: { count: 3 },
      },
      { tool: TOOL.completeTasks, arguments: { task_ids: [4, 5] }, result: {} },
    ]);
    expect(said).toBe("I added 3 tasks and completed 2 tasks");
  });

  it("says nothing when only reads succeeded", () => {
    expect(describeDone([{ tool: TOOL.getOverview, arguments: {}, result: {} }])).toBeUndefined();
  });
});

describe("undo of a repeat or reminder change", () => {
  const before = {
    title: "Gym",
    due_at: "2026-12-01T17:00:00Z",
    recurrence_text: "every Tuesday",
    remind_at: null,
  };
  it("puts the rule (in words) and the reminder back", () => {
    const call = {
      tool: TOOL.updateTask,
      arguments: { task_id: 4, recurrence: null, remind_at: "2026-12-01T08:00" },
      result: { task_id: 4, before },
    };
    expect(inverseOf(call)).toEqual({
      tool: TOOL.updateTask,
      arguments: { task_id: 4, recurrence: "every Tuesday", remind_at: null },
    });
  });

  it("a skip puts the due back", () => {
    const call = {
      tool: TOOL.updateTask,
      arguments: { task_id: 4, due: "2026-12-08T09:00" },
      result: { task_id: 4, before },
    };
    expect(inverseOf(call)).toEqual({
      tool: TOOL.updateTask,
      arguments: { task_id: 4, due: "2026-12-01T17:00:00Z" },
    });
  });

  it("a completed repeating task moved on: undo says it cannot count it back instead of a reopen that does nothing", () => {
    const call = {
      tool: TOOL.completeTask,
      arguments: { task_id: 4 },
      result: {
        task_id: 4,
        status: "completed",
        title: "Gym",
        recurrence_text: "every Tuesday",
        due_at: "x",
      },
    };
    expect(inverseOf(call)).toEqual({ cannot: expect.stringMatching(/can't take that back/) });
    expect(inverseOf({ ...call, result: { task_id: 4, status: "completed", title: "Gym" } })).toEqual({
      tool: TOOL.updateTask,
      arguments: { task_id: 4, completed: false },
    });
  });

  it("the bulk tools are changes (undo finds them, and says it cannot revert them)", () => {
    expect(CHANGE_TOOLS.has(TOOL.addTasks)).toBe(true);
    expect(CHANGE_TOOLS.has(TOOL.getOverview)).toBe(false);
    expect(inverseOf({ tool: TOOL.addTasks, arguments: { task_id: 1 }, result: {} })).toHaveProperty(
      "cannot",
    );
  });
});

it("the system prompt says tasks repeat and carry reminders, and names the bulk tools and the overview", () => {
  const prompt = systemPrompt(new Date("2026-11-30T17:00:00Z"), "America/Los_Angeles");
  for (const word of [
    "recurrence",
    "remind_at",
    TOOL.addTasks,
    TOOL.updateTasks,
    TOOL.getOverview,
    TOOL.findTasksByDate,
  ])
    expect(prompt).toContain(word);
});

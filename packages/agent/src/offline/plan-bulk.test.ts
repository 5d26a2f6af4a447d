// Commands on a set of tasks act on exactly that set, or change nothing and say why: never on one task
// guessed from the set. Deleting more than one task asks first, with a reply that is itself a command.
import { describe, expect, it } from "vitest";
import { runBatch } from "../offline-agent.js";
import type { ToolCallRecord } from "../types.js";
import { planOfflineTurn } from "./plan-offline-turn.js";
import type { BatchPlan, KnownTask, OfflinePlan } from "./types.js";

const now = new Date("2026-11-30T09:00:00Z");
const tasks: KnownTask[] = [
  { id: 1, title: "Buy milk", tags: ["groceries"] },
  { id: 2, title: "Pick up the dry cleaning", tags: ["errands"] },
  { id: 3, title: "Pay the electricity bill", completed: true, tags: ["bills"] },
  { id: 4, title: "Dentist appointment", tags: ["health", "work"] },
  { id: 5, title: "Write the quarterly report", completed: true, tags: ["work"] },
  { id: 6, title: "Prepare slides", tags: ["work"], priority: "high" },
  { id: 7, title: "Renew passport", due_at: "2026-11-20", priority: "high" },
];

function plan(say: string, history?: { role: "user" | "assistant"; content: string }[]): OfflinePlan {
  return planOfflineTurn(say, { now, tasks, lists: [], history });
}

function ids(p: OfflinePlan): number[] {
  if (p.kind === "batch") return p.calls.map((c) => Number(c.task_id)).sort((a, b) => a - b);
  if (p.kind === "tool") return [Number(p.arguments.task_id)];
  return [];
}

function reply(p: OfflinePlan): string {
  if (p.kind === "reply" || p.kind === "clarify") return p.reply;
  throw new Error(`expected a reply, got ${JSON.stringify(p)}`);
}

describe("deleting a set shows it and asks for a yes that names the ids", () => {
  it.each([
    ["delete everything", [1, 2, 3, 4, 5, 6, 7]],
    ["remove all my tasks", [1, 2, 3, 4, 5, 6, 7]],
    ["clear all completed", [3, 5]],
    ["delete completed tasks", [3, 5]],
    ["wipe out every finished task", [3, 5]],
    ["delete all tasks tagged work", [4, 5, 6]],
    ["get rid of all #work tasks", [4, 5, 6]],
    ["delete all work tasks", [4, 5, 6]],
    ["delete all high priority tasks", [6, 7]],
    ["remove all overdue tasks", [7]],
    ["delete the milk one and the dry cleaning one", [1, 2]],
    ["delete tasks 4, 6 and 7", [4, 6, 7]],
  ] as const)("%s", (say, set) => {
    const p = plan(say);
    if (set.length === 1) {
      expect(p).toEqual({ kind: "tool", tool: "delete_task", arguments: { task_id: set[0] } });
      return;
    }
    const text = reply(p);
    for (const id of set) expect(text).toContain(`#${id} `);
    expect(text).toContain(
      `Reply “yes, delete tasks ${set.slice(0, -1).join(", ")} and ${set.at(-1)}” to confirm`,
    );
    expect(text).toMatch(/Nothing is deleted yet/);
  });

  it("the confirmation phrase deletes exactly that set, from the message alone", () => {
    const p = plan("yes, delete tasks 3 and 5");
    expect(p.kind).toBe("batch");
    expect(ids(p)).toEqual([3, 5]);
    expect((p as BatchPlan).tool).toBe("delete_task");
  });

  it("a bare yes confirms the question asked just before (kept in the conversation)", () => {
    const asked = reply(plan("clear all completed"));
    const p = plan("yes", [
      { role: "user", content: "clear all completed" },
      { role: "assistant", content: asked },
    ]);
    expect(ids(p)).toEqual([3, 5]);
    // Without that question, "yes" is just small talk.
    expect(plan("yes").kind).toBe("reply");
    expect(plan("yes", [{ role: "assistant", content: "Added ‘milk’." }]).kind).toBe("reply");
  });

  it("a confirmation naming a task that is gone deletes nothing", () => {
    expect(reply(plan("yes, delete tasks 3 and 99"))).toMatch(/#99.*deleted nothing/);
  });
});

describe("completing or reopening a set does all of it", () => {
  it.each([
    ["mark the milk one and the dry cleaning one done", "complete_task", [1, 2]],
    ["complete all tasks tagged work", "complete_task", [4, 6]],
    ["finish everything", "complete_task", [1, 2, 4, 6, 7]],
    ["complete 1 and 2", "complete_task", [1, 2]],
    ["tick off tasks 1, 2 & 7", "complete_task", [1, 2, 7]],
    ["reopen all completed tasks", "update_task", [3, 5]],
    ["mark all work tasks as not done", "update_task", [5]],
  ] as const)("%s", (say, tool, set) => {
    const p = plan(say);
    expect(ids(p)).toEqual([...set]);
    expect(p.kind === "batch" ? p.tool : p.kind === "tool" ? p.tool : p.kind).toBe(tool);
  });
});

describe("a set that cannot be read exactly changes nothing and says why", () => {
  it.each([
    ["complete the milk one and the bank one", /no task matches “bank”/],
    ["delete the milk one and task 42", /no task #42/],
    ["complete all tasks tagged garden", /no tasks tagged #garden/],
    ["reopen all pending tasks", /nothing was changed/i],
    ["move all work tasks to friday", /one task at a time/],
    ["rename the milk one and the dry cleaning one to Shop", /one task at a time/],
    ["set the priority of every task to low", /one task at a time/],
  ] as const)("%s", (say, why) => {
    const p = plan(say);
    expect(p.kind).toBe("reply");
    expect(reply(p)).toMatch(why);
  });

  it("one task whose title holds “and” is still one task", () => {
    const own = [...tasks, { id: 8, title: "Buy bread and jam" }];
    expect(planOfflineTurn("complete buy bread and jam", { now, tasks: own })).toEqual({
      kind: "tool",
      tool: "complete_task",
      arguments: { task_id: 8 },
    });
  });
});

describe("running a set", () => {
  const batch = (action: BatchPlan["action"], tool: BatchPlan["tool"], setIds: number[]): BatchPlan => ({
    kind: "batch",
    action,
    tool,
    calls: setIds.map((id) => ({ task_id: id })),
    tasks: setIds.map((id) => ({ id, title: `task ${id}` })),
  });
  const fake = (failOn: number) => {
    const calls: { tool: string; args: Record<string, unknown> }[] = [];
    const call = async (tool: string, args: Record<string, unknown>): Promise<ToolCallRecord> => {
      calls.push({ tool, args });
      const failed = tool !== "update_task" && args.task_id === failOn;
      return { tool, arguments: args, result: failed ? "Task not found" : {}, is_error: failed || undefined };
    };
    return { calls, call };
  };

  it("a completion that fails half-way puts the done ones back and says nothing changed", async () => {
    const { calls, call } = fake(2);
    const outcome = await runBatch(batch("complete", "complete_task", [1, 2, 4]), call);
    expect(calls.map((c) => [c.tool, c.args])).toEqual([
      ["complete_task", { task_id: 1 }],
      ["complete_task", { task_id: 2 }],
      ["update_task", { task_id: 1, completed: false }],
    ]);
    expect(outcome.response).toMatch(/changed nothing/);
  });

  it("a completion that succeeds says all of them", async () => {
    const { call } = fake(-1);
    const outcome = await runBatch(batch("complete", "complete_task", [1, 2]), call);
    expect(outcome.response).toMatch(/^Marked all 2 tasks as done: #1 ‘task 1’, #2 ‘task 2’/);
    expect(outcome.records).toHaveLength(2);
  });

  it("a deletion that fails half-way restores the deleted ones from the trash and says nothing changed", async () => {
    const { calls, call } = fake(4);
    const outcome = await runBatch(batch("delete", "delete_task", [1, 4, 6]), call);
    expect(calls.map((c) => [c.tool, c.args])).toEqual([
      ["delete_task", { task_id: 1 }],
      ["delete_task", { task_id: 4 }],
      ["restore_task", { task_id: 1 }],
    ]);
    expect(outcome.response).toMatch(/changed nothing: none of the 3 tasks was deleted/);
  });
});

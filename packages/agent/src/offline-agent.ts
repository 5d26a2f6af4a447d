import { READ_ONLY_TOOLS, TOOL } from "@taskflow/contracts/mcp-tools";
import { AgentError } from "./agent-error";
import { createMcpConnection } from "./mcp-session";
import {
  type BatchPlan,
  describeToolResult,
  inverseOf,
  type KnownList,
  type KnownTask,
  type OfflinePlan,
  planOfflineTurn,
  type Step,
  type TurnContext,
} from "./offline/index";
import type { ChatAgent, ToolCallRecord, TurnInput, TurnResult } from "./types";

/** The built-in assistant: a deterministic English parser making the same MCP tool calls a model would. */
export function createOfflineAgent(options: { mcpUrl: string }): ChatAgent {
  const connection = createMcpConnection(options.mcpUrl);
  return {
    mode: "offline",
    runTurn: (input: TurnInput) =>
      runOfflineTurn(input, (tool, args) => connection.call(input.mcpToken, tool, args, input.signal)),
  };
}

type Call = (tool: string, args: Record<string, unknown>) => Promise<ToolCallRecord>;

const UNDO_OFFER = "Say “undo” to revert.";

/** One turn of the offline assistant over a tool caller (the MCP connection, or a fake in tests). */
export async function runOfflineTurn(input: TurnInput, call: Call): Promise<TurnResult> {
  const tasks = new KnownTasks(call);
  // The parser resolves "the report" or "milk" against the user's real tasks, but only some commands
  // refer to a task ("add …" does not): the listing is fetched only when the plan says it needs it.
  // The same holds for the user's lists ("add milk to Groceries"): fetched only when the plan asks.
  let context: TurnContext = { now: input.now, timeZone: input.timeZone, history: input.history };
  let plan = planOfflineTurn(input.message, context);
  // Each need is met once: with the tasks (or lists) in the context, the plan never asks for them again.
  while (plan.kind === "needs-tasks" || plan.kind === "needs-lists") {
    context =
      plan.kind === "needs-tasks"
        ? { ...context, tasks: await tasks.all() }
        : { ...context, lists: await tasks.lists() };
    plan = planOfflineTurn(input.message, context);
  }
  const outcome = await carryOut(plan, call, tasks, input);
  for (const record of outcome.records) input.onEvent?.({ type: "tool_call", call: record });
  input.onEvent?.({ type: "text", delta: outcome.response });
  return { response: outcome.response, toolCalls: outcome.records };
}

async function carryOut(
  plan: OfflinePlan,
  call: Call,
  tasks: KnownTasks,
  input: TurnInput,
): Promise<{ response: string; records: ToolCallRecord[] }> {
  const describe = (step: Step | ToolCallRecord, record: ToolCallRecord) =>
    describeToolResult(step.tool, step.arguments, record.result, record.is_error === true, {
      timeZone: input.timeZone,
      now: input.now,
      ...("view" in plan && plan.kind === "tool" && plan.view !== undefined ? { view: plan.view } : {}),
    });
  switch (plan.kind) {
    case "reply":
    case "clarify":
      return { response: plan.reply, records: [] };
    case "batch":
      return runBatch(plan, call, tasks, describe);
    case "steps": {
      const outcome = await runSteps(plan.steps, call, tasks);
      if (!outcome.ok)
        return { response: failureReply(outcome, plan.steps.length, describe), records: outcome.records };
      const done = outcome.records.map((r) => describe(r, r)).join(" ");
      const head = plan.purpose === "undo" ? "Undone." : `Done, all ${plan.steps.length}:`;
      return { response: `${head} ${done} ${UNDO_OFFER}`, records: outcome.records };
    }
    case "tool": {
      if (READ_ONLY_TOOLS.has(plan.tool)) {
        const record = await call(plan.tool, plan.arguments);
        return { response: describe(plan, record), records: [record] };
      }
      const outcome = await runSteps([plan], call, tasks);
      const [record] = outcome.records;
      if (record === undefined) return { response: "Nothing was changed.", records: [] };
      const said = describe(plan, record);
      return { response: outcome.ok ? `${said} ${UNDO_OFFER}` : said, records: outcome.records };
    }
  }
}

/**
 * The user's tasks, read at most once per turn (for resolving references and `before` snapshots), and
 * their lists (list_lists), read at most once when the plan names a list.
 */
export class KnownTasks {
  private listing: Promise<KnownTask[]> | undefined;
  private lists_: Promise<KnownList[]> | undefined;
  constructor(private readonly call: Call) {}
  lists(): Promise<KnownList[]> {
    this.lists_ ??= this.call(TOOL.listLists, {}).then((listing) => {
      if (listing.is_error) throw new AgentError("tools_unavailable", listing.result);
      return ((listing.result as { lists?: KnownList[] }).lists ?? []) as KnownList[];
    });
    return this.lists_;
  }
  all(): Promise<KnownTask[]> {
    this.listing ??= this.call(TOOL.listTasks, { status: "all", limit: 100 }).then((listing) => {
      if (listing.is_error) throw new AgentError("tools_unavailable", listing.result);
      return ((listing.result as { tasks?: KnownTask[] }).tasks ?? []) as KnownTask[];
    });
    return this.listing;
  }
}

type StepsOutcome =
  | { ok: true; records: ToolCallRecord[] }
  | { ok: false; records: ToolCallRecord[]; failed: Step; failure: ToolCallRecord; undone: boolean };

/**
 * Makes the calls in order, all or nothing: when one fails, the calls already made are reverted (newest
 * first) with the same inverses "undo" uses, and the outcome says whether that worked.
 *
 * Before an update the task's listed fields are kept in the recorded result as `before`, so "undo" (in a
 * later turn, on any replica) can put them back from the stored conversation. The snapshot lives in the
 * result the agent records, not in the arguments: the arguments stay exactly what was sent to the tool.
 */
export async function runSteps(steps: readonly Step[], call: Call, tasks: KnownTasks): Promise<StepsOutcome> {
  const records: ToolCallRecord[] = [];
  const done: ToolCallRecord[] = [];
  for (const step of steps) {
    const before = step.tool === TOOL.updateTask ? await snapshot(step, tasks) : undefined;
    const record = await call(step.tool, step.arguments);
    const kept =
      before !== undefined &&
      record.is_error !== true &&
      typeof record.result === "object" &&
      record.result !== null
        ? { ...record, result: { ...(record.result as Record<string, unknown>), before } }
        : record;
    records.push(kept);
    if (kept.is_error === true) {
      let undone = true;
      for (const change of [...done].reverse()) {
        const inverse = inverseOf(change);
        if ("cannot" in inverse) {
          undone = false;
          continue;
        }
        const reverted = await call(inverse.tool, inverse.arguments);
        records.push(reverted);
        if (reverted.is_error === true) undone = false;
      }
      return { ok: false, records, failed: step, failure: kept, undone };
    }
    done.push(kept);
  }
  return { ok: true, records };
}

async function snapshot(step: Step, tasks: KnownTasks): Promise<Record<string, unknown> | undefined> {
  const task = (await tasks.all()).find((t) => t.id === step.arguments.task_id);
  if (task === undefined) return undefined;
  return {
    title: task.title,
    priority: task.priority ?? "none",
    tags: task.tags ?? [],
    due_at: task.due_at ?? null,
    completed: task.completed === true,
    recurrence_text: task.recurrence_text ?? null,
    remind_at: task.remind_at ?? null,
    list: task.list ?? null,
  };
}

function failureReply(
  outcome: Extract<StepsOutcome, { ok: false }>,
  total: number,
  describe: (step: Step, record: ToolCallRecord) => string,
): string {
  const why = describe(outcome.failed, outcome.failure);
  if (total === 1) return why;
  return outcome.undone
    ? `${why} So I changed nothing: none of the ${total} changes was made.`
    : `${why} I could not put back everything I had already changed; say “show my tasks” to check.`;
}

const DONE_WORD = { complete: "marked done", delete: "deleted", reopen: "reopened" } as const;

function titles(tasks: readonly { id: number; title: string }[]): string {
  return tasks.map((t) => `#${t.id} ‘${t.title}’`).join(", ");
}

/**
 * Runs one tool over a set of tasks, all or nothing (deleted tasks come back from the trash): when one
 * call fails, the tasks already changed are put back and the reply says nothing changed.
 */
export async function runBatch(
  plan: BatchPlan,
  call: Call,
  tasks: KnownTasks = new KnownTasks(call),
  describe: (step: Step, record: ToolCallRecord) => string = (step, record) =>
    describeToolResult(step.tool, step.arguments, record.result, record.is_error === true),
): Promise<{ response: string; records: ToolCallRecord[] }> {
  const steps = plan.calls.map((args) => ({ tool: plan.tool, arguments: args }));
  const outcome = await runSteps(steps, call, tasks);
  if (!outcome.ok) {
    const why = describe(outcome.failed, outcome.failure);
    const tail = outcome.undone
      ? `So I changed nothing: none of the ${plan.tasks.length} tasks was ${DONE_WORD[plan.action]}.`
      : "I could not put back everything I had already changed; say “show my tasks” to check.";
    return { response: `${why} ${tail}`, records: outcome.records };
  }
  const note = plan.note === undefined ? "" : ` ${plan.note}`;
  const all = `all ${plan.tasks.length} tasks`;
  const head =
    plan.action === "complete"
      ? `Marked ${all} as done`
      : plan.action === "delete"
        ? `Deleted ${all}`
        : `Reopened ${all}`;
  return { response: `${head}: ${titles(plan.tasks)}.${note} ${UNDO_OFFER}`, records: outcome.records };
}

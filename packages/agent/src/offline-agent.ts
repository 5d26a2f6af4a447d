import { AgentError } from "./agent-error";
import { createMcpConnection } from "./mcp-session";
import { type BatchPlan, describeToolResult, type KnownTask, planOfflineTurn } from "./offline/index";
import type { ChatAgent, ToolCallRecord, TurnInput, TurnResult } from "./types";

/** The built-in assistant: a deterministic English parser making the same MCP tool calls a model would. */
export function createOfflineAgent(options: { mcpUrl: string }): ChatAgent {
  const connection = createMcpConnection(options.mcpUrl);
  return {
    mode: "offline",
    async runTurn(input: TurnInput): Promise<TurnResult> {
      const call = (tool: string, args: Record<string, unknown>) =>
        connection.call(input.mcpToken, tool, args, input.signal);
      // The parser resolves "the report" or "milk" against the user's real tasks, but only some commands
      // refer to a task ("add …" does not). It is a pure function of its input, so a plan made without
      // ever reading `tasks` is the plan for any task list: the listing is fetched only when it is read.
      let readsTasks = false;
      const blind = planOfflineTurn(input.message, {
        now: input.now,
        timeZone: input.timeZone,
        history: input.history,
        get tasks(): KnownTask[] {
          readsTasks = true;
          return [];
        },
      });
      const plan = readsTasks
        ? planOfflineTurn(input.message, {
            now: input.now,
            timeZone: input.timeZone,
            history: input.history,
            tasks: await knownTasks(call),
          })
        : blind;
      if (plan.kind === "batch") {
        const outcome = await runBatch(plan, call);
        for (const record of outcome.records) input.onEvent?.({ type: "tool_call", call: record });
        input.onEvent?.({ type: "text", delta: outcome.response });
        return { response: outcome.response, toolCalls: outcome.records };
      }
      if (plan.kind !== "tool") {
        input.onEvent?.({ type: "text", delta: plan.reply });
        return { response: plan.reply, toolCalls: [] };
      }
      const result = await call(plan.tool, plan.arguments);
      input.onEvent?.({ type: "tool_call", call: result });
      const response = describeToolResult(
        plan.tool,
        plan.arguments,
        result.result,
        result.is_error === true,
        {
          timeZone: input.timeZone,
        },
      );
      input.onEvent?.({ type: "text", delta: response });
      return { response, toolCalls: [result] };
    },
  };
}

async function knownTasks(call: (tool: string, args: Record<string, unknown>) => Promise<ToolCallRecord>) {
  const listing = await call("list_tasks", { status: "all", limit: 100 });
  if (listing.is_error) throw new AgentError("tools_unavailable", listing.result);
  return ((listing.result as { tasks?: KnownTask[] }).tasks ?? []) as KnownTask[];
}

type Call = (tool: string, args: Record<string, unknown>) => Promise<ToolCallRecord>;

const DONE_WORD = { complete: "marked done", delete: "deleted", reopen: "reopened" } as const;

function titles(tasks: readonly { id: number; title: string }[]): string {
  return tasks.map((t) => `#${t.id} ‘${t.title}’`).join(", ");
}

/**
 * Runs one tool over a set of tasks. Completing or reopening is all or nothing: when one call fails, the
 * tasks already changed are put back and the reply says nothing changed. A deletion cannot be put back
 * through the tools, so it stops at the first failure and the reply names what was and was not deleted.
 */
export async function runBatch(
  plan: BatchPlan,
  call: Call,
): Promise<{ response: string; records: ToolCallRecord[] }> {
  const records: ToolCallRecord[] = [];
  const done: { id: number; title: string }[] = [];
  for (const [i, args] of plan.calls.entries()) {
    const task = plan.tasks[i];
    const record = await call(plan.tool, args);
    records.push(record);
    if (record.is_error === true || task === undefined) {
      const why = describeToolResult(plan.tool, args, record.result, true);
      if (plan.action === "delete") {
        const left = plan.tasks.slice(i);
        const head = done.length > 0 ? `Deleted ${done.length}: ${titles(done)}. ` : "";
        return { response: `${head}${why} Not deleted: ${titles(left)}.`, records };
      }
      for (const changed of done) {
        const undo =
          plan.action === "complete"
            ? { task_id: changed.id, completed: false }
            : { task_id: changed.id, completed: true };
        records.push(await call("update_task", undo));
      }
      return {
        response: `${why} So I changed nothing: none of the ${plan.tasks.length} tasks was ${DONE_WORD[plan.action]}.`,
        records,
      };
    }
    done.push(task);
  }
  const note = plan.note === undefined ? "" : ` ${plan.note}`;
  const all = `all ${done.length} tasks`;
  const head =
    plan.action === "complete"
      ? `Marked ${all} as done`
      : plan.action === "delete"
        ? `Deleted ${all}`
        : `Reopened ${all}`;
  return {
    response: `${head}: ${titles(done)}.${note}`,
    records,
  };
}

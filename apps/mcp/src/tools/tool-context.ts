import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { listTasksQuery } from "@taskflow/contracts";
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { AppError } from "@taskflow/core/errors";
import { listTaskSummaries } from "@taskflow/core/tasks";
import type { Db } from "@taskflow/db/client";
import { isDatabaseUnavailable } from "@taskflow/db/health";
import type { FastifyBaseLogger } from "fastify";
import type { z } from "zod";

/** What the tools share across calls: only the database. The caller is per call, never per server. */
export interface ToolDeps {
  db: Db;
}

/** Who is calling (from the token, never from arguments) and the database to act on. */
export interface ToolContext {
  db: Db;
  userId: string;
  /** The request's logger, for failures the caller is not told the details of. */
  log?: FastifyBaseLogger | undefined;
}

/** The `authInfo` the HTTP layer attaches to each request once the bearer token is verified. */
export function callerAuth(userId: string, log?: FastifyBaseLogger): AuthInfo {
  return { token: "", clientId: userId, scopes: [], extra: { userId, log } };
}

/** The context of one tool call: the user the HTTP layer authenticated for this very request. */
export function contextOf(deps: ToolDeps, extra: { authInfo?: AuthInfo | undefined }): ToolContext {
  const userId = extra.authInfo?.extra?.userId;
  // Unreachable through /mcp (it refuses unauthenticated requests); a guard, not a code path.
  if (typeof userId !== "string" || !userId) throw new Error("No authenticated user for this call");
  return { db: deps.db, userId, log: extra.authInfo?.extra?.log as FastifyBaseLogger | undefined };
}

export function toolResult(structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(structured) }], structuredContent: structured };
}

/** An expected failure the model can read and recover from (`isError`), never a protocol error. */
export function toolError(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

/**
 * Runs a tool body with the checks every tool shares: a `user_id` argument must be the token's user,
 * domain errors and invalid input become tool errors, and anything unexpected becomes a generic tool
 * error (logged here) that leaks no SQL, parameters or stack.
 */
export async function runTool(
  context: ToolContext,
  args: { user_id?: string | undefined },
  body: () => Promise<CallToolResult>,
  options: { suggest?: "pending" | "deleted" } = {},
): Promise<CallToolResult> {
  if (args.user_id !== undefined && args.user_id !== context.userId) {
    return toolError("user_id does not match the signed-in user; omit it, the user comes from your token.");
  }
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found")
      return toolError(`${error.message}.${await suggestTasks(context, options.suggest ?? "pending")}`);
    if (error instanceof AppError) return toolError(error.message);
    if (isDatabaseUnavailable(error)) {
      context.log?.warn({ err: error }, "tool call failed: database unavailable");
      return toolError("The database is unavailable right now; try again shortly.");
    }
    context.log?.error({ err: error }, "tool call failed");
    return toolError("Something went wrong on our side; it has been logged.");
  }
}

const shortTitle = (title: string) => (title.length > 40 ? `${title.slice(0, 39)}…` : title);

/**
 * After "Task 12 not found": the user's most recent open tasks (or the trash, for restore_task), so the
 * model can pick the task it meant instead of guessing ids. Best effort: a failure adds nothing.
 */
async function suggestTasks(context: ToolContext, status: "pending" | "deleted"): Promise<string> {
  try {
    const recent = await listTaskSummaries(
      context.db,
      context.userId,
      listTasksQuery.parse({ status, limit: 5 }),
    );
    const which = status === "deleted" ? "tasks in the trash" : "open tasks";
    if (recent.length === 0) return ` There are no ${which}.`;
    const named = recent.map((task) => `${task.id} “${shortTitle(task.title)}”`).join(", ");
    return ` Most recent ${which}: ${named} (${TOOL.listTasks} finds others).`;
  } catch {
    return "";
  }
}

/** Validates arguments against a core schema, as a tool error naming each bad field. */
export function parseArgs<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what = "Invalid arguments",
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: mapField(issue.path.join(".")),
    message: issue.message,
  }));
  throw new AppError(
    "validation",
    `${what}: ${fields.map((f) => (f.field ? `${f.field} ${f.message}` : f.message)).join("; ")}`,
    fields,
  );
}

// Tool arguments say `due`; the core schemas say `due_at`.
const mapField = (field: string) => (field === "due_at" ? "due" : field);

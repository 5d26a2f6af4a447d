import { AppError } from "@taskflow/core/errors";
import type { Db } from "@taskflow/db/client";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";

/** Who is calling (from the token, never from arguments) and the database to act on. */
export interface ToolContext {
  db: Db;
  userId: string;
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
 * domain errors and invalid input become tool errors.
 */
export async function runTool(
  context: ToolContext,
  args: { user_id?: string | undefined },
  body: () => Promise<CallToolResult>,
): Promise<CallToolResult> {
  if (args.user_id !== undefined && args.user_id !== context.userId) {
    return toolError("user_id does not match the signed-in user; omit it, the user comes from your token.");
  }
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError) return toolError(error.message);
    throw error;
  }
}

/** Validates arguments against a core schema, as a tool error naming each bad field. */
export function parseArgs<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ field: mapField(issue.path.join(".")), message: issue.message }));
  throw new AppError("validation", `Invalid arguments: ${fields.map((f) => `${f.field} ${f.message}`).join("; ")}`, fields);
}

// Tool arguments say `due`; the core schemas say `due_at`.
const mapField = (field: string) => (field === "due_at" ? "due" : field);

import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";

/**
 * The annotations of every tool, each hint explicit: MCP's defaults for a tool that is not read-only
 * (destructive, open world) are the wrong guess for a todo list, and a client may ask the user to
 * confirm each call it believes destructive. No tool reaches outside this user's list: never open world.
 */
export const HINTS = {
  readOnly: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  /** Adds or restores: calling it again does something again. */
  write: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  /**
   * Sets a state (done, these fields), but is not idempotent: completing a repeating task moves it to its
   * next occurrence, so calling it again (a client's retry) would skip one.
   */
  completes: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  /** Renames a list: the same call again changes nothing more. */
  rename: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  /** Moves a task to the trash (restorable, but gone from every list), or deletes a list (its tasks go to the Inbox). */
  destructive: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
} as const satisfies Record<string, ToolAnnotations>;

// GET /api/events: the live stream of the caller's own task changes and reminders (text/event-stream).
// `event` is the SSE event name, `data` its JSON. See docs/events.md for when each is sent.
import { z } from "zod";
import { taskSchema } from "./tasks";

export const liveEventSchema = z.discriminatedUnion("event", [
  /** A task appeared: created by any path, or restored from the trash. */
  z.object({ event: z.literal("task.created"), data: z.object({ task: taskSchema }) }),
  /** A task changed (the task as it is now, the same shape as GET /api/tasks/{id}). */
  z.object({ event: z.literal("task.updated"), data: z.object({ task: taskSchema }) }),
  /** A task left every list: moved to the trash (or deleted for good). */
  z.object({ event: z.literal("task.deleted"), data: z.object({ id: z.number().int() }) }),
  /** A task's remind_at came: once per reminder, on every stream of the user open then (or the next one). */
  z.object({ event: z.literal("reminder.due"), data: z.object({ task: taskSchema }) }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveEventName = LiveEvent["event"];

/** The SSE event names of GET /api/events. */
export const LIVE_EVENTS: readonly LiveEventName[] = liveEventSchema.options.map(
  (option) => option.shape.event.value,
);

/** The channel the database announces task changes and reminder claims on (migration 0007's trigger). */
export const TASK_EVENTS_CHANNEL = "taskflow_events";

/** What the database's trigger sends on TASK_EVENTS_CHANNEL (server-side only; never on the wire). */
export const taskNotificationSchema = z.object({
  type: z.enum(["task.created", "task.updated", "task.deleted", "reminder.due"]),
  user_id: z.string().min(1),
  id: z.number().int(),
  /** reminder.due: the claim's reminded_at in microseconds since the epoch (one reminder's identity). */
  reminder: z.number().int().optional(),
});
export type TaskNotification = z.infer<typeof taskNotificationSchema>;

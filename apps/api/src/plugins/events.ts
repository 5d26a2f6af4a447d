// Live updates and reminders behind GET /api/events (docs/events.md).
//
// - The database announces every task change and every reminder claim on one channel (migration 0007's
//   trigger), whichever path or replica made it. This replica LISTENs on one connection of its own and
//   hands each announcement to the open streams of that user here, loading the task once per event
//   (the same DTO as REST). Events of one user are written in the order they were announced.
// - Reminders: every replica polls the database with one atomic claim (an UPDATE … RETURNING that sets
//   reminded_at), so a reminder is claimed exactly once whatever the number of replicas; the claim is
//   announced like a change, so whichever replica holds the user's streams shows it. A reminder claimed
//   while no stream of the user was open is shown when the next one opens (reminder_delivered_at).
import { randomBytes } from "node:crypto";
import {
  TASK_EVENTS_CHANNEL,
  type TaskNotification,
  taskNotificationSchema,
} from "@taskflow/contracts/events";
import { AppError } from "@taskflow/core/errors";
import { getTask, toTask } from "@taskflow/core/tasks";
import type { Database } from "@taskflow/db/client";
import { type Listener, listen } from "@taskflow/db/listen";
import { tasks } from "@taskflow/db/schema";
import { sendProblem } from "@taskflow/runtime/problem";
import { and, asc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply } from "fastify";
import { Counter, Gauge } from "prom-client";
import { startEventStream } from "../chat/sse";

export interface LiveEventsOptions {
  /** How often this replica claims due reminders. */
  reminderPollMs: number;
  /** A comment line on every quiet stream this often, so proxies and browsers keep it open. */
  heartbeatMs: number;
  perUser: number;
  max: number;
}

/** What a browser waits before reconnecting a broken stream (the SSE `retry:` field). */
export const RETRY_MS = 3000;
/** Claimed reminders not yet shown are shown on the next stream for this long after their claim. */
export const REPLAY_DAYS = 7;
/** Reminders claimed per poll; the rest wait for the next poll (a second later). */
const CLAIM_BATCH = 500;
/** Events of one user waiting to be written; past this, the user's streams end and resynchronise. */
const MAX_BACKLOG = 1000;
/** Bytes a slow reader may leave unread before its stream is ended (it reconnects and resyncs). */
const MAX_UNREAD_BYTES = 1024 * 1024;

const micros = sql<string>`(extract(epoch from ${tasks.remindedAt}) * 1000000)::bigint`;

class EventStream {
  /** Reminders this stream has shown (`<task id>:<claim>`): the replay and the announcement may race. */
  readonly shown = new Set<string>();
  private readonly heartbeat: NodeJS.Timeout;
  private ended = false;

  constructor(
    readonly userId: string,
    private readonly reply: FastifyReply,
    heartbeatMs: number,
    private readonly nextId: () => string,
  ) {
    this.heartbeat = setInterval(() => this.write(": heartbeat\n\n"), heartbeatMs);
    this.heartbeat.unref();
  }

  send(event: string, data: unknown): void {
    this.write(`id: ${this.nextId()}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  write(text: string): void {
    const raw = this.reply.raw;
    if (this.ended || raw.writableEnded || raw.destroyed) return;
    raw.write(text);
    if (raw.writableLength > MAX_UNREAD_BYTES) this.end();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.heartbeat);
    if (!this.reply.raw.writableEnded) this.reply.raw.end();
  }

  get open(): boolean {
    return !this.ended;
  }
}

/**
 * Claims the reminders that came due (at most `batch`) and returns their task ids. One statement:
 * whichever replica's UPDATE locks a row first sets reminded_at; another replica skips the locked row,
 * or (READ COMMITTED re-checks the WHERE on the new row version) no longer matches it. The claim's
 * trigger announces reminder.due.
 */
export async function claimDueReminders(database: Database, batch = CLAIM_BATCH): Promise<number[]> {
  const rows = await database.execute(
    `update tasks set reminded_at = now()
      where id in (select id from tasks
                    where remind_at <= now() and reminded_at is null
                    order by remind_at limit ${Math.trunc(batch)}
                    for update skip locked)
        and reminded_at is null
      returning id`,
  );
  return rows.map((row) => Number(row.id));
}

export interface LiveEvents {
  /** Takes over the reply of GET /api/events for the signed-in user (or answers 429/503 problem+json). */
  open(reply: FastifyReply, userId: string): void;
}

export function registerLiveEvents(
  app: FastifyInstance,
  database: Database,
  options: LiveEventsOptions,
): LiveEvents {
  const { db } = database;
  const streams = new Map<string, Set<EventStream>>();
  const queues = new Map<string, { tail: Promise<void>; pending: number }>();
  let total = 0;
  let closing = false;
  let listener: Listener | undefined;
  let poller: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  const boot = randomBytes(4).toString("hex");
  let sequence = 0;
  const nextId = () => `${boot}-${++sequence}`;

  new Gauge({
    name: "taskflow_event_streams",
    help: "Open GET /api/events streams on this replica",
    registers: [app.metrics],
    collect() {
      this.set(total);
    },
  });
  const delivered = new Counter({
    name: "taskflow_events_sent_total",
    help: "Events written to open streams, by event name",
    labelNames: ["event"],
    registers: [app.metrics],
  });
  const claimed = new Counter({
    name: "taskflow_reminders_claimed_total",
    help: "Reminders this replica claimed (each reminder is claimed by exactly one replica)",
    registers: [app.metrics],
  });
  const refused = new Counter({
    name: "taskflow_event_streams_refused_total",
    help: "GET /api/events refused, by reason",
    labelNames: ["reason"],
    registers: [app.metrics],
  });

  const endAll = (userId?: string) => {
    const sets = userId ? [streams.get(userId) ?? new Set()] : [...streams.values()];
    for (const set of sets) for (const stream of [...set]) stream.end();
  };

  /** Runs `job` after the user's earlier events, so a change is never written after a later one. */
  const enqueue = (userId: string, job: () => Promise<void>) => {
    const queue = queues.get(userId) ?? { tail: Promise.resolve(), pending: 0 };
    if (queue.pending >= MAX_BACKLOG) {
      app.log.warn({ userId }, "event backlog full: ending the user's streams so they resync");
      endAll(userId);
      return;
    }
    queue.pending++;
    queues.set(userId, queue);
    queue.tail = queue.tail
      .then(job)
      .catch((error: unknown) => app.log.warn({ err: error, userId }, "live event not delivered"))
      .finally(() => {
        queue.pending--;
        if (queue.pending === 0 && queues.get(userId) === queue) queues.delete(userId);
      });
  };

  const openOf = (userId: string) => [...(streams.get(userId) ?? [])].filter((stream) => stream.open);

  const markDelivered = (taskId: number, reminder: number) =>
    database.execute(
      "update tasks set reminder_delivered_at = now() where id = $1 and reminder_delivered_at is null and (extract(epoch from reminded_at) * 1000000)::bigint = $2",
      [taskId, reminder],
    );

  const loadTask = async (userId: string, taskId: number) => {
    try {
      return await getTask(db, userId, taskId);
    } catch (error) {
      // Gone (deleted, or moved to the trash) since it was announced: its own event follows.
      if (error instanceof AppError && error.code === "not_found") return undefined;
      throw error;
    }
  };

  const deliver = async (note: TaskNotification) => {
    // The user's streams may have closed while this waited its turn: nothing to load then.
    if (!openOf(note.user_id).length) return;
    if (note.type === "task.deleted") {
      const targets = openOf(note.user_id);
      for (const stream of targets) stream.send(note.type, { id: note.id });
      delivered.inc({ event: note.type }, targets.length);
      return;
    }
    const task = await loadTask(note.user_id, note.id);
    if (!task) return;
    if (note.type !== "reminder.due") {
      const targets = openOf(note.user_id);
      for (const stream of targets) stream.send(note.type, { task });
      delivered.inc({ event: note.type }, targets.length);
      return;
    }
    const key = `${note.id}:${note.reminder}`;
    const targets = openOf(note.user_id).filter((stream) => !stream.shown.has(key));
    for (const stream of targets) {
      stream.shown.add(key);
      stream.send("reminder.due", { task });
    }
    delivered.inc({ event: "reminder.due" }, targets.length);
    if (targets.length && note.reminder !== undefined) await markDelivered(note.id, note.reminder);
  };

  /** Reminders claimed while no stream of the user was open, shown on this new one. */
  const replay = async (stream: EventStream) => {
    const rows = await db
      .select({ task: tasks, reminder: micros })
      .from(tasks)
      .where(
        and(
          eq(tasks.userId, stream.userId),
          isNotNull(tasks.remindedAt),
          isNull(tasks.reminderDeliveredAt),
          gt(tasks.remindedAt, sql`now() - make_interval(days => ${REPLAY_DAYS})`),
          eq(tasks.completed, false),
          isNull(tasks.deletedAt),
        ),
      )
      .orderBy(asc(tasks.remindedAt))
      .limit(100);
    for (const row of rows) {
      const reminder = Number(row.reminder);
      const key = `${row.task.id}:${reminder}`;
      if (!stream.open || stream.shown.has(key)) continue;
      stream.shown.add(key);
      stream.send("reminder.due", { task: toTask(row.task) });
      delivered.inc({ event: "reminder.due" });
      await markDelivered(row.task.id, reminder);
    }
  };

  const onNotification = (payload: string) => {
    let note: TaskNotification;
    try {
      note = taskNotificationSchema.parse(JSON.parse(payload));
    } catch {
      app.log.warn({ payload: payload.slice(0, 200) }, "unreadable task notification ignored");
      return;
    }
    // Nobody here is listening for this user: nothing to load.
    if (!openOf(note.user_id).length) return;
    enqueue(note.user_id, () => deliver(note));
  };

  const claimDue = async () => {
    const ids = await claimDueReminders(database);
    if (ids.length) claimed.inc(ids.length);
  };

  const poll = () => {
    if (polling || closing) return;
    polling = claimDue()
      .catch((error: unknown) => app.log.warn({ err: error }, "reminder claim failed; retrying"))
      .finally(() => {
        polling = undefined;
      });
  };

  app.addHook("onReady", async () => {
    listener = listen(database, TASK_EVENTS_CHANNEL, {
      onNotification,
      onLive(live, error) {
        if (live) app.log.info("listening for task events");
        else {
          // Announcements made while we were away are lost: end the streams so clients reconnect and
          // resynchronise (they are refused with 503 until the listener is back).
          app.log.warn({ err: error }, "task event listener lost; ending open streams");
          endAll();
        }
      },
    });
    await listener.started;
    poller = setInterval(poll, options.reminderPollMs);
    poller.unref();
  });

  // Open streams would hold server.close() until the grace period ends: end them first (clients
  // reconnect to another replica), and refuse new ones.
  app.addHook("preClose", async () => {
    closing = true;
    clearInterval(poller);
    endAll();
  });
  app.addHook("onClose", async () => {
    await polling;
    await Promise.all([...queues.values()].map((queue) => queue.tail));
    await listener?.close();
  });

  return {
    open(reply, userId) {
      const refuse = (status: 429 | 503, reason: string, detail: string) => {
        refused.inc({ reason });
        reply.header("retry-after", String(RETRY_MS / 1000));
        return sendProblem(reply, status, detail);
      };
      if (closing) return void refuse(503, "draining", "This server is restarting; reconnect in a moment.");
      if (!listener?.live)
        return void refuse(
          503,
          "not-listening",
          "Live updates are unavailable right now; reconnect shortly.",
        );
      if (total >= options.max)
        return void refuse(503, "server-full", "This server holds too many live streams; reconnect shortly.");
      const own = streams.get(userId) ?? new Set<EventStream>();
      if (own.size >= options.perUser)
        return void refuse(
          429,
          "per-user",
          `At most ${options.perUser} live update streams per account are open at once; close a tab or window.`,
        );

      startEventStream(reply);
      const stream = new EventStream(userId, reply, options.heartbeatMs, nextId);
      own.add(stream);
      streams.set(userId, own);
      total++;
      reply.raw.write(`retry: ${RETRY_MS}\n: connected\n\n`);
      const gone = () => {
        stream.end();
        if (own.delete(stream)) total--;
        if (own.size === 0 && streams.get(userId) === own) streams.delete(userId);
      };
      reply.raw.on("close", gone);
      reply.raw.on("error", gone);
      enqueue(userId, () => replay(stream));
    },
  };
}

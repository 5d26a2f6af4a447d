// LISTEN on one channel, on either engine: a dedicated connection of its own on PostgreSQL (not one
// of the pool's, which would be handed to queries), reopened with backoff when it breaks; PGlite's own
// listen API on the embedded database (one connection, in this process). What a notification carries is
// the caller's business; this module only keeps the subscription alive and says when it is (not) live.
import pg from "pg";
import type { Database } from "./client";

export interface ListenHandlers {
  /** Each notification's payload, in the order the database sent them. */
  onNotification(payload: string): void;
  /**
   * `true` once the LISTEN is in place (again), `false` when the connection broke: notifications sent
   * in between are lost, so whoever relies on them must catch up (the event streams end and resync).
   */
  onLive?(live: boolean, error?: unknown): void;
}

export interface Listener {
  /** Whether the LISTEN is in place right now. */
  readonly live: boolean;
  /** Resolves after the first attempt to connect (live or not); later attempts go on in the background. */
  readonly started: Promise<void>;
  close(): Promise<void>;
}

/** A channel name as an SQL identifier (the only thing interpolated into LISTEN). */
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/** Backoff between reconnection attempts: 250 ms doubling up to 10 s. */
export const LISTEN_BACKOFF_MS = { first: 250, max: 10_000 };

interface PgliteLike {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

export function listen(database: Database, channel: string, handlers: ListenHandlers): Listener {
  if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
  // drizzle keeps the driver's client: the PGlite instance, or the pg.Pool (whose options we reuse).
  const client = (database.db as unknown as { $client: unknown }).$client;
  return database.kind === "pglite"
    ? listenPglite(client as PgliteLike, channel, handlers)
    : listenPostgres((client as pg.Pool).options, channel, handlers);
}

function listenPglite(client: PgliteLike, channel: string, handlers: ListenHandlers): Listener {
  let live = false;
  let unlisten: (() => Promise<void>) | undefined;
  const started = client
    .listen(channel, (payload) => handlers.onNotification(payload))
    .then(
      (stop) => {
        unlisten = stop;
        live = true;
        handlers.onLive?.(true);
      },
      (error: unknown) => handlers.onLive?.(false, error),
    );
  return {
    get live() {
      return live;
    },
    started,
    async close() {
      await started;
      live = false;
      await unlisten?.().catch(() => {});
    },
  };
}

function listenPostgres(poolOptions: pg.PoolConfig, channel: string, handlers: ListenHandlers): Listener {
  let live = false;
  let closed = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let delay = LISTEN_BACKOFF_MS.first;

  const broke = (client: pg.Client, error?: unknown) => {
    if (current !== client) return;
    current = undefined;
    void client.end().catch(() => {});
    if (live) {
      live = false;
      handlers.onLive?.(false, error);
    }
    if (closed) return;
    retry = setTimeout(() => void connect(), delay);
    retry.unref();
    delay = Math.min(delay * 2, LISTEN_BACKOFF_MS.max);
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    // The pool's address, credentials and TLS; not its statement or query timeouts (LISTEN idles for
    // hours by design), and keep-alive probes so a silently lost server is noticed.
    const client = new pg.Client({
      connectionString: poolOptions.connectionString,
      ssl: poolOptions.ssl,
      connectionTimeoutMillis: poolOptions.connectionTimeoutMillis ?? 3000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      application_name: "taskflow-listen",
    });
    current = client;
    client.on("error", (error) => broke(client, error));
    client.on("end", () => broke(client));
    client.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined)
        handlers.onNotification(message.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
      if (current !== client || closed) return;
      delay = LISTEN_BACKOFF_MS.first;
      live = true;
      handlers.onLive?.(true);
    } catch (error) {
      broke(client, error);
    }
  };

  const started = connect();
  return {
    get live() {
      return live;
    },
    started,
    async close() {
      closed = true;
      clearTimeout(retry);
      live = false;
      const client = current;
      current = undefined;
      await client?.end().catch(() => {});
    },
  };
}

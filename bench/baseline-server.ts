// The bare baseline the bench compares the api with: node:http + pg (named prepared statements), no
// framework, doing the same SQL per request as the api — the session lookup by token in the `session`
// table joined to its user, then the task statement with the api's columns and filters — and the same JSON
// wire shape (the api's Task, all 17 fields). Only the routes the bench calls: GET /api/tasks?limit=,
// POST /api/tasks, PATCH /api/tasks/:id/complete; a body with what the bench never sends (a rule, a
// reminder, a list) is refused.
//
//   DATABASE_URL=postgres://… PORT=… node --import tsx bench/baseline-server.ts
//   (without DATABASE_URL: PGLITE_DIR and BASELINE_SEED_TOKEN — its own PGlite, migrated and seeded
//   with one user, that session token and 1,000 tasks with ids 1…1000)
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

type Row = Record<string, unknown>;
interface Query {
  name: string;
  text: string;
}
type Run = (query: Query, values: unknown[]) => Promise<Row[]>;

// The api's wire columns, timestamps read as ISO-8601 text as the api reads them (task-dto.ts WIRE_COLUMNS).
const iso = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${column}`;
const COLUMNS = [
  "id, title, description, completed, priority, tags",
  iso("due_at"),
  "all_day, recurrence, completed_count",
  ...["remind_at", "completed_at", "created_at", "updated_at", "deleted_at"].map(iso),
  "list_id",
].join(", ");
// A due (and a reminder) is a day, a wall time in the user's zone or an instant, stored as the api stores it.
const stored = (day: string, wall: string, instant: string) =>
  `coalesce((${day}::date)::timestamp at time zone 'UTC', (${wall}::timestamp) at time zone (select time_zone from "user" where id = $1), ${instant}::timestamptz)`;
const Q = {
  session: {
    name: "baseline_session",
    text: `select s.user_id, s.expires_at, u.name, u.email from "session" s join "user" u on u.id = s.user_id where s.token = $1`,
  },
  list: {
    name: "baseline_list",
    text: `select ${COLUMNS} from tasks where user_id = $1 and deleted_at is null order by id desc limit $2`,
  },
  create: {
    name: "baseline_create",
    text: `insert into tasks (user_id, title, description, priority, tags, due_at, all_day, recurrence, remind_at, list_id)
      values ($1, $2, $3, $4, $5, ${stored("$6", "$7", "$8")}, ($6::date is not null), null,
        ${stored("$9", "$10", "$11")}, (select id from lists where id = $12::int and user_id = $1))
      returning ${COLUMNS}`,
  },
  // The api completes a repeating task another way (to its next occurrence); the bench's tasks do not repeat.
  toggle: {
    name: "baseline_toggle",
    text: `update tasks set completed = not completed, completed_at = case when completed then null else now() end, updated_at = now()
      where id = $1 and user_id = $2 and deleted_at is null and (recurrence is null or completed) returning ${COLUMNS}`,
  },
} satisfies Record<string, Query>;

/** The api's Task, field for field and in its order (the bench's tasks do not repeat: no rule to word). */
const toTask = (r: Row) => ({
  id: r.id,
  title: r.title,
  description: r.description,
  completed: r.completed,
  priority: r.priority,
  tags: r.tags,
  due_at: r.all_day && typeof r.due_at === "string" ? r.due_at.slice(0, 10) : r.due_at,
  all_day: r.all_day,
  recurrence: r.recurrence,
  recurrence_text: r.recurrence,
  completed_count: r.completed_count,
  remind_at: r.remind_at,
  completed_at: r.completed_at,
  created_at: r.created_at,
  updated_at: r.updated_at,
  deleted_at: r.deleted_at,
  list_id: r.list_id,
});

function send(res: ServerResponse, status: number, body: unknown, type = "application/json") {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": `${type}; charset=utf-8`,
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}
const problem = (res: ServerResponse, status: number, detail: string) =>
  send(res, status, { type: "about:blank", status, title: "Error", detail }, "application/problem+json");

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1024 * 1024) reject(new Error("too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const PRIORITIES = new Set(["none", "low", "medium", "high"]);
function validTask(
  body: unknown,
): { title: string; description: string; priority: string; tags: string[]; due: string | null } | string {
  if (!body || typeof body !== "object") return "body must be an object";
  const b = body as Record<string, unknown>;
  const title = typeof b.title === "string" ? b.title.trim() : "";
  if (title.length < 1 || title.length > 200) return "title must be 1-200 characters";
  const description = b.description === undefined ? "" : b.description;
  if (typeof description !== "string" || description.length > 2000)
    return "description must be a string up to 2000 characters";
  const priority = b.priority === undefined ? "none" : b.priority;
  if (typeof priority !== "string" || !PRIORITIES.has(priority)) return "priority is invalid";
  const tags = b.tags === undefined ? [] : b.tags;
  if (!Array.isArray(tags) || tags.length > 20 || tags.some((t) => typeof t !== "string"))
    return "tags are invalid";
  const due = b.due_at === undefined || b.due_at === null ? null : String(b.due_at);
  if (due !== null && Number.isNaN(Date.parse(due))) return "due_at is invalid";
  if (b.recurrence !== undefined || b.remind_at !== undefined || b.list_id !== undefined)
    return "recurrence, remind_at and list_id are not in the baseline";
  return {
    title,
    description,
    priority,
    tags: [...new Set((tags as string[]).map((t) => t.trim().toLowerCase()))],
    due,
  };
}

export function createBaseline(run: Run) {
  async function user(req: IncomingMessage): Promise<string | null> {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "");
    if (!match?.[1]) return null;
    const token = match[1].split(".")[0] ?? "";
    const [row] = await run(Q.session, [token]);
    if (!row || new Date(row.expires_at as string).getTime() < Date.now()) return null;
    return String(row.user_id);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const userId = await user(req);
      if (!userId) return problem(res, 401, "Sign in first");
      if (req.method === "GET" && url.pathname === "/api/tasks") {
        const limit = Number(url.searchParams.get("limit") ?? 50);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100)
          return problem(res, 400, "limit must be 1-100");
        const rows = await run(Q.list, [userId, limit + 1]);
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        const next =
          rows.length > limit && last
            ? Buffer.from(JSON.stringify([last.id, last.id])).toString("base64url")
            : null;
        return send(res, 200, { items: page.map(toTask), next_cursor: next });
      }
      if (req.method === "POST" && url.pathname === "/api/tasks") {
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req));
        } catch {
          return problem(res, 400, "body is not valid JSON");
        }
        const input = validTask(body);
        if (typeof input === "string") return problem(res, 400, input);
        const due = input.due;
        const [row] = await run(Q.create, [
          userId,
          input.title,
          input.description,
          input.priority,
          input.tags,
          due && DAY.test(due) ? due : null,
          due && !DAY.test(due) && !OFFSET.test(due) ? due : null,
          due && OFFSET.test(due) ? due : null,
          null,
          null,
          null,
          null,
        ]);
        return send(res, 201, toTask(row as Row));
      }
      const complete = /^\/api\/tasks\/(\d+)\/complete$/.exec(url.pathname);
      if (req.method === "PATCH" && complete) {
        const [row] = await run(Q.toggle, [Number(complete[1]), userId]);
        return row ? send(res, 200, toTask(row)) : problem(res, 404, "Task not found");
      }
      return problem(res, 404, "No route");
    } catch (error) {
      return problem(res, 503, (error as Error).message);
    }
  };
}

async function pgliteRunner(dir: string, seedToken: string): Promise<Run> {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(dir);
  const migrations = fileURLToPath(new URL("../packages/db/migrations", import.meta.url));
  for (const file of readdirSync(migrations)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    for (const statement of readFileSync(join(migrations, file), "utf8").split("--> statement-breakpoint")) {
      if (statement.trim()) await db.exec(statement);
    }
  }
  await db.query(
    `insert into "user" (id, name, email) values ('baseline-user', 'Baseline', 'baseline@example.com')`,
  );
  await db.query(
    `insert into "session" (id, token, user_id, expires_at) values ('baseline-session', $1, 'baseline-user', now() + interval '7 days')`,
    [seedToken],
  );
  await db.query(
    `insert into tasks (user_id, title, priority, tags) select 'baseline-user', 'Task ' || i, 'medium', '{work}' from generate_series(1, 1000) i`,
  );
  return async (query, values) => (await db.query<Row>(query.text, values)).rows;
}

function pgRunner(url: string, poolSize: number): Run {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, keepAlive: true });
  pool.on("error", () => {});
  return async (query, values) => (await pool.query({ name: query.name, text: query.text, values })).rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const url = process.env.DATABASE_URL;
  const run = url
    ? pgRunner(url, Number(process.env.DATABASE_POOL_SIZE ?? 10))
    : await pgliteRunner(
        process.env.PGLITE_DIR ?? "memory://",
        process.env.BASELINE_SEED_TOKEN ?? "baseline-token",
      );
  const server = createServer(createBaseline(run));
  server.keepAliveTimeout = 72_000;
  const port = Number(process.env.PORT ?? 8100);
  server.listen(port, "127.0.0.1", () => console.log(`baseline listening on 127.0.0.1:${port}`));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

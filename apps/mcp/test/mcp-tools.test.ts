// The MCP server over real HTTP with the official SDK client, as Claude Desktop or Cursor would use it:
// tool discovery, each tool's structured result, token auth, isolation between users, tool errors.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import { READ_ONLY_TOOLS, TOOL } from "@taskflow/contracts/mcp-tools";
import { signAgentToken } from "@taskflow/core/agent-token";
import { EMBEDDED_DEV_SECRETS } from "@taskflow/runtime/env";
import { engines } from "@taskflow/testing/databases";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callTool as call,
  connectWithToken,
  createPersonalToken as createToken,
  restCreateTask,
  textOf,
} from "./mcp-client";

const SECRET = EMBEDDED_DEV_SECRETS.MCP_TOKEN_SECRET;
const TOOL_NAMES = Object.values(TOOL).sort();
const ACTION_RESULT_KEYS = ["due_at", "recurrence_text", "remind_at", "status", "task_id", "title"];

interface RestTask {
  id: number;
  title: string;
  description: string;
  completed: boolean;
  priority: string;
  tags: string[];
  due_at: string | null;
}

describe.each(engines)("MCP tools over Streamable HTTP on %s", (engine) => {
  let stack: TestStack;
  let alice: TestUser;
  let bob: TestUser;
  let aliceToken: string;
  let bobToken: string;
  const clients: Client[] = [];

  async function connect(token: string): Promise<Client> {
    const client = await connectWithToken(stack, token);
    clients.push(client);
    return client;
  }

  const createPersonalToken = (user: TestUser, name = "test client") => createToken(stack, user, name);
  const restCreate = (user: TestUser, body: Record<string, unknown>) =>
    restCreateTask<RestTask>(stack, user, body);

  async function restGet(user: TestUser, id: number): Promise<{ status: number; task?: RestTask }> {
    const response = await fetch(`${stack.apiUrl}/api/tasks/${id}`, { headers: user.headers });
    return response.status === 200
      ? { status: 200, task: (await response.json()) as RestTask }
      : { status: response.status };
  }

  /** A raw JSON-RPC initialize, to see the HTTP status a client gets for a given Authorization header. */
  async function rawInitialize(authorization?: string): Promise<Response> {
    return fetch(stack.mcpUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: {
          protocolVersion: "2025-06-18",
          capabilities: {},
          clientInfo: { name: "raw", version: "0" },
        },
      }),
    });
  }

  beforeAll(async () => {
    stack = await startTestStack(engine);
    alice = await stack.signUp("Alice");
    bob = await stack.signUp("Bob");
    aliceToken = (await createPersonalToken(alice)).token;
    bobToken = (await createPersonalToken(bob)).token;
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close().catch(() => {})));
    await stack?.close();
  });

  describe("tools/list", () => {
    let tools: Tool[];
    beforeAll(async () => {
      tools = (await (await connect(aliceToken)).listTools()).tools;
    });
    const tool = (name: string) => {
      const found = tools.find((t) => t.name === name);
      if (!found) throw new Error(`tool ${name} is not listed`);
      return found;
    };

    it("offers exactly the tools TOOL names, each with a title and a description", () => {
      expect(tools.map((t) => t.name).sort()).toEqual(TOOL_NAMES);
      for (const t of tools) {
        expect(t.description, t.name).toMatch(/\w{3,}/);
        expect(t.title, t.name).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
      }
      expect(new Set(tools.map((t) => t.title)).size).toBe(tools.length);
    });

    it("describes every input property, with the contract's arguments and required fields", () => {
      const expected: Record<string, { props: string[]; required: string[] }> = {
        [TOOL.addTask]: {
          props: [
            "title",
            "description",
            "priority",
            "tags",
            "due",
            "recurrence",
            "remind_at",
            "list",
            "user_id",
          ],
          required: ["title"],
        },
        [TOOL.listTasks]: {
          props: [
            "status",
            "priority",
            "tag",
            "query",
            "due_before",
            "due_after",
            "list",
            "limit",
            "user_id",
          ],
          required: [],
        },
        [TOOL.completeTask]: { props: ["task_id", "user_id"], required: ["task_id"] },
        [TOOL.deleteTask]: { props: ["task_id", "user_id"], required: ["task_id"] },
        [TOOL.restoreTask]: { props: ["task_id", "user_id"], required: ["task_id"] },
        [TOOL.updateTask]: {
          props: [
            "task_id",
            "title",
            "description",
            "priority",
            "tags",
            "due",
            "recurrence",
            "remind_at",
            "completed",
            "list",
            "user_id",
          ],
          required: ["task_id"],
        },
        [TOOL.addTasks]: { props: ["tasks", "user_id"], required: ["tasks"] },
        [TOOL.completeTasks]: { props: ["task_ids", "user_id"], required: ["task_ids"] },
        [TOOL.updateTasks]: { props: ["tasks", "user_id"], required: ["tasks"] },
        [TOOL.getOverview]: { props: ["user_id"], required: [] },
        [TOOL.findTasksByDate]: {
          props: ["from", "to", "status", "limit", "user_id"],
          required: ["from", "to"],
        },
        [TOOL.listLists]: { props: ["user_id"], required: [] },
        [TOOL.createList]: { props: ["name", "user_id"], required: ["name"] },
        [TOOL.renameList]: { props: ["list", "name", "user_id"], required: ["list", "name"] },
        [TOOL.deleteList]: { props: ["list", "user_id"], required: ["list"] },
      };
      expect(Object.keys(expected).sort()).toEqual(TOOL_NAMES);
      for (const [name, { props, required }] of Object.entries(expected)) {
        const schema = tool(name).inputSchema;
        expect(schema.type).toBe("object");
        const properties = (schema.properties ?? {}) as Record<string, { description?: string }>;
        expect(Object.keys(properties).sort(), name).toEqual([...props].sort());
        expect([...(schema.required ?? [])].sort(), name).toEqual([...required].sort());
        for (const [prop, def] of Object.entries(properties)) {
          expect(def.description, `${name}.${prop} has a description`).toMatch(/\w{3,}/);
        }
      }
      const taskId = (tool(TOOL.completeTask).inputSchema.properties as Record<string, { type?: string }>)
        .task_id;
      expect(taskId?.type).toBe("integer");
      const status = (tool(TOOL.listTasks).inputSchema.properties as Record<string, { enum?: string[] }>)
        .status;
      expect(status?.enum).toEqual(["all", "pending", "completed", "deleted"]);
      const items = (name: string) =>
        (
          tool(name).inputSchema.properties as Record<
            string,
            { items?: Record<string, unknown>; maxItems?: number }
          >
        ).tasks;
      expect(Object.keys((items(TOOL.addTasks)?.items?.properties as object) ?? {}).sort()).toEqual([
        "description",
        "due",
        "list",
        "priority",
        "recurrence",
        "remind_at",
        "tags",
        "title",
      ]);
      expect(items(TOOL.addTasks)?.maxItems).toBe(50);
      expect((items(TOOL.updateTasks)?.items?.required as string[]) ?? []).toEqual(["task_id"]);
    });

    it("refuses unknown arguments in every schema: additionalProperties false, also in bulk items", () => {
      for (const t of tools) {
        expect(t.inputSchema.additionalProperties, t.name).toBe(false);
      }
      for (const name of [TOOL.addTasks, TOOL.updateTasks]) {
        const tasks = (
          tool(name).inputSchema.properties as Record<string, { items?: { additionalProperties?: boolean } }>
        ).tasks;
        expect(tasks?.items?.additionalProperties, name).toBe(false);
      }
    });

    it("declares output schemas matching the structured results", () => {
      for (const t of tools) expect(t.outputSchema?.type, t.name).toBe("object");
      for (const name of [
        TOOL.addTask,
        TOOL.completeTask,
        TOOL.deleteTask,
        TOOL.restoreTask,
        TOOL.updateTask,
      ]) {
        const schema = tool(name).outputSchema;
        expect(schema?.type, name).toBe("object");
        // due_at and recurrence_text when the task repeats, remind_at when set.
        expect(Object.keys(schema?.properties ?? {}).sort(), name).toEqual(ACTION_RESULT_KEYS);
        expect([...(schema?.required ?? [])].sort(), name).toEqual(["status", "task_id", "title"]);
      }
      const list = tool(TOOL.listTasks).outputSchema;
      expect(Object.keys(list?.properties ?? {})).toEqual(["tasks"]);
      const tasks = (list?.properties ?? {}) as {
        tasks?: { items?: { properties?: Record<string, unknown> } };
      };
      const items = { properties: tasks.tasks?.items?.properties ?? {} };
      expect(Object.keys(items.properties).sort()).toEqual([
        "completed",
        "completed_at",
        "due_at",
        "id",
        "list",
        "priority",
        "recurrence_text",
        "remind_at",
        "tags",
        "title",
      ]);
      for (const name of [TOOL.addTasks, TOOL.completeTasks, TOOL.updateTasks]) {
        const schema = tool(name).outputSchema;
        expect(Object.keys(schema?.properties ?? {}).sort(), name).toEqual(["count", "results"]);
        const results = (schema?.properties as { results?: { items?: { properties?: object } } } | undefined)
          ?.results;
        expect(Object.keys(results?.items?.properties ?? {}).sort(), name).toEqual(ACTION_RESULT_KEYS);
      }
      const overview = tool(TOOL.getOverview).outputSchema;
      expect(Object.keys(overview?.properties ?? {}).sort()).toEqual([
        "counts",
        "due_today",
        "next_up",
        "now",
        "overdue",
        "time_zone",
        "today",
      ]);
      const counts = (overview?.properties as { counts?: { properties?: object } } | undefined)?.counts;
      expect(Object.keys(counts?.properties ?? {}).sort()).toEqual([
        "completed",
        "completed_today",
        "due_today",
        "in_trash",
        "open",
        "overdue",
      ]);
    });

    it("annotates every tool with all four hints, none open-world", () => {
      const expected: Record<string, [readOnly: boolean, destructive: boolean, idempotent: boolean]> = {
        [TOOL.listTasks]: [true, false, true],
        [TOOL.getOverview]: [true, false, true],
        [TOOL.findTasksByDate]: [true, false, true],
        [TOOL.listLists]: [true, false, true],
        [TOOL.addTask]: [false, false, false],
        [TOOL.addTasks]: [false, false, false],
        // Completing a repeating task moves it on each time: not idempotent.
        [TOOL.completeTask]: [false, false, false],
        [TOOL.completeTasks]: [false, false, false],
        [TOOL.updateTask]: [false, false, false],
        [TOOL.updateTasks]: [false, false, false],
        [TOOL.deleteTask]: [false, true, true],
        [TOOL.restoreTask]: [false, false, false],
        [TOOL.createList]: [false, false, false],
        // Renaming again to the same name changes nothing more; deleting a list ends it (tasks go to the Inbox).
        [TOOL.renameList]: [false, false, true],
        [TOOL.deleteList]: [false, true, true],
      };
      expect(Object.keys(expected).sort()).toEqual(TOOL_NAMES);
      // READ_ONLY_TOOLS (the read-only OAuth grant, the assistant's "what did I change") is exactly the read-only hints.
      const readOnly = Object.entries(expected)
        .filter(([, [ro]]) => ro)
        .map(([name]) => name);
      expect([...READ_ONLY_TOOLS].sort()).toEqual(readOnly.sort());
      for (const [name, [readOnlyHint, destructiveHint, idempotentHint]] of Object.entries(expected)) {
        // Every hint explicit: MCP's defaults (destructive, open-world) are the wrong guess for a todo list.
        expect(tool(name).annotations, name).toEqual({
          readOnlyHint,
          destructiveHint,
          idempotentHint,
          openWorldHint: false,
        });
      }
    });

    it("annotates read-only, destructive and idempotent tools", () => {
      const hints = (name: string) => {
        const a = tool(name).annotations ?? {};
        return {
          readOnly: a.readOnlyHint === true,
          destructive: a.destructiveHint === true,
          idempotent: a.idempotentHint === true,
        };
      };
      expect(hints(TOOL.listTasks)).toMatchObject({ readOnly: true, destructive: false });
      expect(hints(TOOL.addTask)).toEqual({ readOnly: false, destructive: false, idempotent: false });
      expect(hints(TOOL.completeTask)).toEqual({ readOnly: false, destructive: false, idempotent: false });
      expect(hints(TOOL.updateTask)).toEqual({ readOnly: false, destructive: false, idempotent: false });
      expect(hints(TOOL.deleteTask)).toEqual({ readOnly: false, destructive: true, idempotent: true });
      expect(hints(TOOL.restoreTask)).toEqual({ readOnly: false, destructive: false, idempotent: false });
      // An explicit false, not a missing hint: MCP defaults destructiveHint to true for non-read-only tools.
      expect(tool(TOOL.addTask).annotations?.destructiveHint).toBe(false);
      expect(tool(TOOL.updateTask).annotations?.destructiveHint).toBe(false);
    });
  });

  describe("each tool's structured result", () => {
    let client: Client;
    beforeAll(async () => {
      client = await connect(aliceToken);
    });

    it("add_task creates the task in the database and returns {task_id, status: created, title}", async () => {
      const result = await call(client, TOOL.addTask, {
        title: "  Buy milk ",
        description: "2 litres",
        priority: "high",
        tags: ["Groceries", "home"],
        due: "2026-12-01",
      });
      expect(result.isError).toBeFalsy();
      const structured = result.structuredContent as { task_id: number };
      expect(structured).toEqual({ task_id: expect.any(Number), status: "created", title: "Buy milk" });
      expect(JSON.parse(textOf(result))).toEqual(structured);
      const { task } = await restGet(alice, structured.task_id);
      expect(task).toMatchObject({
        title: "Buy milk",
        description: "2 litres",
        priority: "high",
        tags: ["groceries", "home"],
        due_at: "2026-12-01",
        completed: false,
      });

      const withTime = await call(client, TOOL.addTask, {
        title: "Call dentist",
        due: "2026-12-02T15:30:00+02:00",
      });
      const timed = await restGet(alice, (withTime.structuredContent as { task_id: number }).task_id);
      expect(timed.task?.due_at).toBe("2026-12-02T13:30:00.000Z");
      expect(timed.task?.priority).toBe("none");
    });

    it("list_tasks returns {tasks: [{id, title, completed, priority, tags, due_at, completed_at}]} and filters", async () => {
      const a = await restCreate(alice, {
        title: "List alpha",
        priority: "low",
        tags: ["listing"],
        due_at: "2027-03-01",
      });
      const b = await restCreate(alice, { title: "List beta report", tags: ["listing", "work"] });
      const done = (await (
        await fetch(`${stack.apiUrl}/api/tasks/${b.id}`, {
          method: "PATCH",
          headers: { ...alice.headers, "content-type": "application/json" },
          body: JSON.stringify({ completed: true }),
        })
      ).json()) as { completed_at: string };
      expect(done.completed_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

      const all = await call(client, TOOL.listTasks, { tag: "listing" });
      expect(all.isError).toBeFalsy();
      expect(all.structuredContent).toEqual({
        tasks: [
          {
            id: b.id,
            title: "List beta report",
            completed: true,
            priority: "none",
            tags: ["listing", "work"],
            due_at: null,
            completed_at: done.completed_at,
            recurrence_text: null,
            remind_at: null,
            list: null,
          },
          {
            id: a.id,
            title: "List alpha",
            completed: false,
            priority: "low",
            tags: ["listing"],
            due_at: "2027-03-01",
            completed_at: null,
            recurrence_text: null,
            remind_at: null,
            list: null,
          },
        ],
      });
      const ids = async (args: Record<string, unknown>) =>
        (
          (await call(client, TOOL.listTasks, { tag: "listing", ...args })).structuredContent as {
            tasks: { id: number }[];
          }
        ).tasks.map((t) => t.id);
      expect(await ids({ status: "pending" })).toEqual([a.id]);
      expect(await ids({ status: "completed" })).toEqual([b.id]);
      expect(await ids({ priority: "low" })).toEqual([a.id]);
      expect(await ids({ query: "report" })).toEqual([b.id]);
      expect(await ids({ due_before: "2027-03-02" })).toEqual([a.id]);
      expect(await ids({ due_after: "2027-04-01" })).toEqual([]);
      expect(await ids({ limit: 1 })).toHaveLength(1);
    });

    it("complete_task marks it done, idempotently, and returns {task_id, status: completed, title}", async () => {
      const task = await restCreate(alice, { title: "Water plants" });
      const first = await call(client, TOOL.completeTask, { task_id: task.id });
      expect(first.isError).toBeFalsy();
      expect(first.structuredContent).toEqual({
        task_id: task.id,
        status: "completed",
        title: "Water plants",
      });
      const done = await restGet(alice, task.id);
      expect(done.task?.completed).toBe(true);
      const again = await call(client, TOOL.completeTask, { task_id: task.id });
      expect(again.structuredContent).toEqual({
        task_id: task.id,
        status: "completed",
        title: "Water plants",
      });
      expect((await restGet(alice, task.id)).task?.completed).toBe(true);
    });

    it("update_task changes only what it is given, null clears the due date, returns {task_id, status: updated, title}", async () => {
      const task = await restCreate(alice, {
        title: "Draft",
        description: "keep me",
        tags: ["a"],
        due_at: "2027-01-01",
      });
      const renamed = await call(client, TOOL.updateTask, {
        task_id: task.id,
        title: "Final draft",
        priority: "medium",
        tags: ["b", "c"],
      });
      expect(renamed.isError).toBeFalsy();
      expect(renamed.structuredContent).toEqual({
        task_id: task.id,
        status: "updated",
        title: "Final draft",
      });
      expect((await restGet(alice, task.id)).task).toMatchObject({
        title: "Final draft",
        description: "keep me",
        priority: "medium",
        tags: ["b", "c"],
        due_at: "2027-01-01",
      });

      await call(client, TOOL.updateTask, { task_id: task.id, due: null, completed: true });
      expect((await restGet(alice, task.id)).task).toMatchObject({ due_at: null, completed: true });
      const reopened = await call(client, TOOL.updateTask, {
        task_id: task.id,
        completed: false,
        due: "2027-02-03",
      });
      expect(reopened.structuredContent).toEqual({
        task_id: task.id,
        status: "updated",
        title: "Final draft",
      });
      expect((await restGet(alice, task.id)).task).toMatchObject({
        completed: false,
        due_at: "2027-02-03",
      });
    });

    it("delete_task moves it to the trash and returns {task_id, status: deleted, title}; a second delete says not found", async () => {
      const task = await restCreate(alice, { title: "Old junk" });
      const result = await call(client, TOOL.deleteTask, { task_id: task.id });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toEqual({ task_id: task.id, status: "deleted", title: "Old junk" });
      expect((await restGet(alice, task.id)).status).toBe(404);
      const again = await call(client, TOOL.deleteTask, { task_id: task.id });
      expect(again.isError).toBe(true);
      expect(textOf(again)).toMatch(/not found/i);
      const trash = await call(client, TOOL.listTasks, { status: "deleted" });
      const listed = (trash.structuredContent as { tasks: { id: number }[] }).tasks.map((t) => t.id);
      expect(listed).toContain(task.id);
    });

    it("reads dates in the token user's time zone: a day is all-day, a time without offset is local", async () => {
      const tokyo = await stack.signUp("Tokyo");
      const zone = await fetch(`${stack.apiUrl}/api/me`, {
        method: "PATCH",
        headers: { ...tokyo.headers, "content-type": "application/json" },
        body: JSON.stringify({ time_zone: "Asia/Tokyo" }),
      });
      expect(zone.status).toBe(200);
      const tokyoClient = await connect((await createPersonalToken(tokyo)).token);
      const local = await call(tokyoClient, TOOL.addTask, { title: "Ramen", due: "2026-12-02T19:00" });
      const day = await call(tokyoClient, TOOL.addTask, { title: "Holiday", due: "2026-12-03" });
      const idOf = (r: CallToolResult) => (r.structuredContent as { task_id: number }).task_id;
      expect((await restGet(tokyo, idOf(local))).task?.due_at).toBe("2026-12-02T10:00:00.000Z");
      expect((await restGet(tokyo, idOf(day))).task?.due_at).toBe("2026-12-03");
      const listed = await call(tokyoClient, TOOL.listTasks, {
        due_after: "2026-12-02",
        due_before: "2026-12-03",
      });
      expect((listed.structuredContent as { tasks: { title: string }[] }).tasks.map((t) => t.title)).toEqual([
        "Ramen",
      ]);
      const bad = await call(tokyoClient, TOOL.addTask, { title: "Never", due: "2026-02-30" });
      expect(bad.isError).toBe(true);
      expect(textOf(bad)).toMatch(/due/);
    });

    it("restore_task brings a deleted task back; a task not in the trash is an error that changes nothing", async () => {
      const task = await restCreate(alice, { title: "Oops, keep me" });
      await call(client, TOOL.deleteTask, { task_id: task.id });
      const restored = await call(client, TOOL.restoreTask, { task_id: task.id });
      expect(restored.structuredContent).toEqual({
        task_id: task.id,
        status: "restored",
        title: "Oops, keep me",
      });
      expect((await restGet(alice, task.id)).status).toBe(200);
      const twice = await call(client, TOOL.restoreTask, { task_id: task.id });
      expect(twice.isError).toBe(true);
      expect(textOf(twice)).toMatch(/not in the trash/i);
      const missing = await call(client, TOOL.restoreTask, { task_id: 2_000_000_000 });
      expect(missing.isError).toBe(true);
      expect(textOf(missing)).toMatch(/not found/i);
    });
  });

  describe("authentication", () => {
    it("accepts a personal token and records its last use", async () => {
      const { id, token } = await createPersonalToken(alice, "last-used probe");
      const before = (await (
        await fetch(`${stack.apiUrl}/api/tokens`, { headers: alice.headers })
      ).json()) as {
        items: { id: number; last_used_at: string | null }[];
      };
      expect(before.items.find((t) => t.id === id)?.last_used_at).toBeNull();

      const started = Date.now();
      const client = await connect(token);
      const listed = await call(client, TOOL.listTasks, {});
      expect(listed.isError).toBeFalsy();

      const after = (await (
        await fetch(`${stack.apiUrl}/api/tokens`, { headers: alice.headers })
      ).json()) as {
        items: { id: number; last_used_at: string | null }[];
      };
      const lastUsed = after.items.find((t) => t.id === id)?.last_used_at;
      expect(lastUsed).toEqual(expect.any(String));
      expect(Math.abs(Date.parse(lastUsed ?? "") - started)).toBeLessThan(60_000);
    });

    it("accepts an agent token the api would mint, acting as that user", async () => {
      const task = await restCreate(bob, { title: "Bob's agent task" });
      const client = await connect(await signAgentToken(SECRET, bob.id, 120));
      const listed = await call(client, TOOL.listTasks, {});
      expect((listed.structuredContent as { tasks: { id: number }[] }).tasks.map((t) => t.id)).toContain(
        task.id,
      );
      const added = await call(client, TOOL.addTask, { title: "Added by agent" });
      const created = await restGet(bob, (added.structuredContent as { task_id: number }).task_id);
      expect(created.task?.title).toBe("Added by agent");
    });

    it("refuses requests without a valid token with HTTP 401", async () => {
      const now = Math.floor(Date.now() / 1000);
      const key = new TextEncoder().encode(SECRET);
      const base = () =>
        new SignJWT({}).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setSubject(alice.id);
      const expired = await base()
        .setIssuer("taskflow-api")
        .setAudience("taskflow-mcp")
        .setIssuedAt(now - 600)
        .setExpirationTime(now - 60)
        .sign(key);
      const wrongAudience = await base()
        .setIssuer("taskflow-api")
        .setAudience("taskflow-web")
        .setExpirationTime("5m")
        .sign(key);
      const wrongIssuer = await base()
        .setIssuer("someone-else")
        .setAudience("taskflow-mcp")
        .setExpirationTime("5m")
        .sign(key);
      const otherSecret = await base()
        .setIssuer("taskflow-api")
        .setAudience("taskflow-mcp")
        .setExpirationTime("5m")
        .sign(new TextEncoder().encode("another-secret-that-is-long-enough-to-sign-with"));
      const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
      const unsigned = `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: alice.id, iss: "taskflow-api", aud: "taskflow-mcp", exp: now + 300 })}.`;
      const { id: revokedId, token: revoked } = await createPersonalToken(alice, "to revoke");
      const revoke = await fetch(`${stack.apiUrl}/api/tokens/${revokedId}`, {
        method: "DELETE",
        headers: alice.headers,
      });
      expect(revoke.status).toBe(204);

      const cases: [string, string | undefined][] = [
        ["no header", undefined],
        ["empty bearer", "Bearer "],
        ["not a bearer scheme", `Basic ${Buffer.from("a:b").toString("base64")}`],
        ["garbage", "Bearer not-a-token"],
        ["unknown personal token", "Bearer tfp_0000000000000000000000000000000000000000000"],
        ["revoked personal token", `Bearer ${revoked}`],
        ["the api session token", `Bearer ${alice.token}`],
        ["expired JWT", `Bearer ${expired}`],
        ["JWT for another audience", `Bearer ${wrongAudience}`],
        ["JWT from another issuer", `Bearer ${wrongIssuer}`],
        ["JWT signed with another secret", `Bearer ${otherSecret}`],
        ["alg:none JWT", `Bearer ${unsigned}`],
      ];
      for (const [label, header] of cases) {
        const response = await rawInitialize(header);
        expect(response.status, label).toBe(401);
        expect(response.headers.get("www-authenticate"), label).toMatch(/^Bearer/);
        const body = (await response.json()) as { error?: { message?: string } };
        expect(body.error?.message, label).toMatch(/unauthorized/i);
      }

      // The SDK client surfaces the 401 as a failed connect, never as a session.
      const client = new Client({ name: "taskflow-test", version: "0.0.0" });
      const transport = new StreamableHTTPClientTransport(new URL(stack.mcpUrl), {
        requestInit: { headers: { Authorization: `Bearer ${revoked}` } },
      });
      await expect(client.connect(transport)).rejects.toThrow();
      await client.close().catch(() => {});
    });

    it("answers GET and DELETE /mcp with 405: the server is stateless", async () => {
      const get = await fetch(stack.mcpUrl, {
        headers: { authorization: `Bearer ${aliceToken}`, accept: "text/event-stream" },
      });
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toBe("POST");
      const del = await fetch(stack.mcpUrl, {
        method: "DELETE",
        headers: { authorization: `Bearer ${aliceToken}` },
      });
      expect(del.status).toBe(405);
    });
  });

  describe("isolation and identity", () => {
    it("user B's token cannot list, complete, update or delete user A's task", async () => {
      const task = await restCreate(alice, {
        title: "Alice's secret plan",
        priority: "high",
        tags: ["private"],
      });
      const asBob = await connect(bobToken);

      const listed = await call(asBob, TOOL.listTasks, { status: "all", limit: 100 });
      const titles = (listed.structuredContent as { tasks: { id: number; title: string }[] }).tasks;
      expect(titles.map((t) => t.id)).not.toContain(task.id);
      expect(titles.map((t) => t.title)).not.toContain("Alice's secret plan");
      const searched = await call(asBob, TOOL.listTasks, { query: "secret plan" });
      expect(searched.structuredContent).toEqual({ tasks: [] });

      for (const [tool, args] of [
        [TOOL.completeTask, { task_id: task.id }],
        [TOOL.updateTask, { task_id: task.id, title: "pwned", completed: true }],
        [TOOL.deleteTask, { task_id: task.id }],
      ] as const) {
        const result = await call(asBob, tool, args);
        expect(result.isError, tool).toBe(true);
        expect(textOf(result), tool).toMatch(/not found/i);
        expect(result.structuredContent, tool).toBeUndefined();
      }
      const { task: unchanged } = await restGet(alice, task.id);
      expect(unchanged).toEqual(task);
    });

    it("keeps users apart under concurrent calls (no caller state survives between requests)", async () => {
      const asAlice = await connect(aliceToken);
      const asBob = await connect(bobToken);
      const calls = Array.from({ length: 12 }, (_, i) => {
        const [client, who] = i % 2 === 0 ? [asAlice, "alice"] : [asBob, "bob"];
        return call(client, TOOL.addTask, { title: `concurrent ${who} ${i}`, tags: ["concurrency"] });
      });
      for (const result of await Promise.all(calls)) expect(result.isError).toBeFalsy();
      const [aliceList, bobList] = await Promise.all([
        call(asAlice, TOOL.listTasks, { tag: "concurrency" }),
        call(asBob, TOOL.listTasks, { tag: "concurrency" }),
      ]);
      const titles = (result: CallToolResult) =>
        (result.structuredContent as { tasks: { title: string }[] }).tasks.map((t) => t.title).sort();
      expect(titles(aliceList)).toEqual([0, 2, 4, 6, 8, 10].map((i) => `concurrent alice ${i}`).sort());
      expect(titles(bobList)).toEqual([1, 3, 5, 7, 9, 11].map((i) => `concurrent bob ${i}`).sort());
    });

    it("refuses a user_id argument that is not the token's user, and accepts the token's own", async () => {
      const task = await restCreate(alice, { title: "Mine only" });
      const asBob = await connect(bobToken);
      for (const [tool, args] of [
        [TOOL.listTasks, {}],
        [TOOL.addTask, { title: "planted in Alice's list" }],
        [TOOL.completeTask, { task_id: task.id }],
        [TOOL.updateTask, { task_id: task.id, title: "pwned" }],
        [TOOL.deleteTask, { task_id: task.id }],
      ] as const) {
        const result = await call(asBob, tool, { ...args, user_id: alice.id });
        expect(result.isError, tool).toBe(true);
        expect(textOf(result), tool).toMatch(/user_id/);
      }
      const { task: unchanged } = await restGet(alice, task.id);
      expect(unchanged).toEqual(task);
      const aliceList = (await (
        await fetch(`${stack.apiUrl}/api/tasks?q=planted`, { headers: alice.headers })
      ).json()) as {
        items: unknown[];
      };
      expect(aliceList.items).toEqual([]);

      const asAlice = await connect(aliceToken);
      const own = await call(asAlice, TOOL.completeTask, { task_id: task.id, user_id: alice.id });
      expect(own.isError).toBeFalsy();
      expect(own.structuredContent).toEqual({ task_id: task.id, status: "completed", title: "Mine only" });
      const ownAdd = await call(asAlice, TOOL.addTask, { title: "With my own id", user_id: alice.id });
      expect(ownAdd.structuredContent).toMatchObject({ status: "created", title: "With my own id" });
    });
  });

  describe("tool errors the model can read", () => {
    let client: Client;
    beforeAll(async () => {
      client = await connect(aliceToken);
    });

    it("an unknown task id is an isError result naming it, not a protocol error", async () => {
      for (const tool of [TOOL.completeTask, TOOL.deleteTask, TOOL.updateTask]) {
        const args = tool === TOOL.updateTask ? { task_id: 987654, title: "x" } : { task_id: 987654 };
        const result = await call(client, tool, args);
        expect(result.isError, tool).toBe(true);
        expect(textOf(result), tool).toMatch(/987654.*not found/i);
      }
    });

    it("invalid arguments are isError results, never crashes", async () => {
      const cases: [string, Record<string, unknown>, RegExp][] = [
        [TOOL.addTask, { title: "Bad date", due: "2026-13-45" }, /due/],
        [TOOL.addTask, { title: "Impossible day", due: "2026-02-31" }, /due/],
        [TOOL.addTask, { title: "Words", due: "next tuesday-ish" }, /due/],
        [TOOL.addTask, { title: "x".repeat(201) }, /title.*200/],
        [TOOL.addTask, { title: "   " }, /title/],
        [TOOL.addTask, { title: "Bad tag", tags: ["not a tag!"] }, /tag/],
        [TOOL.addTask, { title: "Bad priority", priority: "urgent" }, /priority/],
        [TOOL.addTask, {}, /title/],
        [TOOL.completeTask, { task_id: "abc" }, /task_id/],
        [TOOL.completeTask, { task_id: -1 }, /task_id/],
        [TOOL.deleteTask, { task_id: 1.5 }, /task_id/],
        [TOOL.updateTask, { task_id: "abc", title: "x" }, /task_id/],
        [TOOL.updateTask, { task_id: 1 }, /at least one/],
        [TOOL.updateTask, { task_id: 1, due: "someday" }, /due/],
        [TOOL.listTasks, { due_before: "yesterday" }, /due_before/],
        [TOOL.listTasks, { limit: 1000 }, /limit/],
        [TOOL.listTasks, { status: "done" }, /status/],
      ];
      for (const [tool, args, message] of cases) {
        const result = await call(client, tool, args);
        const label = `${tool} ${JSON.stringify(args).slice(0, 60)}`;
        expect(result.isError, label).toBe(true);
        expect(textOf(result), label).toMatch(message);
      }
      // Nothing half-made was stored.
      const list = (await (
        await fetch(`${stack.apiUrl}/api/tasks?q=Bad`, { headers: alice.headers })
      ).json()) as { items: unknown[] };
      expect(list.items).toEqual([]);
    });

    it("an unexpected failure is a generic tool error that leaks no SQL or parameters", async () => {
      // A correctly signed agent token whose user no longer exists: the insert fails on the foreign key.
      const ghost = await connect(await signAgentToken(SECRET, "ghost-user-without-a-row", 60));
      const result = await call(ghost, TOOL.addTask, { title: "Secret title 42" });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/went wrong on our side/i);
      expect(textOf(result)).not.toMatch(/insert|select|params|query|ghost-user|Secret title/i);
    });

    it("an unknown tool is an isError result", async () => {
      const result = await call(client, "drop_database", {});
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/drop_database/);
    });

    it("malformed JSON-RPC gets a 4xx, not a 500", async () => {
      const response = await fetch(stack.mcpUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          authorization: `Bearer ${aliceToken}`,
        },
        body: "{not json",
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    });
  });
});

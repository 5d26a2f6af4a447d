// Recurrence, reminders and dates over MCP (the official SDK client on real HTTP): add/update take
// `recurrence` (RRULE or phrase) and `remind_at`, results and listings carry `recurrence_text` and
// `remind_at`, completing a repeating task moves it on, and find_tasks_by_date reads days in each
// user's own zone.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Task, TaskList } from "@taskflow/contracts";
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { engines } from "@taskflow/testing/databases";
import { client } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { dayFromToday, wallIn, weekdayOf } from "@taskflow/testing/zoned-clock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const LA = "America/Los_Angeles";
const TOKYO = "Asia/Tokyo";

describe.each(engines)("MCP recurrence, reminders and dates on %s", (engine) => {
  let stack: TestStack;
  const clients: Client[] = [];

  async function userIn(zone: string, name: string) {
    const user = await stack.signUp(name);
    const rest = client(stack.apiUrl, user.headers);
    expect((await rest.patch("/api/me", { json: { time_zone: zone } })).status).toBe(200);
    const token = (await rest.post<{ token: string }>("/api/tokens", { json: { name: "mcp" } })).body.token;
    const mcp = new Client({ name: "taskflow-test", version: "0.0.0" });
    await mcp.connect(
      new StreamableHTTPClientTransport(new URL(stack.mcpUrl), {
        requestInit: { headers: { Authorization: `Bearer ${token}` } },
      }),
    );
    clients.push(mcp);
    const call = async (name: string, args: Record<string, unknown>) =>
      (await mcp.callTool({ name, arguments: args })) as CallToolResult;
    const task = async (id: number) => (await rest.get<Task>(`/api/tasks/${id}`)).body;
    const all = async () => (await rest.get<TaskList>("/api/tasks?limit=100")).body.items;
    return { user, rest, call, task, all };
  }
  let la: Awaited<ReturnType<typeof userIn>>;
  let tokyo: Awaited<ReturnType<typeof userIn>>;
  const textOf = (result: CallToolResult) =>
    result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");

  beforeAll(async () => {
    stack = await startTestStack(engine);
    la = await userIn(LA, "Lou");
    tokyo = await userIn(TOKYO, "Toshi");
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => {})));
    await stack?.close();
  });

  it("add_task takes a phrase with a time and a reminder: the due is next Saturday 09:00 in the user's zone", async () => {
    const saturday = (() => {
      for (let offset = 1; offset <= 7; offset++) {
        const day = dayFromToday(LA, offset);
        if (weekdayOf(day) === 6) return day;
      }
      throw new Error("no saturday");
    })();
    const result = await la.call(TOOL.addTask, {
      title: "Water the plants",
      recurrence: "every saturday at 9",
      remind_at: `${saturday}T08:30`,
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    const added = result.structuredContent as { task_id: number; due_at: string; remind_at: string };
    expect(added).toMatchObject({ status: "created", recurrence_text: "every Saturday" });
    const stored = await la.task(added.task_id);
    expect(stored).toMatchObject({ recurrence: "FREQ=WEEKLY;BYDAY=SA", all_day: false, completed_count: 0 });
    // Saturday today at 09:00 counts only if not past yet; the next one is at most a week away.
    const wall = wallIn(stored.due_at as string, LA);
    expect(wall.slice(11)).toBe("09:00");
    expect(weekdayOf(wall.slice(0, 10))).toBe(6);
    expect(stored.due_at).toBe(added.due_at);
    expect(wallIn(stored.remind_at as string, LA)).toBe(`${saturday} 08:30`);
    expect(added.remind_at).toBe(stored.remind_at);

    const listed = await la.call(TOOL.listTasks, { query: "plants" });
    expect((listed.structuredContent as { tasks: unknown[] }).tasks).toEqual([
      expect.objectContaining({
        id: added.task_id,
        recurrence_text: "every Saturday",
        remind_at: stored.remind_at,
      }),
    ]);
  });

  it("a bad recurrence or reminder is a tool error naming the field, and nothing is written", async () => {
    const before = (await la.all()).length;
    for (const [args, field] of [
      [{ title: "X", recurrence: "now and then", due: "2027-01-01" }, /recurrence/],
      [{ title: "X", recurrence: "FREQ=WEEKLY;BYMONTHDAY=3", due: "2027-01-01" }, /recurrence/],
      [{ title: "X", recurrence: "monthly" }, /recurrence.*due/],
      [{ title: "X", remind_at: "tomorrow morning" }, /remind_at/],
    ] as const) {
      const result = await la.call(TOOL.addTask, args);
      expect(result.isError, JSON.stringify(args)).toBe(true);
      expect(textOf(result)).toMatch(field);
    }
    const bulk = await la.call(TOOL.addTasks, {
      tasks: [
        { title: "Fine", recurrence: "every day", due: "2027-01-01" },
        { title: "Bad", recurrence: "every blue moon", due: "2027-01-01" },
      ],
    });
    expect(bulk.isError).toBe(true);
    expect(textOf(bulk)).toMatch(/Nothing was changed.*item 2.*recurrence/);
    expect((await la.all()).length).toBe(before);
  });

  it("update_task sets, rewords and stops a repeat and a reminder; complete_task moves a repeating task on", async () => {
    const id = (
      (await la.call(TOOL.addTask, { title: "Review", due: dayFromToday(LA, 0) })).structuredContent as {
        task_id: number;
      }
    ).task_id;
    const set = await la.call(TOOL.updateTask, {
      task_id: id,
      recurrence: "FREQ=WEEKLY;INTERVAL=2",
      remind_at: `${dayFromToday(LA, 0)}T17:00`,
    });
    expect(set.isError, textOf(set)).toBeFalsy();
    expect(set.structuredContent).toMatchObject({
      status: "updated",
      recurrence_text: "every 2 weeks",
      due_at: dayFromToday(LA, 0),
    });

    const done = await la.call(TOOL.completeTask, { task_id: id });
    expect(done.structuredContent).toMatchObject({
      task_id: id,
      status: "completed",
      due_at: dayFromToday(LA, 14),
      recurrence_text: "every 2 weeks",
    });
    const moved = await la.task(id);
    expect(moved).toMatchObject({ completed: false, completed_count: 1, due_at: dayFromToday(LA, 14) });
    expect(wallIn(moved.remind_at as string, LA)).toBe(`${dayFromToday(LA, 14)} 17:00`);

    // Naming it twice in one complete_tasks call completes it once.
    const bulk = await la.call(TOOL.completeTasks, { task_ids: [id, id] });
    expect(bulk.isError, textOf(bulk)).toBeFalsy();
    expect((bulk.structuredContent as { count: number }).count).toBe(2);
    expect(await la.task(id)).toMatchObject({ completed_count: 2, due_at: dayFromToday(LA, 28) });

    const stopped = await la.call(TOOL.updateTask, { task_id: id, recurrence: null, remind_at: null });
    expect(stopped.structuredContent).toEqual({ task_id: id, status: "updated", title: "Review" });
    expect(await la.task(id)).toMatchObject({ recurrence: null, recurrence_text: null, remind_at: null });
    const finished = await la.call(TOOL.completeTask, { task_id: id });
    expect(finished.structuredContent).toEqual({ task_id: id, status: "completed", title: "Review" });
    expect((await la.task(id)).completed).toBe(true);
  });

  it("find_tasks_by_date answers 'what is due between X and Y' by whole days in each user's zone", async () => {
    const seed = async (who: typeof la) => {
      const ids: Record<string, number> = {};
      for (const [name, due] of [
        ["all-day May 1", "2027-05-01"],
        // 2027-05-01T06:00Z is 30 April 23:00 in Los Angeles and 1 May 15:00 in Tokyo.
        ["06:00Z May 1", "2027-05-01T06:00:00Z"],
        // 1 May 23:59 in Los Angeles; 2 May 15:59 in Tokyo.
        ["06:59Z May 2", "2027-05-02T06:59:00Z"],
        ["all-day May 3", "2027-05-03"],
      ] as const) {
        const added = await who.call(TOOL.addTask, { title: `range ${name}`, due, tags: ["range"] });
        ids[name] = (added.structuredContent as { task_id: number }).task_id;
      }
      return ids;
    };
    const laIds = await seed(la);
    const tokyoIds = await seed(tokyo);
    const find = async (who: typeof la, from: string, to: string, extra: Record<string, unknown> = {}) => {
      const result = await who.call(TOOL.findTasksByDate, { from, to, ...extra });
      expect(result.isError, textOf(result)).toBeFalsy();
      return result.structuredContent as { time_zone: string; tasks: { id: number; title: string }[] };
    };

    const laMay1 = await find(la, "2027-05-01", "2027-05-01");
    expect(laMay1.time_zone).toBe(LA);
    // An all-day task sorts at the end of its day, as in list_tasks' due order.
    expect(laMay1.tasks.map((t) => t.id)).toEqual([laIds["06:59Z May 2"], laIds["all-day May 1"]]);
    expect((await find(la, "2027-04-30", "2027-04-30")).tasks.map((t) => t.id)).toEqual([
      laIds["06:00Z May 1"],
    ]);
    const tokyoMay1 = await find(tokyo, "2027-05-01", "2027-05-01");
    expect(tokyoMay1.time_zone).toBe(TOKYO);
    expect(tokyoMay1.tasks.map((t) => t.id).sort()).toEqual(
      [tokyoIds["all-day May 1"], tokyoIds["06:00Z May 1"]].sort(),
    );
    // Both ends included, soonest first, only the caller's own tasks.
    const laRange = await find(la, "2027-04-30", "2027-05-03");
    expect(laRange.tasks.map((t) => t.title)).toEqual([
      "range 06:00Z May 1",
      "range 06:59Z May 2",
      "range all-day May 1",
      "range all-day May 3",
    ]);
    expect((await find(tokyo, "2027-05-02", "2027-05-03")).tasks.map((t) => t.id)).toEqual([
      tokyoIds["06:59Z May 2"],
      tokyoIds["all-day May 3"],
    ]);

    // Open tasks by default; status=all includes the completed ones.
    await la.call(TOOL.completeTask, { task_id: laIds["all-day May 3"] as number });
    expect((await find(la, "2027-05-03", "2027-05-03")).tasks).toEqual([]);
    expect((await find(la, "2027-05-03", "2027-05-03", { status: "all" })).tasks.map((t) => t.id)).toEqual([
      laIds["all-day May 3"],
    ]);

    for (const [args, field] of [
      [{ from: "2027-05-03", to: "2027-05-01" }, /to must be on or after/],
      [{ from: "May 1", to: "2027-05-01" }, /from/],
      [{ from: "2027-05-01", to: "2027-05-01T10:00" }, /to/],
    ] as const) {
      const result = await la.call(TOOL.findTasksByDate, args);
      expect(result.isError, JSON.stringify(args)).toBe(true);
      expect(textOf(result)).toMatch(field);
    }
  });
});

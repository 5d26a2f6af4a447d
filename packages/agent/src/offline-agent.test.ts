// The offline agent over a fake MCP server that keeps tasks in memory: each turn gets only the stored
// history (what the api keeps), so these are the follow-ups, undo and all-or-nothing runs any replica sees.
import { describe, expect, it } from "vitest";
import { runOfflineTurn } from "./offline-agent.js";
import type { HistoryEntry, ToolCallRecord, TurnInput } from "./types.js";

interface Row {
  id: number;
  title: string;
  completed: boolean;
  priority: string;
  tags: string[];
  due_at: string | null;
  /** The task's list by name; null or absent: the Inbox. */
  list?: string | null;
  deleted?: boolean;
}

function fakeServer(
  rows: Omit<Row, "completed" | "priority" | "tags" | "due_at">[] & Partial<Row>[] = [],
  lists: string[] = [],
) {
  const tasks: Row[] = rows.map((r) => ({
    completed: false,
    priority: "none",
    tags: [],
    due_at: null,
    list: null,
    ...r,
  }));
  let next = 100;
  const calls: { tool: string; args: Record<string, unknown> }[] = [];
  const failOn = new Set<string>();
  const call = async (tool: string, args: Record<string, unknown>): Promise<ToolCallRecord> => {
    calls.push({ tool, args });
    const task = tasks.find((t) => t.id === args.task_id);
    const ok = (result: unknown): ToolCallRecord => ({ tool, arguments: args, result });
    const fail = (text: string): ToolCallRecord => ({ tool, arguments: args, result: text, is_error: true });
    if (failOn.has(`${tool}:${String(args.task_id ?? args.title)}`)) return fail("Task not found");
    const listNamed = (name: unknown) =>
      String(name).toLowerCase() === "inbox" ? null : lists.find((l) => l === name);
    if (args.list !== undefined && listNamed(args.list) === undefined)
      return fail(`list names no list “${String(args.list)}”`);
    switch (tool) {
      case "list_lists":
        return ok({ lists: lists.map((name, i) => ({ id: i + 1, name, task_count: 0 })) });
      case "list_tasks":
        return ok({
          tasks: tasks
            .filter((t) => !t.deleted)
            .filter((t) => args.status !== "completed" || t.completed)
            .filter((t) => args.status !== "pending" || !t.completed)
            .map(({ deleted: _d, ...t }) => t),
        });
      case "add_task": {
        const row: Row = {
          id: next++,
          title: String(args.title),
          completed: false,
          priority: String(args.priority ?? "none"),
          tags: (args.tags as string[]) ?? [],
          due_at: (args.due as string) ?? null,
          list: args.list === undefined ? null : (listNamed(args.list) ?? null),
        };
        tasks.push(row);
        return ok({ task_id: row.id, status: "created", title: row.title });
      }
      default: {
        if (task === undefined || (task.deleted === true && tool !== "restore_task"))
          return fail(`Task ${String(args.task_id)} not found`);
        if (tool === "complete_task") task.completed = true;
        if (tool === "delete_task") task.deleted = true;
        if (tool === "restore_task") task.deleted = false;
        if (tool === "update_task") {
          if (typeof args.title === "string") task.title = args.title;
          if (typeof args.priority === "string") task.priority = args.priority;
          if (Array.isArray(args.tags)) task.tags = args.tags as string[];
          if (args.due !== undefined) task.due_at = args.due as string | null;
          if (typeof args.completed === "boolean") task.completed = args.completed;
          if (args.list !== undefined) task.list = listNamed(args.list) ?? null;
        }
        const status = { complete_task: "completed", delete_task: "deleted", restore_task: "restored" }[tool];
        return ok({ task_id: task.id, status: status ?? "updated", title: task.title });
      }
    }
  };
  return { tasks, calls, call, failOn };
}

/** A conversation: each message is one turn, its result stored as the api stores it. */
function chat(
  server: ReturnType<typeof fakeServer>,
  now = new Date("2026-11-30T17:00:00Z"),
  timeZone = "UTC",
) {
  const history: HistoryEntry[] = [];
  return {
    history,
    async say(message: string) {
      const input: TurnInput = {
        mcpToken: "t",
        history: structuredClone(history),
        message,
        now,
        timeZone,
        signal: new AbortController().signal,
      };
      const before = server.calls.length;
      const turn = await runOfflineTurn(input, server.call);
      history.push({ role: "user", content: message });
      history.push({ role: "assistant", content: turn.response, toolCalls: turn.toolCalls });
      return { ...turn, calls: server.calls.slice(before).filter((c) => c.tool !== "list_tasks") };
    },
  };
}

describe("undo reverts the conversation's last change", () => {
  it("an update keeps the previous values in its recorded result, and undo puts them back", async () => {
    const server = fakeServer([{ id: 1, title: "Call the bank", priority: "high", due_at: "2026-12-02" }]);
    const c = chat(server);
    const moved = await c.say("move call the bank to friday and make it low priority");
    expect(moved.response).toMatch(/‘Call the bank’ \(#1\).*Say “undo” to revert\./);
    const record = moved.toolCalls.find((r) => r.tool === "update_task");
    expect(record?.arguments).not.toHaveProperty("before");
    expect(record?.result).toMatchObject({ before: { priority: "high", due_at: "2026-12-02" } });
    expect(server.tasks[0]).toMatchObject({ priority: "low", due_at: "2026-12-04" });

    const undone = await c.say("undo");
    // Two changes in one message ("… and make it …"): both reverted, newest first.
    expect(undone.calls).toEqual([
      { tool: "update_task", args: { task_id: 1, priority: "high" } },
      { tool: "update_task", args: { task_id: 1, due: "2026-12-02" } },
    ]);
    expect(server.tasks[0]).toMatchObject({ priority: "high", due_at: "2026-12-02" });
    expect(undone.response).toMatch(/^Undone\./);
  });

  it("undoes an add, a delete (from the trash), a completion and a whole set", async () => {
    const server = fakeServer([
      { id: 1, title: "Buy milk" },
      { id: 2, title: "Pay rent" },
    ]);
    const c = chat(server);
    const added = await c.say("add renew passport friday");
    expect(added.response).toMatch(
      /^Added ‘renew passport’ \(#100, due Fri 4 Dec\)\. Say “undo” to revert\.$/,
    );
    expect((await c.say("oops undo")).calls).toEqual([{ tool: "delete_task", args: { task_id: 100 } }]);
    await c.say("delete task 2");
    expect((await c.say("undo that")).calls).toEqual([{ tool: "restore_task", args: { task_id: 2 } }]);
    expect(server.tasks.find((t) => t.id === 2)?.deleted).toBe(false);
    await c.say("complete tasks 1 and 2");
    expect((await c.say("revert")).calls).toEqual([
      { tool: "update_task", args: { task_id: 2, completed: false } },
      { tool: "update_task", args: { task_id: 1, completed: false } },
    ]);
    expect(server.tasks.every((t) => !t.completed)).toBe(true);
  });

  it("says so when there is nothing to undo", async () => {
    const c = chat(fakeServer([{ id: 1, title: "Buy milk" }]));
    await c.say("show my tasks");
    const turn = await c.say("undo");
    expect(turn.calls).toEqual([]);
    expect(turn.response).toMatch(/nothing to undo/i);
  });
});

describe("several actions in one message are done in full or not at all", () => {
  it("does all of them and says which", async () => {
    const server = fakeServer([
      { id: 3, title: "Buy milk" },
      { id: 4, title: "Old idea" },
    ]);
    const turn = await chat(server).say("complete 3 and delete 4");
    expect(turn.calls).toEqual([
      { tool: "complete_task", args: { task_id: 3 } },
      { tool: "delete_task", args: { task_id: 4 } },
    ]);
    expect(turn.response).toMatch(
      /^Done, all 2: Marked ‘Buy milk’ \(#3\) as done\. Deleted ‘Old idea’ \(#4\)/,
    );
  });

  it("puts back what was done when a later action fails, and says nothing changed", async () => {
    const server = fakeServer([{ id: 3, title: "Buy milk" }]);
    server.failOn.add("add_task:call the bank");
    const turn = await chat(server).say("complete 3 and remind me to call the bank friday");
    expect(turn.calls.map((c) => c.tool)).toEqual(["complete_task", "add_task", "update_task"]);
    expect(server.tasks[0]?.completed).toBe(false);
    expect(turn.response).toMatch(/changed nothing: none of the 2 changes was made/);
  });
});

describe("follow-ups read the stored conversation", () => {
  const rows = [
    { id: 21, title: "Buy milk", due_at: "2026-12-03" },
    { id: 22, title: "Pay rent", due_at: "2026-12-01" },
    { id: 23, title: "Call the bank", due_at: "2026-12-02" },
  ];

  it("'the second one' after a listing sorted by due is the second row shown", async () => {
    const server = fakeServer(rows);
    const c = chat(server);
    const listed = await c.say("what's due this week?");
    expect(listed.response.split("\n").slice(1)).toEqual([
      "#22 [ ] Pay rent (due Tue 1 Dec)",
      "#23 [ ] Call the bank (due Wed 2 Dec)",
      "#21 [ ] Buy milk (due Thu 3 Dec)",
    ]);
    expect((await c.say("delete the second one")).calls).toEqual([
      { tool: "delete_task", args: { task_id: 23 } },
    ]);
  });

  it("answers 'which one?' with the request it asked about", async () => {
    const server = fakeServer([
      { id: 5, title: "Buy milk" },
      { id: 6, title: "Buy oat milk" },
    ]);
    const c = chat(server);
    const asked = await c.say("complete milk");
    expect(asked.response).toMatch(/Which one do you mean\?/);
    expect((await c.say("the second one")).calls).toEqual([{ tool: "complete_task", args: { task_id: 6 } }]);
  });

  it("'it' is the task just added; 'both' the two just listed", async () => {
    const server = fakeServer(rows);
    const c = chat(server);
    await c.say("add water the plants");
    expect((await c.say("make it high priority")).calls).toEqual([
      { tool: "update_task", args: { task_id: 100, priority: "high" } },
    ]);
    for (const row of server.tasks.slice(0, 2)) row.completed = true;
    const listed = await c.say("show completed tasks");
    expect(listed.response).toMatch(/^Here are 2 tasks:/);
    expect((await c.say("reopen both")).calls).toEqual([
      { tool: "update_task", args: { task_id: 21, completed: false } },
      { tool: "update_task", args: { task_id: 22, completed: false } },
    ]);
  });
});

describe("questions about time", () => {
  it("what to work on next: overdue first, then due soonest, then high priority", async () => {
    const server = fakeServer([
      { id: 1, title: "Someday", priority: "low" },
      { id: 2, title: "Urgent no date", priority: "high" },
      { id: 3, title: "Due friday", due_at: "2026-12-04" },
      { id: 4, title: "Late", due_at: "2026-11-20" },
      { id: 5, title: "Due tomorrow 9am", due_at: "2026-12-01T09:00:00.000Z" },
    ]);
    const turn = await chat(server).say("what should I work on next?");
    expect(
      turn.response
        .split("\n")
        .slice(1)
        .map((l) => l.split(" ")[0]),
    ).toEqual(["#4", "#5", "#3", "#2", "#1"]);
  });

  it("what did I finish today, when the tool does not say when: says so and lists the completed ones", async () => {
    const server = fakeServer([
      { id: 1, title: "Buy milk", completed: true },
      { id: 2, title: "Pay rent" },
    ]);
    const turn = await chat(server).say("what did I finish today?");
    expect(turn.response).toMatch(/can't see when each task was finished/);
    expect(turn.response).toContain("#1 [x] Buy milk");
    expect(turn.response).not.toContain("Pay rent");
  });

  it("reads the Los Angeles user's 'tomorrow' and shows times on their clock", async () => {
    const server = fakeServer([{ id: 9, title: "Haircut", due_at: "2026-12-01T18:00:00.000Z" }]);
    const c = chat(server, new Date("2026-12-01T06:30:00Z"), "America/Los_Angeles");
    const added = await c.say("add milk tomorrow");
    expect(added.calls).toEqual([{ tool: "add_task", args: { title: "milk", due: "2026-12-01" } }]);
    const listed = await c.say("what's due tmrw");
    expect(listed.response).toContain("#9 [ ] Haircut (due Tue 1 Dec 10:00)");
  });
});

describe("the task list is read only when the plan needs it", () => {
  it("an add makes one call; a command on a named task lists the tasks first, then acts on the one it names", async () => {
    const server = fakeServer([{ id: 1, title: "Call the bank" }]);
    const c = chat(server);
    const listings = () => server.calls.filter((call) => call.tool === "list_tasks").length;
    await c.say("add buy milk tomorrow");
    expect(server.calls.map((call) => call.tool)).toEqual(["add_task"]);
    const done = await c.say("complete call the bank");
    expect(listings()).toBe(1);
    expect(done.calls).toEqual([{ tool: "complete_task", args: { task_id: 1 } }]);
    expect(server.tasks[0]?.completed).toBe(true);
  });

  it("reads the lists only for a message that names one, once, and undo moves a task back to its list", async () => {
    const server = fakeServer([{ id: 1, title: "Call the bank", list: "Work" }], ["Work", "Home"]);
    const c = chat(server);
    await c.say("add buy milk");
    expect(server.calls.map((call) => call.tool)).toEqual(["add_task"]);
    const added = await c.say("add paint to Home");
    expect(added.calls).toEqual([
      { tool: "list_lists", args: {} },
      { tool: "add_task", args: { title: "paint", list: "Home" } },
    ]);
    expect(server.tasks.find((t) => t.title === "paint")?.list).toBe("Home");

    const moved = await c.say("move call the bank to Home");
    expect(moved.calls).toEqual([
      { tool: "list_lists", args: {} },
      { tool: "update_task", args: { task_id: 1, list: "Home" } },
    ]);
    expect(moved.toolCalls.at(-1)?.result).toMatchObject({ before: { list: "Work" } });
    expect(server.tasks[0]?.list).toBe("Home");
    const undone = await c.say("undo");
    expect(undone.calls).toEqual([{ tool: "update_task", args: { task_id: 1, list: "Work" } }]);
    expect(server.tasks[0]?.list).toBe("Work");
  });
});

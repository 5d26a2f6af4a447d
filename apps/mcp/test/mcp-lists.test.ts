// Lists through MCP, over real HTTP with the official SDK client (which checks each structured result
// against the tool's outputSchema): the task tools take `list` by name (case-insensitive, "inbox" for
// none), an unknown name is a tool error naming the lists there are and writes nothing, listed tasks
// carry their list's name, list_lists shows the user's lists with open counts, create_list, rename_list and
// delete_list manage lists by name (bad names and another user's list are tool errors that change nothing;
// a deleted list's tasks move to the Inbox), and users stay apart.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { engines } from "@taskflow/testing/databases";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTool as call, connectAs, textOf } from "./mcp-client";

interface RestTask {
  id: number;
  title: string;
  list_id: number | null;
}
interface ListedTask {
  id: number;
  title: string;
  list: string | null;
}

describe.each(engines)("MCP lists on %s", (engine) => {
  let stack: TestStack;
  let alice: TestUser;
  let bob: TestUser;
  let asAlice: Client;
  let asBob: Client;
  const clients: Client[] = [];
  const listIds: Record<string, number> = {};

  async function connect(user: TestUser): Promise<Client> {
    const client = await connectAs(stack, user, "lists test");
    clients.push(client);
    return client;
  }
  const structured = <T>(result: CallToolResult) => {
    expect(result.isError, textOf(result)).toBeFalsy();
    return result.structuredContent as T;
  };

  async function rest<T>(user: TestUser, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { ...user.headers, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return (await response.json()) as T;
  }
  const restTasks = async (user: TestUser) =>
    (await rest<{ items: RestTask[] }>(user, "GET", "/api/tasks?limit=100")).items;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    alice = await stack.signUp("Alice");
    bob = await stack.signUp("Bob");
    for (const name of ["Groceries", "Work"])
      listIds[name] = (await rest<{ id: number }>(alice, "POST", "/api/lists", { name })).id;
    await rest(bob, "POST", "/api/lists", { name: "Garage" });
    asAlice = await connect(alice);
    asBob = await connect(bob);
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await stack?.close();
  });

  it("add_task puts a task in a list named in any case; without list or with inbox, in none", async () => {
    const milk = structured<{ task_id: number }>(
      await call(asAlice, TOOL.addTask, { title: "Milk", list: "groceries" }),
    );
    const memo = structured<{ task_id: number }>(
      await call(asAlice, TOOL.addTask, { title: "Memo", list: " WORK " }),
    );
    const loose = structured<{ task_id: number }>(
      await call(asAlice, TOOL.addTask, { title: "Loose", list: "Inbox" }),
    );
    const plain = structured<{ task_id: number }>(await call(asAlice, TOOL.addTask, { title: "Plain" }));
    const byId = new Map((await restTasks(alice)).map((t) => [t.id, t.list_id]));
    expect(byId.get(milk.task_id)).toBe(listIds.Groceries);
    expect(byId.get(memo.task_id)).toBe(listIds.Work);
    expect(byId.get(loose.task_id)).toBeNull();
    expect(byId.get(plain.task_id)).toBeNull();
  });

  it("an unknown list is a tool error naming the lists there are, and nothing is written", async () => {
    const before = await restTasks(alice);
    const result = await call(asAlice, TOOL.addTask, { title: "Nails", list: "Hardware" });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toContain("Hardware");
    expect(text).toContain("Groceries");
    expect(text).toContain("Work");
    expect(text).not.toContain("Garage"); // Bob's list is never named to Alice
    const bulk = await call(asAlice, TOOL.addTasks, {
      tasks: [
        { title: "Fine", list: "Work" },
        { title: "Bad", list: "Garage" },
      ],
    });
    expect(bulk.isError).toBe(true);
    expect(textOf(bulk)).toMatch(/item 2/);
    expect(await restTasks(alice)).toEqual(before);
    // Bob has his own lists: Alice's names mean nothing to him.
    const bobs = await call(asBob, TOOL.addTask, { title: "Oil", list: "Groceries" });
    expect(bobs.isError).toBe(true);
    expect(textOf(bobs)).toContain("Garage");
    expect(textOf(bobs)).not.toContain("Work");
  });

  it("update_task and update_tasks move tasks between lists by name; inbox takes them out", async () => {
    const { task_id } = structured<{ task_id: number }>(
      await call(asAlice, TOOL.addTask, { title: "Report" }),
    );
    structured(await call(asAlice, TOOL.updateTask, { task_id, list: "Work" }));
    expect((await restTasks(alice)).find((t) => t.id === task_id)?.list_id).toBe(listIds.Work);
    structured(await call(asAlice, TOOL.updateTasks, { tasks: [{ task_id, list: "GROCERIES" }] }));
    expect((await restTasks(alice)).find((t) => t.id === task_id)?.list_id).toBe(listIds.Groceries);
    const unknown = await call(asAlice, TOOL.updateTask, { task_id, list: "Someday" });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain("Groceries");
    expect((await restTasks(alice)).find((t) => t.id === task_id)?.list_id).toBe(listIds.Groceries);
    structured(await call(asAlice, TOOL.updateTask, { task_id, list: "inbox" }));
    expect((await restTasks(alice)).find((t) => t.id === task_id)?.list_id).toBeNull();
  });

  it("list_tasks filters by list name or inbox, and each task carries its list's name", async () => {
    const { task_id } = structured<{ task_id: number }>(
      await call(asAlice, TOOL.addTask, { title: "Eggs", list: "Groceries" }),
    );
    const inGroceries = structured<{ tasks: ListedTask[] }>(
      await call(asAlice, TOOL.listTasks, { list: "groceries" }),
    ).tasks;
    expect(inGroceries.map((t) => t.title).sort()).toEqual(["Eggs", "Milk"]);
    expect(inGroceries.every((t) => t.list === "Groceries")).toBe(true);
    const inbox = structured<{ tasks: ListedTask[] }>(
      await call(asAlice, TOOL.listTasks, { list: "inbox" }),
    ).tasks;
    expect(inbox.length).toBeGreaterThan(0);
    expect(inbox.every((t) => t.list === null)).toBe(true);
    expect(inbox.map((t) => t.id)).not.toContain(task_id);
    const all = structured<{ tasks: ListedTask[] }>(await call(asAlice, TOOL.listTasks, {})).tasks;
    expect(all.find((t) => t.id === task_id)?.list).toBe("Groceries");
    const unknown = await call(asAlice, TOOL.listTasks, { list: "Nope" });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain("Work");
  });

  it("list_lists shows the user's own lists with their open counts", async () => {
    const groceries = (await restTasks(alice)).filter((t) => t.list_id === listIds.Groceries);
    const first = groceries[0];
    if (!first) throw new Error("no grocery task");
    await rest(alice, "PATCH", `/api/tasks/${first.id}`, { completed: true });
    const { lists } = structured<{ lists: { id: number; name: string; task_count: number }[] }>(
      await call(asAlice, TOOL.listLists, {}),
    );
    expect(lists.map((l) => l.name)).toEqual(["Groceries", "Work"]);
    expect(lists.find((l) => l.name === "Groceries")?.task_count).toBe(groceries.length - 1);
    const bobs = structured<{ lists: { name: string }[] }>(await call(asBob, TOOL.listLists, {}));
    expect(bobs.lists.map((l) => l.name)).toEqual(["Garage"]);
  });

  interface ListRow {
    id: number;
    name: string;
    task_count: number;
  }
  const restLists = async (user: TestUser) =>
    (await rest<{ items: ListRow[] }>(user, "GET", "/api/lists")).items;

  it("create_list makes an empty list; a taken name (any case), inbox, or an empty name is refused", async () => {
    const made = structured<ListRow>(await call(asAlice, TOOL.createList, { name: "  Health " }));
    expect(made).toMatchObject({ name: "Health", task_count: 0 });
    expect((await restLists(alice)).map((l) => l.name)).toContain("Health");
    const before = await restLists(alice);
    for (const name of ["health", "Inbox", " ", "x".repeat(61)]) {
      const refused = await call(asAlice, TOOL.createList, { name });
      expect(refused.isError, name).toBe(true);
    }
    expect(textOf(await call(asAlice, TOOL.createList, { name: "HEALTH" }))).toMatch(/already have a list/);
    expect(textOf(await call(asAlice, TOOL.createList, { name: "" }))).toMatch(/name/);
    expect(await restLists(alice)).toEqual(before);
    // The same name is free for Bob: names are per user.
    structured(await call(asBob, TOOL.createList, { name: "Health" }));
  });

  it("rename_list renames by current name and keeps its tasks; unknown, inbox, taken and Bob's are refused", async () => {
    const { task_id } = structured<{ task_id: number }>(
      await call(asAlice, TOOL.addTask, { title: "Dentist", list: "Health" }),
    );
    const renamed = structured<ListRow>(
      await call(asAlice, TOOL.renameList, { list: "health", name: "Wellbeing" }),
    );
    expect(renamed).toMatchObject({ name: "Wellbeing", task_count: 1 });
    const listed = structured<{ tasks: ListedTask[] }>(
      await call(asAlice, TOOL.listTasks, { list: "Wellbeing" }),
    );
    expect(listed.tasks.map((t) => t.id)).toEqual([task_id]);
    const before = await restLists(alice);
    const unknown = await call(asAlice, TOOL.renameList, { list: "Health", name: "Body" });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain("Wellbeing"); // names the lists there are
    const inbox = await call(asAlice, TOOL.renameList, { list: "Inbox", name: "Body" });
    expect(inbox.isError).toBe(true);
    expect(textOf(inbox)).toMatch(/Inbox/);
    const taken = await call(asAlice, TOOL.renameList, { list: "Wellbeing", name: "work" });
    expect(textOf(taken)).toMatch(/already have a list/);
    const garage = await call(asAlice, TOOL.renameList, { list: "Garage", name: "Mine" });
    expect(garage.isError).toBe(true);
    expect(textOf(garage)).not.toContain("Garage”,");
    expect(await restLists(alice)).toEqual(before);
    expect((await restLists(bob)).map((l) => l.name).sort()).toEqual(["Garage", "Health"]);
  });

  it("delete_list deletes by name and moves its tasks to the Inbox; unknown, inbox and Bob's change nothing", async () => {
    const dentist = (await restTasks(alice)).find((t) => t.title === "Dentist");
    if (!dentist) throw new Error("no Dentist task");
    for (const list of ["Nope", "inbox", "Garage"]) {
      const refused = await call(asAlice, TOOL.deleteList, { list });
      expect(refused.isError, list).toBe(true);
    }
    expect((await restLists(alice)).map((l) => l.name)).toContain("Wellbeing");
    const deleted = structured<{ id: number; name: string; open_tasks_moved: number }>(
      await call(asAlice, TOOL.deleteList, { list: "WELLBEING" }),
    );
    expect(deleted).toMatchObject({ name: "Wellbeing", open_tasks_moved: 1 });
    expect((await restLists(alice)).map((l) => l.name)).not.toContain("Wellbeing");
    expect((await restTasks(alice)).find((t) => t.id === dentist.id)?.list_id).toBeNull();
    expect((await restLists(bob)).map((l) => l.name).sort()).toEqual(["Garage", "Health"]);
  });
});

// Lists through the real chat endpoint with the built-in offline assistant (issue #12): "add milk to
// Groceries" lands in the list, "what's in Groceries?" lists it, "move the milk task to Inbox" takes it
// out, "undo" puts it back, "add eggs, butter and bread to Groceries" puts all three there, and a list
// the user does not have is asked about with nothing written. The api, the mcp service and the database
// are real; the board is read back through REST.
import type { List, ListList, TaskList } from "@taskflow/contracts";
import { engines } from "@taskflow/testing/databases";
import { client, type HttpResult } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatTurn, chatClient } from "./chat-helpers";

type Api = ReturnType<typeof client>;

describe.each(engines)("chat and lists, offline assistant, on %s", (engine) => {
  let stack: TestStack;
  let alice: Api;
  let bob: Api;
  let chat: ReturnType<typeof chatClient>;
  let conversation: number | undefined;
  let groceries: number;

  async function ok<T>(result: Promise<HttpResult<T>>): Promise<T> {
    const { status, text, body } = await result;
    expect(status, text).toBeLessThan(300);
    return body;
  }
  const tasks = async (api = alice) => (await ok(api.get<TaskList>("/api/tasks?limit=100"))).items;
  const lists = async (api = alice) => (await ok(api.get<ListList>("/api/lists"))).items;

  /** One turn in the suite's conversation (the history is what follow-ups and undo read). */
  async function say(message: string): Promise<ChatTurn> {
    const { status, body } = await chat.send({
      message,
      ...(conversation === undefined ? {} : { conversation_id: conversation }),
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const turn = body as ChatTurn;
    conversation = turn.conversation_id;
    return turn;
  }

  beforeAll(async () => {
    stack = await startTestStack(engine);
    const aliceUser = await stack.signUp("Alice");
    alice = client(stack.apiUrl, aliceUser.headers);
    bob = client(stack.apiUrl, (await stack.signUp("Bob")).headers);
    chat = chatClient(stack, aliceUser);
    groceries = (await ok(alice.post<List>("/api/lists", { json: { name: "Groceries" } }))).id;
    // Bob's list of the same kind must never be Alice's.
    await ok(bob.post("/api/lists", { json: { name: "Bakery" } }));
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("“add milk to Groceries” adds the task in the list", async () => {
    const turn = await say("add milk to Groceries");
    // The lists the parser read (list_lists) are a lookup, not a change: only the add is recorded.
    expect(turn.tool_calls.map((c) => [c.tool, c.arguments])).toEqual([
      ["add_task", { title: "milk", list: "Groceries" }],
    ]);
    expect(turn.response).toMatch(/^Added ‘milk’ to “Groceries”/);
    const milk = (await tasks()).find((t) => t.title === "milk");
    expect(milk?.list_id).toBe(groceries);
  });

  it("“what's in Groceries?” lists the list's open tasks", async () => {
    await ok(alice.post("/api/tasks", { json: { title: "Loose end" } })); // in the Inbox: not shown
    const turn = await say("what's in Groceries?");
    const listing = turn.tool_calls.find((c) => c.tool === "list_tasks");
    expect(listing?.arguments).toEqual({ list: "Groceries", status: "pending" });
    expect(turn.response).toMatch(/^Groceries: 1 task to do:\n#\d+ \[ \] milk$/);
  });

  it("“move the milk task to Inbox” takes it out of the list; “undo” puts it back", async () => {
    const milk = (await tasks()).find((t) => t.title === "milk");
    if (!milk) throw new Error("no milk task");
    const moved = await say("move the milk task to Inbox");
    expect(moved.tool_calls.at(-1)).toMatchObject({
      tool: "update_task",
      arguments: { task_id: milk.id, list: "inbox" },
    });
    expect(moved.response).toMatch(/moved it to the Inbox/);
    expect((await tasks()).find((t) => t.id === milk.id)?.list_id).toBeNull();
    expect((await lists()).find((l) => l.name === "Groceries")?.task_count).toBe(0);

    const undone = await say("undo");
    expect(undone.response).toMatch(/^Undone\./);
    expect((await tasks()).find((t) => t.id === milk.id)?.list_id).toBe(groceries);
  });

  it("“add eggs, butter and bread to Groceries” puts all three in the list; “undo” takes all three back", async () => {
    const turn = await say("add eggs, butter and bread to Groceries");
    expect(turn.tool_calls.map((c) => [c.tool, c.arguments])).toEqual(
      ["eggs", "butter", "bread"].map((title) => ["add_task", { title, list: "Groceries" }]),
    );
    const added = (await tasks()).filter((t) => ["eggs", "butter", "bread"].includes(t.title));
    expect(added.map((t) => t.list_id)).toEqual([groceries, groceries, groceries]);
    expect((await lists()).find((l) => l.name === "Groceries")?.task_count).toBe(4);

    const undone = await say("undo");
    expect(undone.response).toMatch(/^Undone\./);
    expect((await tasks()).filter((t) => ["eggs", "butter", "bread"].includes(t.title))).toEqual([]);
    expect((await lists()).find((l) => l.name === "Groceries")?.task_count).toBe(1);
  });

  it("a list the user does not have is asked about, and nothing is written", async () => {
    const before = { tasks: await tasks(), lists: await lists() };
    // Bakery is Bob's list: to Alice it does not exist.
    const asked = await say("add bread to my Bakery list");
    expect(asked.response).toMatch(
      /^You have no list called “Bakery”\. Create it, or add ‘bread’ to the Inbox\?/,
    );
    expect(asked.tool_calls).toEqual([]);
    expect(await tasks()).toEqual(before.tasks);
    expect(await lists()).toEqual(before.lists);

    // "inbox" answers it: the task is added with no list, and still no list is made.
    const inbox = await say("inbox");
    expect(inbox.tool_calls.at(-1)).toMatchObject({ tool: "add_task", arguments: { title: "bread" } });
    const bread = (await tasks()).find((t) => t.title === "bread");
    expect(bread?.list_id).toBeNull();
    expect((await lists()).map((l) => l.name)).toEqual(["Groceries"]);
  });

  it("creates a list when asked, and “undo” deletes it again", async () => {
    const made = await say("create a list called Health");
    expect(made.response).toMatch(/^Created the list “Health”/);
    expect((await lists()).map((l) => l.name)).toEqual(["Groceries", "Health"]);
    await say("undo");
    expect((await lists()).map((l) => l.name)).toEqual(["Groceries"]);
  });

  it("deleting a list asks first; “yes” deletes it and its tasks move to the Inbox", async () => {
    await say("add bananas to groceries");
    const asked = await say("delete the Groceries list");
    expect(asked.response).toMatch(/move to the Inbox.*Reply “yes, delete the Groceries list” to confirm\.$/);
    expect((await lists()).map((l) => l.name)).toEqual(["Groceries"]);
    const done = await say("yes");
    expect(done.tool_calls.at(-1)).toMatchObject({ tool: "delete_list", arguments: { list: "Groceries" } });
    expect(done.response).toMatch(/Deleted the list “Groceries”\. Its 2 open tasks are in the Inbox now\./);
    expect(await lists()).toEqual([]);
    const kept = (await tasks()).filter((t) => ["milk", "bananas"].includes(t.title));
    expect(kept.map((t) => t.list_id)).toEqual([null, null]);
    // Bob's list was never touched.
    expect((await lists(bob)).map((l) => l.name)).toEqual(["Bakery"]);
  });
});

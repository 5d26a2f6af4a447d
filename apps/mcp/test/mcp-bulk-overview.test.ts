// The tools that do real work, over real HTTP with the official SDK client (which checks every
// structured result against the tool's declared outputSchema): bulk calls all or nothing, the overview
// in the user's time zone, the taskflow://today resource, the plan-my-day prompt, unknown arguments
// refused, errors that suggest the task meant, and one user's tasks invisible to another.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { MAX_BULK_ITEMS, PROMPT, RESOURCE, TOOL } from "@taskflow/contracts/mcp-tools";
import { engines } from "@taskflow/testing/databases";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callTool as call, connectAs, restCreateTask, textOf } from "./mcp-client";

interface RestTask {
  id: number;
  title: string;
  completed: boolean;
  completed_at: string | null;
  priority: string;
  tags: string[];
  due_at: string | null;
  description: string;
}
interface Overview {
  time_zone: string;
  today: string;
  now: string;
  counts: Record<string, number>;
  overdue: { id: number; title: string; due_at: string | null }[];
  due_today: { id: number; title: string; due_at: string | null }[];
  next_up: { id: number; title: string; due_at: string | null }[];
}
interface BulkResult {
  count: number;
  results: { task_id: number; status: string; title: string }[];
}

/** The calendar day of `at` in `zone`, YYYY-MM-DD (en-CA formats dates that way). */
const dayIn = (zone: string, at = new Date()) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(engines)("MCP bulk tools, overview, resource and prompt on %s", (engine) => {
  let stack: TestStack;
  let alice: TestUser;
  let bob: TestUser;
  let asAlice: Client;
  let asBob: Client;
  const clients: Client[] = [];

  async function connect(user: TestUser): Promise<Client> {
    const client = await connectAs(stack, user, "bulk test");
    clients.push(client);
    return client;
  }

  async function restList(user: TestUser, query: string): Promise<RestTask[]> {
    const response = await fetch(`${stack.apiUrl}/api/tasks?limit=100&${query}`, { headers: user.headers });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: RestTask[] }).items;
  }
  const restCreate = (user: TestUser, body: Record<string, unknown>) =>
    restCreateTask<RestTask>(stack, user, body);
  async function setZone(user: TestUser, timeZone: string) {
    const response = await fetch(`${stack.apiUrl}/api/me`, {
      method: "PATCH",
      headers: { ...user.headers, "content-type": "application/json" },
      body: JSON.stringify({ time_zone: timeZone }),
    });
    expect(response.status).toBe(200);
  }

  beforeAll(async () => {
    stack = await startTestStack(engine);
    alice = await stack.signUp("Alice");
    bob = await stack.signUp("Bob");
    asAlice = await connect(alice);
    asBob = await connect(bob);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close().catch(() => {})));
    await stack?.close();
  });

  describe("add_tasks", () => {
    it("creates every task, in order, with one result per item", async () => {
      const result = await call(asAlice, TOOL.addTasks, {
        tasks: [
          { title: "Bulk one", tags: ["bulk-ok"] },
          { title: "Bulk two", tags: ["bulk-ok"], priority: "high", due: "2027-04-01" },
          { title: "  Bulk three ", tags: ["bulk-ok"], description: "notes" },
        ],
      });
      expect(result.isError, textOf(result)).toBeFalsy();
      const structured = result.structuredContent as unknown as BulkResult;
      expect(structured.count).toBe(3);
      expect(structured.results.map((r) => [r.status, r.title])).toEqual([
        ["created", "Bulk one"],
        ["created", "Bulk two"],
        ["created", "Bulk three"],
      ]);
      expect(JSON.parse(textOf(result))).toEqual(structured);
      const stored = await restList(alice, "tag=bulk-ok&sort=created");
      expect(stored.map((t) => t.id)).toEqual(structured.results.map((r) => r.task_id));
      expect(stored[1]).toMatchObject({ priority: "high", due_at: "2027-04-01" });
      expect(stored[2]).toMatchObject({ title: "Bulk three", description: "notes" });
    });

    it("a bad third item creates nothing, and the error names item 3 and its field", async () => {
      for (const bad of [
        { title: "   " },
        { title: "Bad day", due: "2027-02-30" },
        { title: "x".repeat(201) },
      ]) {
        const result = await call(asAlice, TOOL.addTasks, {
          tasks: [
            { title: "Never one", tags: ["bulk-bad"] },
            { title: "Never two", tags: ["bulk-bad"] },
            { ...bad, tags: ["bulk-bad"] },
            { title: "Never four", tags: ["bulk-bad"] },
          ],
        });
        expect(result.isError, JSON.stringify(bad)).toBe(true);
        expect(textOf(result)).toMatch(/^Nothing was changed: item 3 \(tasks\[2\]\): (title|due) /);
        expect(result.structuredContent).toBeUndefined();
      }
      expect(await restList(alice, "tag=bulk-bad")).toEqual([]);
    });

    it("reports every bad item at once", async () => {
      const result = await call(asAlice, TOOL.addTasks, {
        tasks: [{ title: "" }, { title: "Fine", tags: ["bulk-many"] }, { title: "ok", due: "2027-02-30" }],
      });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/item 1 \(tasks\[0\]\): title .*; item 3 \(tasks\[2\]\): due/);
      expect(await restList(alice, "tag=bulk-many")).toEqual([]);
    });

    it(`refuses an empty batch and more than ${MAX_BULK_ITEMS} items`, async () => {
      const tooMany = Array.from({ length: MAX_BULK_ITEMS + 1 }, (_, i) => ({
        title: `n${i}`,
        tags: ["bulk-max"],
      }));
      const over = await call(asAlice, TOOL.addTasks, { tasks: tooMany });
      expect(over.isError).toBe(true);
      expect(textOf(over)).toMatch(new RegExp(`at most ${MAX_BULK_ITEMS}`));
      const empty = await call(asAlice, TOOL.addTasks, { tasks: [] });
      expect(empty.isError).toBe(true);
      expect(textOf(empty)).toMatch(/at least one/);
      expect(await restList(alice, "tag=bulk-max")).toEqual([]);
    });
  });

  describe("complete_tasks and update_tasks", () => {
    it("complete_tasks completes each task, one result per item", async () => {
      const a = await restCreate(alice, { title: "Done A", tags: ["bulk-done"] });
      const b = await restCreate(alice, { title: "Done B", tags: ["bulk-done"] });
      const result = await call(asAlice, TOOL.completeTasks, { task_ids: [b.id, a.id] });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(result.structuredContent).toEqual({
        count: 2,
        results: [
          { task_id: b.id, status: "completed", title: "Done B" },
          { task_id: a.id, status: "completed", title: "Done A" },
        ],
      });
      expect((await restList(alice, "tag=bulk-done")).map((t) => t.completed)).toEqual([true, true]);
    });

    it("another user's task in the batch: nothing is completed, the error names the item, and suggests the caller's own tasks", async () => {
      const mine = await restCreate(alice, { title: "Mine to finish", tags: ["bulk-iso"] });
      const bobs = await restCreate(bob, { title: "Bob's private errand", tags: ["bulk-iso"] });
      const result = await call(asAlice, TOOL.completeTasks, { task_ids: [mine.id, bobs.id] });
      expect(result.isError).toBe(true);
      const text = textOf(result);
      expect(text).toMatch(
        new RegExp(`^Nothing was changed: item 2: Task ${bobs.id} not found\\. Most recent open tasks: `),
      );
      expect(text).toContain(`${mine.id} “Mine to finish”`);
      expect(text).not.toContain("Bob's private errand");
      expect((await restList(alice, "tag=bulk-iso"))[0]?.completed).toBe(false);
      expect((await restList(bob, "tag=bulk-iso"))[0]?.completed).toBe(false);
    });

    it("update_tasks changes each task as asked, all or nothing", async () => {
      const a = await restCreate(alice, { title: "Up A", tags: ["bulk-up"], due_at: "2027-01-01" });
      const b = await restCreate(alice, { title: "Up B", tags: ["bulk-up"] });
      const refused = await call(asAlice, TOOL.updateTasks, {
        tasks: [
          { task_id: a.id, title: "Up A renamed" },
          { task_id: b.id, due: "not a date" },
        ],
      });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/^Nothing was changed: item 2 \(tasks\[1\]\): due /);
      const missing = await call(asAlice, TOOL.updateTasks, {
        tasks: [
          { task_id: a.id, title: "Up A renamed" },
          { task_id: 2_000_000_000, completed: true },
        ],
      });
      expect(textOf(missing)).toMatch(/^Nothing was changed: item 2: Task 2000000000 not found/);
      const twice = await call(asAlice, TOOL.updateTasks, {
        tasks: [
          { task_id: a.id, title: "x" },
          { task_id: a.id, title: "y" },
        ],
      });
      expect(textOf(twice)).toMatch(/item 2: task_id repeats task/);
      const nothing = await call(asAlice, TOOL.updateTasks, { tasks: [{ task_id: a.id }] });
      expect(textOf(nothing)).toBe(
        "Nothing was changed: item 1 (tasks[0]): give at least one field to change",
      );
      expect((await restList(alice, "tag=bulk-up&sort=created")).map((t) => t.title)).toEqual([
        "Up A",
        "Up B",
      ]);

      const done = await call(asAlice, TOOL.updateTasks, {
        tasks: [
          { task_id: a.id, title: "Up A renamed", due: null },
          { task_id: b.id, priority: "low", tags: ["bulk-up", "later"], completed: true },
        ],
      });
      expect(done.structuredContent).toEqual({
        count: 2,
        results: [
          { task_id: a.id, status: "updated", title: "Up A renamed" },
          { task_id: b.id, status: "updated", title: "Up B" },
        ],
      });
      const stored = await restList(alice, "tag=bulk-up&sort=created");
      expect(stored.map((t) => [t.title, t.due_at, t.priority, t.completed])).toEqual([
        ["Up A renamed", null, "none", false],
        ["Up B", null, "low", true],
      ]);
    });
  });

  describe("unknown arguments", () => {
    it("are refused with a message naming them, and nothing is written", async () => {
      const cases: [string, Record<string, unknown>, RegExp][] = [
        [TOOL.addTask, { title: "Unknown arg colour", colour: "red" }, /'colour'/],
        [
          TOOL.addTask,
          { title: "Unknown arg due_at", due_at: "2027-01-01" },
          /'due_at'.*allowed are .*\bdue\b/,
        ],
        [TOOL.listTasks, { statuss: "pending" }, /'statuss'/],
        [TOOL.updateTask, { task_id: 1, name: "x", notes: "y" }, /Unknown arguments 'name', 'notes'/],
        [TOOL.addTasks, { tasks: [{ title: "Unknown arg nested", when: "today" }] }, /'when'.*tasks\[0\]/],
        [TOOL.completeTasks, { task_ids: [1], force: true }, /'force'/],
        [TOOL.getOverview, { verbose: true }, /'verbose'/],
      ];
      for (const [tool, args, message] of cases) {
        const result = await call(asAlice, tool, args);
        expect(result.isError, tool).toBe(true);
        expect(textOf(result), tool).toMatch(message);
      }
      expect(await restList(alice, "q=Unknown arg")).toEqual([]);
    });
  });

  describe("errors that suggest the task meant", () => {
    it("an unknown task id names the user's recent open tasks; restore_task names the trash", async () => {
      const carol = await stack.signUp("Carol");
      const asCarol = await connect(carol);
      const empty = await call(asCarol, TOOL.completeTask, { task_id: 987654 });
      expect(textOf(empty)).toBe("Task 987654 not found. There are no open tasks.");
      const milk = await restCreate(carol, { title: "Buy milk" });
      const call_ = await restCreate(carol, { title: "Call the bank about the mortgage renewal letter" });
      const result = await call(asCarol, TOOL.completeTask, { task_id: 987654 });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toBe(
        `Task 987654 not found. Most recent open tasks: ${call_.id} “Call the bank about the mortgage renewa…”, ${milk.id} “Buy milk” (list_tasks finds others).`,
      );
      await call(asCarol, TOOL.deleteTask, { task_id: milk.id });
      const restore = await call(asCarol, TOOL.restoreTask, { task_id: 987654 });
      expect(textOf(restore)).toMatch(new RegExp(`Most recent tasks in the trash: ${milk.id} “Buy milk”`));
    });
  });

  describe("get_overview", () => {
    it("counts and lists in each user's zone: Kiritimati (UTC+14) and Los Angeles see the same days differently", async () => {
      const [la, ki] = [await stack.signUp("LA"), await stack.signUp("KI")];
      await setZone(la, "America/Los_Angeles");
      await setZone(ki, "Pacific/Kiritimati");
      const laToday = dayIn("America/Los_Angeles");
      const days = [-1, 0, 1, 2].map((offset) => addDays(laToday, offset));
      const pastInstant = new Date(Date.now() - 3_600_000).toISOString();
      const completedBetween = new Map<TestUser, [Date, Date]>();
      const futureInstant = new Date(Date.now() + 40 * 86_400_000).toISOString();
      for (const user of [la, ki]) {
        for (const day of days) await restCreate(user, { title: `Day ${day}`, due_at: day });
        await restCreate(user, { title: "An hour ago", due_at: pastInstant });
        await restCreate(user, { title: "In 40 days", due_at: futureInstant });
        await restCreate(user, { title: "Undated" });
        const done = await restCreate(user, { title: "Finished" });
        const before = new Date();
        await fetch(`${stack.apiUrl}/api/tasks/${done.id}/complete`, {
          method: "PATCH",
          headers: user.headers,
        });
        completedBetween.set(user, [before, new Date()]);
        const trashed = await restCreate(user, { title: "Trashed", due_at: days[0] });
        await fetch(`${stack.apiUrl}/api/tasks/${trashed.id}`, { method: "DELETE", headers: user.headers });
      }
      for (const [user, zone] of [
        [la, "America/Los_Angeles"],
        [ki, "Pacific/Kiritimati"],
      ] as const) {
        const client = await connect(user);
        // Read "today" around the call: if the zone's midnight passed during it, ask again.
        let overview: Overview;
        let today: string;
        do {
          today = dayIn(zone);
          overview = (await call(client, TOOL.getOverview, {})).structuredContent as unknown as Overview;
        } while (dayIn(zone) !== today);
        const before = days.filter((day) => day < today).map((day) => `Day ${day}`);
        const on = days.filter((day) => day === today).map((day) => `Day ${day}`);
        const after = days.filter((day) => day > today).map((day) => `Day ${day}`);
        expect(overview.time_zone).toBe(zone);
        expect(overview.today).toBe(today);
        // Completed just now: today, unless the zone's midnight passed since (then it was yesterday).
        const [from, to] = completedBetween.get(user) ?? [new Date(), new Date()];
        const completedToday = [dayIn(zone, from), dayIn(zone, to)].includes(today) ? 1 : 0;
        expect(overview.counts).toEqual({
          open: 7,
          completed: 1,
          completed_today: completedToday,
          overdue: before.length + 1,
          due_today: on.length,
          in_trash: 1,
        });
        // Most overdue first: the earlier days, then the instant an hour ago (unless a day ends later).
        expect(overview.overdue.map((t) => t.title).sort()).toEqual([...before, "An hour ago"].sort());
        expect(overview.due_today.map((t) => t.title)).toEqual(on);
        expect(overview.next_up.map((t) => t.title)).toEqual([...after, "In 40 days"]);
      }
      // Whatever the hour, Kiritimati's day is Los Angeles' or the next: never earlier.
      expect(dayIn("Pacific/Kiritimati") >= dayIn("America/Los_Angeles")).toBe(true);
    });

    it("shows only the caller's own tasks", async () => {
      const dana = await stack.signUp("Dana");
      await restCreate(dana, { title: "Dana's overdue secret", due_at: "2020-01-01" });
      const asDana = await connect(dana);
      const overview = (await call(asDana, TOOL.getOverview, {})).structuredContent as unknown as Overview;
      expect(overview.counts).toMatchObject({ open: 1, overdue: 1, completed: 0, in_trash: 0 });
      expect(overview.overdue.map((t) => t.title)).toEqual(["Dana's overdue secret"]);
      const bobs = (await call(asBob, TOOL.getOverview, {})).structuredContent as unknown as Overview;
      expect(JSON.stringify(bobs)).not.toContain("Dana's overdue secret");
    });
  });

  describe("the taskflow://today resource and the plan-my-day prompt", () => {
    let erin: TestUser;
    let asErin: Client;
    beforeAll(async () => {
      erin = await stack.signUp("Erin");
      await setZone(erin, "Europe/Paris");
      asErin = await connect(erin);
      await restCreate(erin, { title: "Erin overdue", due_at: "2021-06-01" });
      await restCreate(erin, { title: "Erin today", due_at: dayIn("Europe/Paris") });
      await restCreate(erin, { title: "Erin someday", due_at: "2099-01-01" });
      await restCreate(bob, { title: "Bob overdue", due_at: "2021-06-01" });
    });

    it("lists and reads the resource, scoped to the token's user", async () => {
      const { resources } = await asErin.listResources();
      expect(resources).toContainEqual(
        expect.objectContaining({
          uri: RESOURCE.today,
          name: "today",
          title: "Today",
          mimeType: "application/json",
        }),
      );
      const read = await asErin.readResource({ uri: RESOURCE.today });
      expect(read.contents).toHaveLength(1);
      const content = read.contents[0] as { uri: string; mimeType: string; text: string };
      expect(content).toMatchObject({ uri: RESOURCE.today, mimeType: "application/json" });
      const today = JSON.parse(content.text) as Omit<Overview, "next_up">;
      expect(today.time_zone).toBe("Europe/Paris");
      expect(today.overdue.map((t) => t.title)).toEqual(["Erin overdue"]);
      expect(today.due_today.map((t) => t.title)).toEqual(["Erin today"]);
      expect(today.counts).toMatchObject({ open: 3, overdue: 1, due_today: 1 });
      expect(content.text).not.toMatch(/Bob overdue|Erin someday/);
      const asBobRead = await asBob.readResource({ uri: RESOURCE.today });
      const bobText = (asBobRead.contents[0] as { text: string }).text;
      expect(bobText).toContain("Bob overdue");
      expect(bobText).not.toContain("Erin");
    });

    it("gets the plan-my-day prompt with the user's day embedded", async () => {
      const { prompts } = await asErin.listPrompts();
      const prompt = prompts.find((p) => p.name === PROMPT.planMyDay);
      expect(prompt).toMatchObject({
        title: "Plan my day",
        arguments: [expect.objectContaining({ name: "focus", required: false })],
      });
      const got = await asErin.getPrompt({ name: PROMPT.planMyDay, arguments: { focus: "the garden" } });
      expect(got.messages).toHaveLength(2);
      const [instructions, day] = got.messages;
      expect(instructions?.role).toBe("user");
      expect(instructions?.content).toMatchObject({
        type: "text",
        text: expect.stringContaining("My focus today: the garden."),
      });
      expect(day?.content).toMatchObject({
        type: "resource",
        resource: { uri: RESOURCE.today, mimeType: "application/json" },
      });
      const embedded = JSON.parse(
        (day?.content as { resource?: { text?: string } } | undefined)?.resource?.text ?? "{}",
      ) as Overview;
      expect(embedded.overdue.map((t) => t.title)).toEqual(["Erin overdue"]);
      expect(embedded.due_today.map((t) => t.title)).toEqual(["Erin today"]);
      const plain = await asErin.getPrompt({ name: PROMPT.planMyDay });
      expect((plain.messages[0]?.content as { text?: string } | undefined)?.text).not.toContain(
        "My focus today",
      );
    });
  });
});

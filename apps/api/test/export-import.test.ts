// Export and import (contract "Export and import", docs/export-import.md): GET /api/export as JSON and
// CSV, POST /api/import of that JSON (one transaction; a bad file changes nothing), its dry run, and
// isolation between users. The Todoist CSV import is in export-import-todoist.test.ts.
import {
  EXPORT_CSV_COLUMNS,
  type ExportFile,
  exportFileSchema,
  type ImportPreview,
  type ImportResult,
  type List,
  type ListList,
  type TaskList,
} from "@taskflow/contracts";
import { engines } from "@taskflow/testing/databases";
import { client, expectProblem } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { dayFromToday } from "@taskflow/testing/zoned-clock";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, createList, createTask } from "./board-helpers";

const ZONE = "America/New_York";

describe.each(engines)("export and import on %s", (engine) => {
  let stack: TestStack;
  let alice: Api;
  let bob: Api;
  let bobWork: List;

  let aliceHeaders: Record<string, string>;
  const signUp = async (name: string, zone?: string) => {
    const { headers } = await stack.signUp(name);
    if (name === "Alice") aliceHeaders = headers;
    const api = client(stack.apiUrl, headers);
    if (zone) expect((await api.patch("/api/me", { json: { time_zone: zone } })).status).toBe(200);
    return api;
  };
  /** The board as a user sees it: every task (default order) and every list, by name. */
  const board = async (api: Api) => {
    const lists = await api.get<ListList>("/api/lists");
    const tasks = await api.get<TaskList>("/api/tasks?limit=100");
    expect(lists.status, lists.text).toBe(200);
    expect(tasks.status, tasks.text).toBe(200);
    const names = new Map(lists.body.items.map((list) => [list.id, list.name]));
    return {
      lists: lists.body.items.map(({ name, task_count }) => ({ name, task_count })),
      tasks: tasks.body.items.map(({ id: _id, updated_at: _updated, list_id, ...task }) => ({
        ...task,
        list: list_id === null ? null : names.get(list_id),
      })),
    };
  };
  const exportJson = async (api: Api) => {
    const res = await api.get<ExportFile>("/api/export");
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  const importFile = (api: Api, file: unknown, query = "") =>
    api.post<ImportResult & ImportPreview>(`/api/import${query}`, { json: file });

  beforeAll(async () => {
    stack = await startTestStack(engine, { env: { IMPORT_RATE_LIMIT: "100000" } });
    alice = await signUp("Alice", ZONE);
    bob = await signUp("Bob");
    const work = await createList(alice, "Work");
    const home = await createList(alice, "Home");
    await createList(alice, "Someday");
    await createTask(alice, {
      title: "Write report",
      description: 'Q4, "final"\nsecond line',
      priority: "high",
      tags: ["work", "q4"],
      due_at: "2026-12-02",
      list_id: work.id,
    });
    await createTask(alice, {
      title: '=HYPERLINK("http://evil.example","click")',
      due_at: "2026-12-03T09:30",
      remind_at: "2030-12-03T09:00",
      list_id: home.id,
    });
    const plants = await createTask(alice, {
      title: "Water plants",
      recurrence: "every saturday",
      list_id: home.id,
    });
    // Done twice: a repeating task stays open, on its next date, and counts its completions.
    for (let i = 0; i < 2; i++)
      expect((await alice.patch(`/api/tasks/${plants.id}`, { json: { completed: true } })).status).toBe(200);
    const done = await createTask(alice, { title: "-5 apples", priority: "low" });
    expect((await alice.patch(`/api/tasks/${done.id}`, { json: { completed: true } })).status).toBe(200);
    await createTask(alice, { title: "@mention someone", description: "\tindented" });
    const trashed = await createTask(alice, { title: "Thrown away", list_id: work.id });
    expect((await alice.delete(`/api/tasks/${trashed.id}`)).status).toBe(204);

    bobWork = await createList(bob, "Bob's secret list");
    await createTask(bob, { title: "Bob's secret task", list_id: bobWork.id });
  });
  afterAll(() => stack?.close());

  it("exports every list and every task not in the trash, as a dated JSON attachment that reads as the file", async () => {
    const res = await alice.get<ExportFile>("/api/export");
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="taskflow-export-${dayFromToday(ZONE, 0)}.json"`,
    );
    const file = exportFileSchema.parse(res.body);
    expect(file).toMatchObject({ version: 1, time_zone: ZONE });
    expect(file.lists.map((list) => list.name).sort()).toEqual(["Home", "Someday", "Work"]);
    expect(file.tasks.map((task) => task.title)).toEqual([
      "Write report",
      '=HYPERLINK("http://evil.example","click")',
      "Water plants",
      "-5 apples",
      "@mention someone",
    ]);
    const report = file.tasks[0];
    const work = file.lists.find((list) => list.name === "Work");
    expect(report).toEqual({
      title: "Write report",
      description: 'Q4, "final"\nsecond line',
      priority: "high",
      tags: ["work", "q4"],
      due: "2026-12-02",
      completed: false,
      completed_at: null,
      completed_count: 0,
      created_at: expect.any(String),
      recurrence: null,
      remind_at: null,
      list_id: work?.id,
    });
    // A wall time was read in the user's zone and is written as the instant it names.
    expect(file.tasks[1]?.due).toBe("2026-12-03T14:30:00.000Z");
    expect(file.tasks[2]).toMatchObject({
      recurrence: "FREQ=WEEKLY;BYDAY=SA",
      completed: false,
      completed_count: 2,
    });
    expect(file.tasks[3]).toMatchObject({ completed: true, completed_at: expect.any(String), list_id: null });
  });

  it("export → import into a new user gives that user the same board (lists, counts, every task field)", async () => {
    const file = await exportJson(alice);
    const carol = await signUp("Carol");
    const res = await importFile(carol, file);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({ imported: { lists: 3, tasks: 5 } });
    expect(await board(carol)).toEqual(await board(alice));
    // And the imported board exports to the same file, ids aside.
    const again = await exportJson(carol);
    const withoutIds = (f: ExportFile) => {
      const names = new Map(f.lists.map((list) => [list.id, list.name]));
      return f.tasks.map(({ list_id, ...task }) => ({ ...task, list: list_id ? names.get(list_id) : null }));
    };
    expect(withoutIds(again)).toEqual(withoutIds(file));
  });

  it("matches lists by name whatever the case and creates only the missing ones; file ids are never database ids", async () => {
    const dave = await signUp("Dave");
    const mine = await createList(dave, "work");
    const file: ExportFile = {
      version: 1,
      // Bob's real list id, used as a file id: it only links the task to this entry of the file.
      lists: [
        { id: bobWork.id, name: "WORK" },
        { id: 2, name: "Garden" },
      ],
      tasks: [
        { title: "In work", list_id: bobWork.id },
        { title: "In garden", list_id: 2 },
        { title: "In the inbox" },
      ],
    };
    const preview = await importFile(dave, file, "?dry_run=true");
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.preview).toEqual({
      lists: { create: ["Garden"], existing: ["work"] },
      tasks: 3,
      completed: 0,
      sample: ["In work", "In garden", "In the inbox"],
      warnings: [],
    });
    const res = await importFile(dave, file);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({ imported: { lists: 1, tasks: 3 } });
    const lists = (await dave.get<ListList>("/api/lists")).body.items;
    expect(lists.map((list) => list.name)).toEqual(["Garden", "work"]);
    const tasks = (await dave.get<TaskList>("/api/tasks?limit=100")).body.items;
    const garden = lists.find((list) => list.name === "Garden");
    expect(Object.fromEntries(tasks.map((task) => [task.title, task.list_id]))).toEqual({
      "In work": mine.id,
      "In garden": garden?.id,
      "In the inbox": null,
    });
    // Bob's list and tasks are untouched.
    expect((await bob.get<TaskList>(`/api/tasks?list=${bobWork.id}`)).body.items.map((t) => t.title)).toEqual(
      ["Bob's secret task"],
    );
  });

  it("a dry run previews and writes nothing", async () => {
    const file = await exportJson(alice);
    const erin = await signUp("Erin");
    const before = await board(erin);
    const res = await importFile(erin, file, "?dry_run=true");
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      preview: {
        lists: { create: ["Home", "Someday", "Work"], existing: [] },
        tasks: 5,
        completed: 1,
        sample: [
          "Write report",
          '=HYPERLINK("http://evil.example","click")',
          "Water plants",
          "-5 apples",
          "@mention someone",
        ],
        warnings: [],
      },
    });
    expect(await board(erin)).toEqual(before);
    expect(before).toEqual({ lists: [], tasks: [] });
  });

  it("a broken file changes nothing: a bad item in the middle, a dangling list, wrong version, not JSON, too big, too many", async () => {
    const file = await exportJson(alice);
    const frank = await signUp("Frank");
    await createTask(frank, { title: "Already here" });
    const before = await board(frank);
    const tasks = file.tasks.map((task, index) => (index === 3 ? { ...task, priority: "urgent" } : task));

    const badItem = await importFile(frank, { ...file, tasks });
    const problem = expectProblem(badItem, 400, ["tasks[3].priority"]);
    expect(problem.detail).toMatch(/^tasks\[3\]\.priority .*Nothing was imported\.$/);

    const several = await importFile(frank, {
      ...file,
      tasks: [
        { title: "ok" },
        { title: "", tags: ["no spaces allowed"] },
        { title: "x", due: "2026-02-30", remind_at: "2026-12-01", list_id: 999, colour: "red" },
      ],
    });
    expectProblem(several, 400, ["tasks[1].title", "tasks[1].tags[0]", "tasks[2].due", "tasks[2].colour"]);
    const dangling = await importFile(frank, {
      version: 1,
      lists: [],
      tasks: [{ title: "x", list_id: 999 }],
    });
    expectProblem(dangling, 400, ["tasks[0].list_id"]);
    const reminderDay = await importFile(frank, {
      version: 1,
      lists: [],
      tasks: [{ title: "x", remind_at: "2026-12-01" }],
    });
    expectProblem(reminderDay, 400, ["tasks[0].remind_at"]);
    const badRepeat = await importFile(frank, {
      version: 1,
      lists: [],
      tasks: [{ title: "x", recurrence: "sometimes" }],
    });
    expectProblem(badRepeat, 400, ["tasks[0].recurrence"]);
    const badCounts = await importFile(frank, {
      version: 1,
      lists: [],
      tasks: [
        { title: "x", completed_count: -1 },
        { title: "y", completed_count: 1.5 },
        { title: "z", completed_count: 2 ** 31 },
      ],
    });
    expectProblem(badCounts, 400, [
      "tasks[0].completed_count",
      "tasks[1].completed_count",
      "tasks[2].completed_count",
    ]);

    const version = await importFile(frank, { ...file, version: 2 });
    expect(expectProblem(version, 400).detail).toBe(
      "The file is version 2 of the Taskflow export; this server reads version 1.",
    );
    const noVersion = await importFile(frank, { tasks: [] });
    expect(expectProblem(noVersion, 400).detail).toMatch(/not a Taskflow export: it has no version/);
    const notJson = await frank.post("/api/import", {
      raw: '{"version": 1, "tasks": [',
      headers: { "content-type": "application/json" },
    });
    expect(expectProblem(notJson, 400).detail).toBe(
      "The file is not valid JSON, so it is not a Taskflow export.",
    );
    const array = await importFile(frank, [file]);
    expect(expectProblem(array, 400).detail).toMatch(/one JSON object with version, lists and tasks/);
    const csvAsJson = await frank.post("/api/import", {
      raw: "title,due\nMilk,2026-12-01\n",
      headers: { "content-type": "text/csv" },
    });
    expect(expectProblem(csvAsJson, 400).detail).toMatch(/not a Taskflow export.*format=todoist/);
    const xml = await frank.post("/api/import", {
      raw: "<tasks/>",
      headers: { "content-type": "application/xml" },
    });
    expectProblem(xml, 415);

    const big = await frank.post("/api/import", {
      raw: JSON.stringify({ version: 1, lists: [], tasks: [], padding: "x".repeat(5 * 1024 * 1024) }),
      headers: { "content-type": "application/json" },
    });
    expect(expectProblem(big, 413).detail).toBe(
      "The file is larger than 5 MB, the most one import reads. Split it into several files.",
    );
    const many = await importFile(frank, {
      version: 1,
      lists: [],
      tasks: Array.from({ length: 5001 }, (_, index) => ({ title: `t${index}` })),
    });
    expect(expectProblem(many, 400).detail).toBe(
      "The file has 5,001 tasks; one import takes at most 5,000. Split it into several files.",
    );
    const manyLists = await importFile(frank, {
      version: 1,
      lists: Array.from({ length: 201 }, (_, index) => ({ id: index + 1, name: `l${index}` })),
      tasks: [],
    });
    expect(expectProblem(manyLists, 400).detail).toBe(
      "The file has 201 lists; one import takes at most 200.",
    );

    expect(await board(frank)).toEqual(before);
  });

  it("exports only the caller's data and imports only for the caller; anonymous callers get 401", async () => {
    const file = await exportJson(alice);
    const text = JSON.stringify(file);
    expect(text).not.toContain("Bob's secret");
    expect(text).not.toContain("Thrown away");
    const bobBefore = await board(bob);
    const grace = await signUp("Grace");
    expect((await importFile(grace, file)).status).toBe(201);
    expect(await board(bob)).toEqual(bobBefore);
    expect((await exportJson(bob)).tasks.map((task) => task.title)).toEqual(["Bob's secret task"]);

    const anonymous = client(stack.apiUrl);
    expectProblem(await anonymous.get("/api/export"), 401);
    expectProblem(await anonymous.post("/api/import", { json: file }), 401);
  });

  it("exports the tasks as CSV: dated attachment, one row per task, quoted cells, formulas defused", async () => {
    const res = await alice.get<string>("/api/export?format=csv");
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="taskflow-tasks-${dayFromToday(ZONE, 0)}.csv"`,
    );
    // A byte-order mark first, so spreadsheet programs read UTF-8 (fetch's text() drops it: read the bytes).
    const bytes = new Uint8Array(
      await (await fetch(`${stack.apiUrl}/api/export?format=csv`, { headers: aliceHeaders })).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.text.startsWith(`${EXPORT_CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    expect(res.text).toContain('"Q4, ""final""\nsecond line"');
    const rows = parse(res.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.title, row.list, row.tags, row.completed])).toEqual([
      ["Write report", "Work", "work, q4", "false"],
      [`'=HYPERLINK("http://evil.example","click")`, "Home", "", "false"],
      ["Water plants", "Home", "", "false"],
      ["'-5 apples", "", "", "true"],
      ["'@mention someone", "", "", "false"],
    ]);
    expect(rows[0]).toMatchObject({
      description: 'Q4, "final"\nsecond line',
      priority: "high",
      due: "2026-12-02",
    });
    expect(rows[1]).toMatchObject({ due: "2026-12-03T14:30:00.000Z", remind_at: "2030-12-03T14:00:00.000Z" });
    expect(rows[2]?.recurrence).toBe("FREQ=WEEKLY;BYDAY=SA");
    expect(rows[4]?.description).toBe("'\tindented");
    expectProblem(await alice.get("/api/export?format=xml"), 400, ["format"]);
  });

  it("documents both routes in the OpenAPI document, signed in, with the file's shape", async () => {
    type Operation = {
      security?: unknown[];
      requestBody?: { content: Record<string, { schema: unknown }> };
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    const res = await alice.get<{ paths: Record<string, Record<string, Operation>> }>("/api/openapi.json");
    expect(res.status).toBe(200);
    const exported = res.body.paths["/api/export"]?.get;
    const imported = res.body.paths["/api/import"]?.post;
    expect(exported?.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    expect(Object.keys(exported?.responses["200"]?.content ?? {}).sort()).toEqual([
      "application/json",
      "text/csv",
    ]);
    expect(imported?.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    // The body is the file's schema itself (inlined), with the task fields' own rules.
    const body = JSON.stringify(imported?.requestBody?.content["application/json"]?.schema);
    expect(body).toMatch(/"version".*"lists".*"tasks"/);
    expect(body).toContain('"maxLength":200');
    expect(Object.keys(imported?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "201", "400", "413"]),
    );
  });

  it("refuses a list on a Taskflow import and an unknown query field", async () => {
    expectProblem(await importFile(alice, { version: 1, lists: [], tasks: [] }, "?list=Work"), 400, ["list"]);
    expectProblem(await importFile(alice, { version: 1, lists: [], tasks: [] }, "?dry_run=maybe"), 400, [
      "dry_run",
    ]);
  });
});

describe("the import's rate limit", () => {
  let stack: TestStack;
  afterAll(() => stack?.close());

  it("IMPORT_RATE_LIMIT imports an hour per user, dry runs included; then 429 with Retry-After, other users unaffected", async () => {
    stack = await startTestStack("pglite", { env: { IMPORT_RATE_LIMIT: "2" } });
    const one = client(stack.apiUrl, (await stack.signUp("One")).headers);
    const two = client(stack.apiUrl, (await stack.signUp("Two")).headers);
    const file = { version: 1, lists: [], tasks: [{ title: "x" }] };
    expect((await one.post("/api/import?dry_run=true", { json: file })).status).toBe(200);
    expect((await one.post("/api/import", { json: file })).status).toBe(201);
    const limited = await one.post("/api/import", { json: file });
    expect(expectProblem(limited, 429).detail).toMatch(/^Too many imports: at most 2 per hour\./);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await two.post("/api/import", { json: file })).status).toBe(201);
    expect((await one.get<TaskList>("/api/tasks")).body.items).toHaveLength(1);
  });
});

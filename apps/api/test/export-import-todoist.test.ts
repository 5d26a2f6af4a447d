// POST /api/import?format=todoist: a Todoist CSV export (its documented columns) lands as Taskflow
// tasks in the list named by `list` (docs/export-import.md has the mapping); a bad file changes nothing.
import type { ImportPreview, ImportResult, ListList, Task, TaskList } from "@taskflow/contracts";
import { engines } from "@taskflow/testing/databases";
import { client, expectProblem } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { dayFromToday, wallIn, weekdayOf } from "@taskflow/testing/zoned-clock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Api = ReturnType<typeof client>;
const ZONE = "Europe/Paris";
const HEADER =
  "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT,DEADLINE,DEADLINE_LANG";
/** A Todoist file as Todoist writes it: a byte-order mark, CRLF line ends. */
const todoistFile = (...rows: string[]) => `\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`;

const FIXTURE = todoistFile(
  "task,Buy milk @errands,Two cartons,1,1,Ann (1),,2026-12-02,en,Europe/Paris,,,,",
  'note,"Organic, if they have it",,,,,,,,,,,,',
  "section,Deep Work,,,,,,,,,,,,",
  "task,Write report @work,,2,1,Ann (1),,tomorrow at 5pm,en,Europe/Paris,,,,",
  "task,Gather numbers,,3,2,Ann (1),,,en,,,,,",
  "task,Water plants,,4,1,Ann (1),,every monday,en,,,,,",
  ",,,,,,,,,,,,,",
  "task,Moon ritual,,4,1,Ann (1),,every full moon,en,,,,,",
);

describe.each(engines)("Todoist CSV import on %s", (engine) => {
  let stack: TestStack;
  let api: Api;

  const importCsv = (who: Api, csv: string, query: string, type = "text/csv") =>
    who.post<ImportResult & ImportPreview>(`/api/import?format=todoist${query}`, {
      raw: csv,
      headers: { "content-type": type },
    });
  const board = async (who: Api) => ({
    lists: (await who.get<ListList>("/api/lists")).body.items,
    tasks: (await who.get<TaskList>("/api/tasks?limit=100")).body.items,
  });
  const signUp = async (name: string) => {
    const who = client(stack.apiUrl, (await stack.signUp(name)).headers);
    expect((await who.patch("/api/me", { json: { time_zone: ZONE } })).status).toBe(200);
    return who;
  };

  beforeAll(async () => {
    stack = await startTestStack(engine, { env: { IMPORT_RATE_LIMIT: "100000" } });
    api = await signUp("Ann");
  });
  afterAll(() => stack?.close());

  it("previews the file (list to create, tasks, titles, warnings) and writes nothing", async () => {
    const res = await importCsv(api, FIXTURE, "&list=Groceries&dry_run=true");
    expect(res.status, res.text).toBe(200);
    expect(res.body.preview).toEqual({
      lists: { create: ["Groceries"], existing: [] },
      tasks: 5,
      completed: 0,
      sample: ["Buy milk", "Write report", "Gather numbers", "Water plants", "Moon ritual"],
      warnings: [
        "row 9: the repeat “every full moon” is not one Taskflow can read; it is kept in the description and the task does not repeat.",
        "1 sub-task (INDENT 2 or more) comes in as ordinary tasks.",
      ],
    });
    expect(await board(api)).toEqual({ lists: [], tasks: [] });
  });

  it("imports every task into the named list: priorities, labels and sections as tags, notes, dates, repeats", async () => {
    const res = await importCsv(api, FIXTURE, "&list=Groceries", "text/csv; charset=utf-8");
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual({ imported: { lists: 1, tasks: 5 } });
    const { lists, tasks } = await board(api);
    expect(lists).toEqual([{ id: expect.any(Number), name: "Groceries", task_count: 5 }]);
    const byTitle = new Map(tasks.map((task) => [task.title, task]));
    const get = (title: string) => byTitle.get(title) as Task;
    expect(tasks.every((task) => task.list_id === lists[0]?.id)).toBe(true);

    expect(get("Buy milk")).toMatchObject({
      priority: "high",
      tags: ["errands"],
      description: "Two cartons\n\nOrganic, if they have it",
      due_at: "2026-12-02",
      all_day: true,
      recurrence: null,
    });
    // "tomorrow at 5pm" is 17:00 on the user's next day, in the user's zone.
    const report = get("Write report");
    expect(report).toMatchObject({ priority: "medium", tags: ["work", "deep-work"], all_day: false });
    expect(wallIn(report.due_at ?? "", ZONE)).toBe(`${dayFromToday(ZONE, 1)} 17:00`);
    expect(get("Gather numbers")).toMatchObject({ priority: "low", tags: ["deep-work"], due_at: null });
    // A repeat the grammar reads: the rule, and its first day from today as the due.
    const plants = get("Water plants");
    expect(plants).toMatchObject({ priority: "none", recurrence: "FREQ=WEEKLY;BYDAY=MO", all_day: true });
    expect(weekdayOf(plants.due_at ?? "")).toBe(1);
    expect((plants.due_at ?? "") >= dayFromToday(ZONE, 0)).toBe(true);
    // One it does not: kept in the description, no repeat, no due.
    expect(get("Moon ritual")).toMatchObject({
      recurrence: null,
      due_at: null,
      description: "Repeats (Todoist): every full moon",
    });
  });

  it("a list the user has (whatever its case) is reused; without a list the tasks go to the Inbox", async () => {
    const again = await importCsv(api, todoistFile("task,Eggs,,4,1,,,,,,,,,"), "&list=GROCERIES");
    expect(again.status, again.text).toBe(201);
    expect(again.body).toEqual({ imported: { lists: 0, tasks: 1 } });
    expect((await board(api)).lists.map((list) => [list.name, list.task_count])).toEqual([["Groceries", 6]]);
    const inbox = await importCsv(api, todoistFile("task,Loose end,,4,1,,,,,,,,,"), "");
    expect(inbox.status, inbox.text).toBe(201);
    const loose = (await board(api)).tasks.find((task) => task.title === "Loose end");
    expect(loose?.list_id).toBeNull();
  });

  it("a bad file changes nothing and says where: a cell by row and column, not CSV, not Todoist, the Inbox as list", async () => {
    const who = await signUp("Ben");
    const before = await board(who);
    const badPriority = await importCsv(
      who,
      todoistFile("task,Fine,,1,1,,,,,,,,,", "task,Broken,,7,1,,,,,,,,,"),
      "&list=Work",
    );
    expect(expectProblem(badPriority, 400, ["row 3, PRIORITY"]).detail).toMatch(
      /^row 3, PRIORITY is “7”: it must be 1 \(p1, highest\), 2, 3 or 4 \(p4, lowest\)\. Nothing was imported\.$/,
    );
    const longTitle = await importCsv(
      who,
      todoistFile("task,Fine,,1,1,,,,,,,,,", `task,${"x".repeat(201)},,1,1,,,,,,,,,`),
      "",
    );
    expectProblem(longTitle, 400, ["row 3, CONTENT"]);
    const badType = await importCsv(who, todoistFile("project,Work,,,,,,,,,,,,"), "");
    expectProblem(badType, 400, ["row 2, TYPE"]);
    const notTodoist = await importCsv(who, "title,due\nMilk,2026-12-01\n", "");
    expect(expectProblem(notTodoist, 400).detail).toMatch(
      /not a Todoist CSV export: its first row must name/,
    );
    const notCsv = await importCsv(who, 'TYPE,CONTENT\ntask,"never closed\n', "");
    expect(expectProblem(notCsv, 400).detail).toMatch(/^The file is not a CSV file that can be read/);
    const json = await who.post("/api/import?format=todoist", { json: { version: 1, lists: [], tasks: [] } });
    expect(expectProblem(json, 400).detail).toBe(
      "A Todoist import is the CSV file itself, sent as text/csv.",
    );
    expectProblem(await importCsv(who, FIXTURE, "&list=Inbox"), 400, ["list"]);
    expect(await board(who)).toEqual(before);
  });
});

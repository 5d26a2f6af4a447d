// The Todoist CSV mapping (docs/export-import.md): columns, priorities, labels, sections, notes, dates.
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { readTodoistCsv, readTodoistDate, tagOf } from "./todoist-csv";

// Monday 30 November 2026, 16:00 in Paris.
const options = { timeZone: "Europe/Paris", now: new Date("2026-11-30T15:00:00Z") };
const HEADER =
  "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE,DURATION,DURATION_UNIT,DEADLINE,DEADLINE_LANG";
const csv = (...rows: string[]) => `\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`;

const fieldsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.fieldErrors.map((f) => f.field);
    throw error;
  }
  throw new Error("no error");
};
const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error("no error");
};

describe("readTodoistCsv", () => {
  const fixture = csv(
    "task,Buy milk @errands @Home_Stuff,Two cartons,1,1,Ann (1),,2026-12-02,en,Europe/Paris,,,,",
    "note,Organic if they have it,,,,,,,,,,,,",
    'note,"Or oat milk, ""barista""",,,,,,,,,,,,',
    "section,Deep Work,,,,,,,,,,,,",
    "task,Write report,,2,1,Ann (1),Bob (2),tomorrow at 5pm,en,Europe/Paris,30,minute,,",
    "task,Gather numbers,,3,2,Ann (1),,,en,,,,,",
    "task,Water plants,,4,1,Ann (1),,every monday,en,,,,,",
    "task,Moon ritual,,,1,Ann (1),,every full moon,en,,,,,",
    ",,,,,,,,,,,,,",
    "task,Email bob@example.com @waiting.for,,4,1,,,Dec 24,en,,,,,",
  );

  it("maps each task row: p1–p4 to high…none, @labels and the section to tags, notes to the description", () => {
    const { file } = readTodoistCsv(fixture, { ...options, list: "Groceries" });
    expect(file.lists).toEqual([{ id: 1, name: "Groceries" }]);
    expect(file.tasks).toEqual([
      {
        title: "Buy milk",
        description: 'Two cartons\n\nOrganic if they have it\n\nOr oat milk, "barista"',
        priority: "high",
        tags: ["errands", "home_stuff"],
        due: "2026-12-02",
        list_id: 1,
      },
      {
        title: "Write report",
        description: "",
        priority: "medium",
        tags: ["deep-work"],
        due: "2026-12-01T17:00",
        list_id: 1,
      },
      { title: "Gather numbers", description: "", priority: "low", tags: ["deep-work"], list_id: 1 },
      {
        title: "Water plants",
        description: "",
        priority: "none",
        tags: ["deep-work"],
        recurrence: "every monday",
        list_id: 1,
      },
      {
        title: "Moon ritual",
        description: "Repeats (Todoist): every full moon",
        priority: "none",
        tags: ["deep-work"],
        list_id: 1,
      },
      {
        title: "Email bob@example.com @waiting.for",
        description: "",
        priority: "none",
        tags: ["deep-work"],
        due: "2026-12-24",
        list_id: 1,
      },
    ]);
  });

  it("says what it read differently, row by row, and what has no Taskflow field", () => {
    const { warnings } = readTodoistCsv(fixture, options);
    expect(warnings).toEqual([
      expect.stringMatching(/^row 9: the repeat “every full moon” is not one Taskflow can read/),
      expect.stringMatching(/^row 11: the label “@waiting\.for” cannot be a tag/),
      "1 sub-task (INDENT 2 or more) comes in as ordinary tasks.",
      "Assignees (RESPONSIBLE) are not imported: every task is yours.",
      "Durations (DURATION) are not imported.",
    ]);
  });

  it("without a list, every task goes to the Inbox", () => {
    const { file } = readTodoistCsv(csv("task,Loose end,,4,1,,,,,,,,,"), options);
    expect(file.lists).toEqual([]);
    expect(file.tasks[0]?.list_id).toBeNull();
  });

  it("names a bad cell by its spreadsheet row and column", () => {
    expect(
      fieldsOf(() => readTodoistCsv(csv("task,A,,1,1,,,,,,,,,", "task,B,,5,1,,,,,,,,,"), options)),
    ).toEqual(["row 3, PRIORITY"]);
    expect(fieldsOf(() => readTodoistCsv(csv("project,A,,1,1,,,,,,,,,"), options))).toEqual(["row 2, TYPE"]);
    const long = "x".repeat(1500);
    expect(
      fieldsOf(() => readTodoistCsv(csv(`task,A,${long},1,1,,,,,,,,,`, `note,${long},,,,,,,,,,,,`), options)),
    ).toEqual(["row 3, CONTENT"]);
    // The place namer maps the file's fields back to the CSV's columns for later checks.
    const { place } = readTodoistCsv(csv("section,S,,,,,,,,,,,,", "task,A,,1,1,,,,,,,,,"), options);
    expect(place(["tasks", 0, "title"])).toBe("row 3, CONTENT");
    expect(place(["tasks", 0, "due"])).toBe("row 3, DATE");
    expect(place(["tasks", 0])).toBe("row 3");
  });

  it("refuses what is not a Todoist CSV export, in plain words", () => {
    expect(messageOf(() => readTodoistCsv('{"version": 1}', options))).toMatch(
      /not a CSV file|not a Todoist CSV/,
    );
    expect(messageOf(() => readTodoistCsv("title,due\nMilk,2026-12-01\n", options))).toMatch(
      /not a Todoist CSV export: its first row must name the columns TYPE and CONTENT/,
    );
    expect(messageOf(() => readTodoistCsv('TYPE,CONTENT\ntask,"unterminated\n', options))).toMatch(
      /not a CSV file that can be read/,
    );
    expect(messageOf(() => readTodoistCsv({ tasks: [] }, options))).toMatch(/sent as text\/csv/);
  });

  it("refuses a file with more tasks than one import takes before reading any date", () => {
    const rows = Array.from({ length: 5001 }, (_, index) => `task,T${index},,4,1,,,tomorrow,en,,,,,`);
    expect(messageOf(() => readTodoistCsv(csv(...rows), options))).toBe(
      "The file has 5,001 tasks; one import takes at most 5,000. Split it into several files.",
    );
  });

  it("reads a file with only its header as no tasks", () => {
    expect(readTodoistCsv(csv(), options).file.tasks).toEqual([]);
  });
});

describe("readTodoistDate", () => {
  const read = (text: string, lang = "en") => readTodoistDate(text, lang, options, 2);
  it.each([
    ["2026-12-02", { due: "2026-12-02" }],
    ["2026-08-13T18:30:00-05:00", { due: "2026-08-13T18:30:00-05:00" }],
    ["tomorrow", { due: "2026-12-01" }],
    ["tomorrow at 5pm", { due: "2026-12-01T17:00" }],
    ["17 Aug", { due: "2027-08-17" }],
    ["morgen um 9 Uhr", { due: "2026-12-01T09:00" }, "de"],
    ["every monday", { recurrence: "every monday" }],
    ["every 3 days", { recurrence: "every 3 days" }],
    ["every monday at 9am", { recurrence: "every monday at 9am" }],
    ["", {}],
  ])("%s → %o", (text, expected, lang = "en") => {
    expect(read(text, lang)).toEqual(expected);
  });

  it("reads every! as a repeat from the due, and says so", () => {
    expect(read("every! monday")).toEqual({
      recurrence: "every monday",
      warning: expect.stringContaining("repeats from its due date here, not from when it is completed"),
    });
  });

  it("starts a repeat that names no day today, as Todoist does, and says so", () => {
    expect(read("every 2 weeks")).toEqual({
      recurrence: "FREQ=WEEKLY;INTERVAL=2",
      due: "2026-11-30",
      warning: "row 2: “every 2 weeks” does not say on which day it falls, so it starts today (2026-11-30).",
    });
    expect(read("every week at 9am")).toMatchObject({ recurrence: "FREQ=WEEKLY", due: "2026-11-30T09:00" });
  });

  it("does not read a cell too long to be a date", () => {
    expect(read(`tomorrow ${"x".repeat(200)}`)).toMatchObject({
      kept: expect.stringMatching(/^Due \(Todoist\): tomorrow x/),
    });
  });

  it("keeps a repeat or a date it cannot read in the description", () => {
    expect(read("every full moon")).toMatchObject({ kept: "Repeats (Todoist): every full moon" });
    expect(read("whenever")).toMatchObject({ kept: "Due (Todoist): whenever" });
  });
});

describe("tagOf", () => {
  it.each([
    ["errands", "errands"],
    ["Home Office", "home-office"],
    ["done!", "done"],
    ["waiting.for", null],
    ["x".repeat(40), null],
  ])("%s → %s", (name, tag) => {
    expect(tagOf(name)).toBe(tag);
  });
});

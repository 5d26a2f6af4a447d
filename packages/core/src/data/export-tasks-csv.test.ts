import { EXPORT_CSV_COLUMNS } from "@taskflow/contracts";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { guardFormula, tasksCsv } from "./export-tasks-csv";

describe("guardFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+31 6 1234", "'+31 6 1234"],
    ["-5 apples", "'-5 apples"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tindented", "'\tindented"],
    ["\rreturn", "'\rreturn"],
    ["plain = fine", "plain = fine"],
    ["", ""],
  ])("%j → %j", (cell, guarded) => {
    expect(guardFormula(cell)).toBe(guarded);
  });
});

describe("tasksCsv", () => {
  const csv = tasksCsv({
    version: 1,
    lists: [{ id: 7, name: "Work, home" }],
    tasks: [
      {
        title: '=HYPERLINK("http://x","click")',
        description: 'line one\nline "two", with a comma',
        priority: "high",
        tags: ["a", "b"],
        due: "2026-12-02",
        completed: false,
        completed_at: null,
        created_at: "2026-11-30T10:00:00.000Z",
        recurrence: "FREQ=WEEKLY;BYDAY=MO",
        remind_at: null,
        list_id: 7,
      },
      { title: "Inbox task", completed: true, completed_at: "2026-11-30T11:00:00.000Z", list_id: null },
    ],
  });

  it("starts with a byte-order mark and the columns, one CRLF row per task", () => {
    expect(csv.startsWith(`\uFEFF${EXPORT_CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        title: `'=HYPERLINK("http://x","click")`,
        description: 'line one\nline "two", with a comma',
        priority: "high",
        tags: "a, b",
        due: "2026-12-02",
        completed: "false",
        completed_at: "",
        list: "Work, home",
        recurrence: "FREQ=WEEKLY;BYDAY=MO",
        remind_at: "",
        created_at: "2026-11-30T10:00:00.000Z",
      },
      {
        title: "Inbox task",
        description: "",
        priority: "none",
        tags: "",
        due: "",
        completed: "true",
        completed_at: "2026-11-30T11:00:00.000Z",
        list: "",
        recurrence: "",
        remind_at: "",
        created_at: "",
      },
    ]);
  });

  it("quotes cells holding commas, quotes and newlines (quotes doubled)", () => {
    expect(csv).toContain(`"line one\nline ""two"", with a comma"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csv).toContain(`"Work, home"`);
  });
});

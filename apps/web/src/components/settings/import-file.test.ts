import { IMPORT_MAX_BYTES } from "@taskflow/contracts";
import { describe, expect, it } from "vitest";
import { detectKind, formatSize, listNameFromFile, readImportFile, sizeProblem } from "./import-file";

const TODOIST_HEADER = "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE";
const TODOIST = `${TODOIST_HEADER}\ntask,Buy milk,,4,1,Ann (1),,today,en,Europe/London\n`;
const EXPORT = JSON.stringify({ version: 1, exported_at: "2026-11-30T12:00:00Z", lists: [], tasks: [] });

describe("the import's size check", () => {
  it("refuses an empty file and one over 5 MB, naming the file and both sizes", () => {
    expect(IMPORT_MAX_BYTES).toBe(5 * 1024 * 1024);
    expect(sizeProblem("tasks.json", 1)).toBeNull();
    expect(sizeProblem("tasks.json", IMPORT_MAX_BYTES)).toBeNull();
    expect(sizeProblem("big.json", IMPORT_MAX_BYTES + 1)).toBe(
      "“big.json” is 5 MB; files up to 5 MB can be imported. Split it, or export less.",
    );
    expect(sizeProblem("huge.csv", 7.4 * 1024 * 1024)).toContain("“huge.csv” is 7.4 MB");
    expect(sizeProblem("none.json", 0)).toContain("“none.json” is empty");
  });

  it("writes sizes for people", () => {
    expect(formatSize(1)).toBe("1 byte");
    expect(formatSize(900)).toBe("900 bytes");
    expect(formatSize(2048)).toBe("2 KB");
    expect(formatSize(1.25 * 1024 * 1024)).toBe("1.3 MB");
  });
});

describe("the import's file kind", () => {
  it("goes by the extension, whatever its case", () => {
    expect(detectKind("taskflow-export.json", "")).toEqual({ ok: true, value: "taskflow" });
    expect(detectKind("Work.CSV", "")).toEqual({ ok: true, value: "todoist" });
  });

  it("without a known extension, goes by the content, byte-order mark and quotes allowed", () => {
    expect(detectKind("export", `  ${EXPORT}`)).toEqual({ ok: true, value: "taskflow" });
    expect(detectKind("Work", `\uFEFF"TYPE","CONTENT","DESCRIPTION"\r\ntask,Milk,\r\n`)).toEqual({
      ok: true,
      value: "todoist",
    });
    const other = detectKind("notes.txt", "hello, world");
    expect(other).toEqual({
      ok: false,
      error: "“notes.txt” is neither a Taskflow export (.json) nor a Todoist export (.csv).",
    });
  });

  it("reads a Taskflow export as parsed JSON and a Todoist CSV as its text", () => {
    expect(readImportFile("a.json", EXPORT.length, EXPORT)).toEqual({
      ok: true,
      value: { kind: "taskflow", name: "a.json", size: EXPORT.length, body: JSON.parse(EXPORT) },
    });
    expect(readImportFile("Work.csv", TODOIST.length, TODOIST)).toEqual({
      ok: true,
      value: { kind: "todoist", name: "Work.csv", size: TODOIST.length, csv: TODOIST },
    });
  });

  it("says why a file cannot be imported: broken JSON, JSON that is not one object, a CSV without Todoist's columns", () => {
    const broken = readImportFile("broken.json", 10, '{"tasks": [');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/^“broken\.json” is not valid JSON \(.+\)/);
    expect(readImportFile("list.json", 2, "[]")).toEqual({
      ok: false,
      error: "“list.json” is not a Taskflow export: it should be one object with lists and tasks.",
    });
    const csv = readImportFile("people.csv", 20, "name,email\nAnn,a@example.com\n");
    expect(csv.ok).toBe(false);
    if (!csv.ok) expect(csv.error).toContain("must name the columns TYPE, CONTENT");
  });
});

describe("the list a Todoist file goes into", () => {
  it("is the file's name without its extension, cut to a list name's length", () => {
    expect(listNameFromFile("Work.csv")).toBe("Work");
    expect(listNameFromFile(" Home chores .csv")).toBe("Home chores");
    expect(listNameFromFile("v1.2 plan.csv")).toBe("v1.2 plan");
    expect(listNameFromFile(`${"x".repeat(80)}.csv`)).toBe("x".repeat(60));
  });

  it("is never the Inbox nor empty", () => {
    expect(listNameFromFile("Inbox.csv")).toBe("Todoist");
    expect(listNameFromFile(".csv")).toBe("Todoist");
  });
});

import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api";
import type { ImportFile } from "./import-file";
import { importFailure, importUrl } from "./import-request";

const taskflow: ImportFile = { kind: "taskflow", name: "export.json", size: 2, body: {} };
const todoist: ImportFile = { kind: "todoist", name: "Home & garden.csv", size: 10, csv: "TYPE,CONTENT\n" };

describe("the import's requests", () => {
  it("ask for a dry run first, and name the format and the list (trimmed, encoded) for a Todoist file", () => {
    expect(importUrl(taskflow, "", true)).toBe("/api/import?dry_run=true");
    expect(importUrl(taskflow, "ignored", false)).toBe("/api/import");
    expect(importUrl(todoist, " Home & garden ", true)).toBe(
      "/api/import?format=todoist&list=Home+%26+garden&dry_run=true",
    );
    expect(importUrl(todoist, "Home & garden", false)).toBe(
      "/api/import?format=todoist&list=Home+%26+garden",
    );
    // No list name: the Inbox.
    expect(importUrl(todoist, "  ", true)).toBe("/api/import?format=todoist&dry_run=true");
  });

  it("turn a refusal into the problem's detail and each item it named", () => {
    const refused = new ApiError(400, "Bad Request", "The file has 2 problems", [
      { field: "tasks.3.title", message: "must not be empty" },
      { field: "", message: "lists is missing" },
    ]);
    expect(importFailure(refused)).toEqual({
      message: "The file has 2 problems",
      items: ["tasks.3.title: must not be empty", "lists is missing"],
    });
    expect(importFailure(new ApiError(413, "Payload Too Large", "The file is over 5 MB"))).toEqual({
      message: "The file is over 5 MB",
      items: [],
    });
    expect(importFailure("nope")).toEqual({ message: "Something went wrong.", items: [] });
  });
});

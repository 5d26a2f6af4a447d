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

  it("turn a refusal into each place the problem named, or its detail, saying nothing was imported once", () => {
    const refused = new ApiError(
      400,
      "Bad Request",
      "tasks[3].title must not be empty; lists is missing. Nothing was imported.",
      [
        { field: "tasks[3].title", message: "must not be empty" },
        { field: "", message: "lists is missing" },
      ],
    );
    expect(importFailure(refused)).toEqual({
      message: "Nothing was imported. Fix these in the file, then choose it again:",
      items: ["tasks[3].title must not be empty", "lists is missing"],
    });
    const oneRow = new ApiError(400, "Bad Request", "row 7, PRIORITY must be 1 to 4. Nothing was imported.", [
      { field: "row 7, PRIORITY", message: "must be 1 to 4" },
    ]);
    expect(importFailure(oneRow).message).toBe(
      "Nothing was imported. Fix this in the file, then choose it again:",
    );
    expect(
      importFailure(new ApiError(400, "Bad Request", "The file is not JSON. Nothing was imported.")),
    ).toEqual({ message: "The file is not JSON. Nothing was imported.", items: [] });
    expect(importFailure(new ApiError(413, "Payload Too Large", "The body is over 5 MiB."))).toEqual({
      message: "Nothing was imported: The body is over 5 MiB.",
      items: [],
    });
    expect(importFailure("nope")).toEqual({
      message: "Nothing was imported: Something went wrong.",
      items: [],
    });
  });
});

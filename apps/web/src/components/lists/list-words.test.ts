import { createListBody, LIST_NAME_MAX_LENGTH } from "@taskflow/contracts";
import { describe, expect, it } from "vitest";
import { deleteWarning, listLabel, listNameError, moveMessage, placeLabel } from "./list-words";

const lists = [
  { id: 3, name: "Health", task_count: 2 },
  { id: 7, name: "Work", task_count: 0 },
];

describe("list names", () => {
  it("refuses what the api refuses, in the form's words", () => {
    const cases: [string, string][] = [
      ["   ", "Give the list a name."],
      [
        "x".repeat(LIST_NAME_MAX_LENGTH + 1),
        `The name is 61 characters; the most is ${LIST_NAME_MAX_LENGTH}.`,
      ],
      [" inbox ", "“Inbox” is where tasks in no list go already; pick another name."],
      ["a\u0000b", "The name must not contain NUL (\\u0000) characters."],
    ];
    for (const [name, message] of cases) {
      expect(listNameError(name)).toBe(message);
      expect(createListBody.safeParse({ name }).success).toBe(false);
    }
  });

  it("lets through what the api accepts, up to its limit", () => {
    for (const name of ["Health", ` ${"x".repeat(LIST_NAME_MAX_LENGTH)} `, "Inbox zero", "עבודה"]) {
      expect(listNameError(name)).toBeNull();
      expect(createListBody.safeParse({ name }).success).toBe(true);
    }
  });
});

describe("where the board is", () => {
  it("names the list shown, the Inbox, or the view across every list", () => {
    expect(listLabel("3", lists)).toBe("Health");
    expect(listLabel("inbox", lists)).toBe("Inbox");
    expect(listLabel("", lists)).toBeNull();
    expect(listLabel("99", lists)).toBeNull();
    expect(listLabel("3", null)).toBeNull();
    expect(placeLabel("7", "today", lists)).toBe("Work");
    expect(placeLabel("", "today", lists)).toBe("Today");
    expect(placeLabel("", "upcoming", lists)).toBe("Upcoming");
    expect(placeLabel("", "all", lists)).toBe("All tasks");
    expect(placeLabel("99", "all", lists)).toBe("A list");
  });

  it("says what a move and a delete do", () => {
    expect(moveMessage("Dentist", "Health")).toBe("Moved “Dentist” to Health");
    expect(moveMessage("Dentist", null)).toBe("Moved “Dentist” to the Inbox");
    expect(deleteWarning({ name: "Health", task_count: 2 })).toBe(
      "Delete “Health”? Its 2 open tasks move to the Inbox (done ones too).",
    );
    expect(deleteWarning({ name: "Health", task_count: 1 })).toContain("Its 1 open task moves to the Inbox");
    expect(deleteWarning({ name: "Work", task_count: 0 })).toContain("It has no open tasks");
  });
});

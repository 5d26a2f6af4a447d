import type { List } from "@taskflow/contracts";
import { describe, expect, it } from "vitest";
import { goneMessage, listIsMissing, shownListGone, startingList } from "./list-gone";

const list = (id: number, name: string) => ({ id, name, task_count: 0 }) as List;
const health = list(3, "Health");
const work = list(4, "Work");

describe("a list id the api does not know", () => {
  it("is missing only for a 404 on a list id (not the Inbox, every list, or another failure)", () => {
    expect(listIsMissing(404, "3")).toBe(true);
    expect(listIsMissing(404, "inbox")).toBe(false);
    expect(listIsMissing(404, "")).toBe(false);
    for (const status of [undefined, 400, 500, 503]) expect(listIsMissing(status, "3")).toBe(false);
  });
});

describe("the list shown, deleted elsewhere", () => {
  it("is the list the earlier lists had and the new ones lack", () => {
    expect(shownListGone("3", [health, work], [work])).toEqual(health);
  });

  it("is nothing while it is still there, never was, or the lists are not loaded", () => {
    expect(shownListGone("3", [health, work], [health])).toBeNull();
    expect(shownListGone("9", [health, work], [work])).toBeNull();
    expect(shownListGone("3", null, [work])).toBeNull();
    expect(shownListGone("3", [health], null)).toBeNull();
  });

  it("is nothing for the Inbox or every list", () => {
    expect(shownListGone("inbox", [health], [])).toBeNull();
    expect(shownListGone("", [health], [])).toBeNull();
  });

  it("is said with its name and where its tasks went", () => {
    expect(goneMessage(health)).toBe("“Health” was deleted; its tasks are in the Inbox");
  });
});

describe("the list a new task starts in", () => {
  it("is the list shown while it exists, or while the lists are still loading", () => {
    expect(startingList("3", [health, work])).toBe("3");
    expect(startingList("3", null)).toBe("3");
  });

  it("is the Inbox when the loaded lists do not have the list shown (deleted, or another user's)", () => {
    expect(startingList("9", [health, work])).toBe("inbox");
    expect(startingList("3", [])).toBe("inbox");
  });

  it("is the Inbox or every list as shown", () => {
    expect(startingList("inbox", [health])).toBe("inbox");
    expect(startingList("", [health])).toBe("");
  });
});

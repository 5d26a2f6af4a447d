import type { List } from "@taskflow/contracts";
import { describe, expect, it } from "vitest";
import { neighbourOf, withoutList, withSavedList } from "./saved-list";

const list = (id: number, name: string, task_count = 0): List => ({ id, name, task_count });
const names = (lists: List[]) => lists.map((item) => `${item.id}:${item.name}`);

describe("a list the api has just saved", () => {
  const lists = [list(2, "errands"), list(1, "Home"), list(3, "Work")];

  it("replaces the list with its id, with the saved name and count, and moves to its place by name", () => {
    const after = withSavedList(lists, list(3, "Chores", 4));
    expect(names(after)).toEqual(["3:Chores", "2:errands", "1:Home"]);
    expect(after[0]).toEqual(list(3, "Chores", 4));
  });

  it("is added when it is new, by name whatever its case", () => {
    expect(names(withSavedList(lists, list(9, "garden")))).toEqual([
      "2:errands",
      "9:garden",
      "1:Home",
      "3:Work",
    ]);
  });

  it("keeps one row per id, and orders equal names by id", () => {
    const after = withSavedList([list(5, "Same"), list(4, "same")], list(5, "SAME"));
    expect(names(after)).toEqual(["4:same", "5:SAME"]);
  });

  it("leaves the lists it was given as they were", () => {
    const before = names(lists);
    withSavedList(lists, list(1, "Zebra"));
    expect(names(lists)).toEqual(before);
  });
});

describe("a list the api has just deleted", () => {
  it("leaves the others in their order, and nothing changes for an id not there", () => {
    const lists = [list(2, "errands"), list(1, "Home"), list(3, "Work")];
    expect(names(withoutList(lists, 1))).toEqual(["2:errands", "3:Work"]);
    expect(names(withoutList(lists, 7))).toEqual(["2:errands", "1:Home", "3:Work"]);
  });
});

describe("the list the focus goes to when one is deleted", () => {
  const lists = [list(2, "errands"), list(1, "Home"), list(3, "Work")];

  it("is the next one, or the one before when it was the last", () => {
    expect(neighbourOf(lists, 2)?.id).toBe(1);
    expect(neighbourOf(lists, 1)?.id).toBe(3);
    expect(neighbourOf(lists, 3)?.id).toBe(1);
  });

  it("is none when it was the only one or is not there", () => {
    expect(neighbourOf([list(5, "Solo")], 5)).toBeNull();
    expect(neighbourOf(lists, 9)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { indexAfterRemoval, rovingRow, stepSelection } from "./selection";

const ids = [11, 22, 33];

describe("stepSelection (j/k)", () => {
  it("moves one row from the focused row and stops at the ends", () => {
    expect(stepSelection(ids, 11, null, 1)).toBe(22);
    expect(stepSelection(ids, 22, 11, 1)).toBe(33);
    expect(stepSelection(ids, 33, null, 1)).toBe(33);
    expect(stepSelection(ids, 33, null, -1)).toBe(22);
    expect(stepSelection(ids, 11, null, -1)).toBe(11);
  });

  it("from elsewhere, goes to the selected row first (no move), or the first row", () => {
    expect(stepSelection(ids, null, 22, 1)).toBe(22);
    expect(stepSelection(ids, null, 22, -1)).toBe(22);
    expect(stepSelection(ids, null, null, -1)).toBe(11);
    // A selected row that is no longer shown (deleted, another view) does not count.
    expect(stepSelection(ids, null, 99, 1)).toBe(11);
    expect(stepSelection(ids, 99, null, 1)).toBe(11);
  });

  it("has nowhere to go in an empty list", () => {
    expect(stepSelection([], null, 22, 1)).toBeNull();
    expect(stepSelection([], 22, 22, -1)).toBeNull();
  });
});

describe("rovingRow (the row Tab reaches)", () => {
  it("is the selected row while shown, else the first, else none", () => {
    expect(rovingRow(ids, 33)).toBe(33);
    expect(rovingRow(ids, 44)).toBe(11);
    expect(rovingRow(ids, null)).toBe(11);
    expect(rovingRow([], 11)).toBeNull();
  });
});

describe("indexAfterRemoval (focus after the focused row left)", () => {
  it("takes the row now in its place, else the new last one, else the empty state", () => {
    // Deleted the second of three: two are left, the old third is now second.
    expect(indexAfterRemoval(2, 1)).toBe(1);
    // Deleted the last of three: the new last.
    expect(indexAfterRemoval(2, 2)).toBe(1);
    expect(indexAfterRemoval(5, 0)).toBe(0);
    expect(indexAfterRemoval(0, 0)).toBe(-1);
    // A focus not in a row (-1): the first row.
    expect(indexAfterRemoval(3, -1)).toBe(0);
  });
});

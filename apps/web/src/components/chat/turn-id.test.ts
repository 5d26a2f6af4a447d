import { describe, expect, it } from "vitest";
import { newTurnId, settledByProblem, turnFor } from "./turn-id";

describe("chat turn ids", () => {
  it("reuses the id of an unsettled turn for the same message, and only for it", () => {
    let n = 0;
    const makeId = () => `id-${++n}`;
    const first = turnFor(null, "add buy milk", makeId);
    expect(first).toEqual({ message: "add buy milk", turnId: "id-1" });
    expect(turnFor(first, "add buy milk", makeId)).toBe(first);
    expect(turnFor(first, "add buy bread", makeId).turnId).toBe("id-2");
  });

  it("makes ids the api accepts", () => {
    const ids = new Set(Array.from({ length: 20 }, newTurnId));
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._:-]{1,100}$/);
  });

  it("treats a stored failure as settled and a proxy's timeout as unknown", () => {
    expect(settledByProblem({ status: 503, detail: "…", conversation_id: 4 })).toBe(true);
    expect(settledByProblem({ status: 504, detail: "not answering" })).toBe(false);
    expect(settledByProblem(null)).toBe(false);
  });
});

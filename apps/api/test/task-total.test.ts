// `GET /api/tasks?with_total=true`: the list also says how many tasks match its filters on every page
// (the board's view counts), the same number on every page, and only the caller's own tasks.
import { engines } from "@taskflow/testing/databases";
import { client, expectProblem } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface TaskList {
  items: { id: number }[];
  next_cursor: string | null;
  total?: number;
}

describe.each(engines)("the list's total on %s", (engine) => {
  let stack: TestStack;
  let a: ReturnType<typeof client>;
  let b: ReturnType<typeof client>;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    a = client(stack.apiUrl, (await stack.signUp("Alice")).headers);
    b = client(stack.apiUrl, (await stack.signUp("Bob")).headers);
    for (let i = 0; i < 7; i++) {
      const res = await a.post("/api/tasks", {
        json: { title: `Task ${i}`, priority: i % 2 ? "high" : "low", due_at: `2027-01-0${i + 1}` },
      });
      expect(res.status, res.text).toBe(201);
    }
    await b.post("/api/tasks", { json: { title: "Bob's", priority: "high" } });
  });
  afterAll(() => stack?.close());

  it("counts every match, past the first page, with the filters applied", async () => {
    const first = await a.get<TaskList>("/api/tasks?with_total=true&limit=2&priority=high");
    expect(first.status, first.text).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBe(3);
    const second = await a.get<TaskList>(
      `/api/tasks?with_total=true&limit=2&priority=high&cursor=${encodeURIComponent(first.body.next_cursor ?? "")}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.total).toBe(3);
    const dated = await a.get<TaskList>("/api/tasks?with_total=true&limit=1&due_before=2027-01-04");
    expect(dated.body.total).toBe(3);
    expect((await a.get<TaskList>("/api/tasks?with_total=true&limit=1")).body.total).toBe(7);
    expect((await b.get<TaskList>("/api/tasks?with_total=true")).body.total).toBe(1);
  });

  it("is absent unless asked for, and with_total must be true or false", async () => {
    const plain = await a.get<TaskList>("/api/tasks?limit=1");
    expect(Object.keys(plain.body).sort()).toEqual(["items", "next_cursor"]);
    const off = await a.get<TaskList>("/api/tasks?limit=1&with_total=false");
    expect(off.body.total).toBeUndefined();
    const bad = await a.get("/api/tasks?with_total=yes");
    expectProblem(bad, 400, ["with_total"]);
  });
});

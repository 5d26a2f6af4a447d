// Quick add (POST /api/tasks/parse): a typed line read into task fields in the user's stored zone,
// nothing created; bad input is a 400 problem naming `text`; signed-in only.

import { engines } from "@taskflow/testing/databases";
import { client, expectProblem } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface Parsed {
  title: string;
  priority?: string;
  tags?: string[];
  due_at?: string;
}

function localDay(zone: string, plusDays = 0): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString().slice(0, 10);
}

describe.each(engines)("quick add on %s", (engine) => {
  let stack: TestStack;
  let a: ReturnType<typeof client>;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    const alice = await stack.signUp("Alice");
    a = client(stack.apiUrl, alice.headers);
    expect((await a.patch("/api/me", { json: { time_zone: "Pacific/Kiritimati" } })).status).toBe(200);
  });
  afterAll(() => stack?.close());

  it("reads marks and dates in words, as wall time in the user's zone, and creates nothing", async () => {
    const res = await a.post<Parsed>("/api/tasks/parse", {
      json: { text: "Dentist dec 24 2027 at 3pm #health !high" },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      title: "Dentist",
      priority: "high",
      tags: ["health"],
      due_at: "2027-12-24T15:00",
    });
    const tasks = await a.get<{ items: unknown[] }>("/api/tasks");
    expect(tasks.body.items).toHaveLength(0);
  });

  it("reads 'tomorrow' from the user's stored zone (UTC+14), a day without a time", async () => {
    const res = await a.post<Parsed>("/api/tasks/parse", { json: { text: "water plants tomorrow p3" } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      title: "water plants",
      priority: "low",
      due_at: localDay("Pacific/Kiritimati", 1),
    });
  });

  it.each([
    [{ text: "pay rent feb 30" }],
    [{ text: "   " }],
    [{ text: "x".repeat(501) }],
    [{ text: 42 }],
    [{}],
  ])("refuses %j with a 400 problem naming text", async (body) => {
    const problem = expectProblem(await a.post("/api/tasks/parse", { json: body }), 400, ["text"]);
    expect(problem.errors?.map((e) => e.field)).toContain("text");
  });

  it("needs a signed-in user", async () => {
    expectProblem(await client(stack.apiUrl).post("/api/tasks/parse", { json: { text: "milk" } }), 401);
  });
});

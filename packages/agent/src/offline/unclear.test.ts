// Only a clear add becomes a task. Impossible dates are errors naming the date, repeats it cannot read and app operations
// without a tool say what the assistant can do, and quick-add marks work in chat.
import { describe, expect, it } from "vitest";
import { planOfflineTurn } from "./plan-offline-turn.js";
import type { KnownTask, OfflinePlan } from "./types.js";

const now = new Date("2026-11-30T09:00:00Z");
const tasks: KnownTask[] = [
  { id: 3, title: "Pay the electricity bill" },
  { id: 4, title: "Dentist appointment", tags: ["work"] },
];
const plan = (say: string): OfflinePlan => planOfflineTurn(say, { now, tasks, lists: [] });
const reply = (say: string): string => {
  const p = plan(say);
  if (p.kind !== "reply") throw new Error(`"${say}" planned ${JSON.stringify(p)}`);
  return p.reply;
};

describe("impossible dates are an error naming the date", () => {
  it.each([
    ["add call mom on feb 30", /February 30/],
    ["remind me to renew the lease on 31 april", /April 31/],
    ["add pay rent on the 32nd", /the 32nd/],
    ["move the dentist appointment to june 31", /June 31/],
    ["add submit report due 2027-02-29", /2027-02-29/],
  ])("%s", (say, named) => {
    expect(reply(say)).toMatch(named);
  });

  it("real dates still work", () => {
    expect(plan("add call mom on feb 28")).toMatchObject({ kind: "tool", arguments: { due: "2027-02-28" } });
    expect(plan("add pay rent on the 31st")).toMatchObject({ kind: "tool", tool: "add_task" });
  });
});

describe("requests it cannot do add nothing and say what it can do", () => {
  it.each([
    "snooze the electricity bill to tomorrow",
    "add stretch every morning",
    "remind me to take my pills twice a day",
    "put out the bins weekly",
    "archive the dentist appointment",
    "the electricity bill to friday",
  ])("%s", (say) => {
    expect(plan(say).kind).toBe("reply");
  });

  it("'add X tag to <task>' tags that task, or says it is not there; it never adds a task", () => {
    expect(plan("add health tag to the dentist appointment")).toEqual({
      kind: "tool",
      tool: "update_task",
      arguments: { task_id: 4, tags: ["work", "health"] },
    });
    expect(plan("add health tag to the gym session").kind).toBe("reply");
  });
});

describe("quick-add marks in chat", () => {
  it.each([
    [
      "add buy milk tomorrow at 10am #groceries !high",
      { title: "buy milk", tags: ["groceries"], priority: "high", due: "2026-12-01T10:00" },
    ],
    ["add call bob next fri 9pm p2", { title: "call bob", priority: "medium", due: "2026-12-11T21:00" }],
    ["fix the leaking tap !low", { title: "fix the leaking tap", priority: "low" }],
    ["add book flights !1 #travel", { title: "book flights", priority: "high", tags: ["travel"] }],
    [
      "add renew passport p3 tomorrow 8:30am",
      { title: "renew passport", priority: "low", due: "2026-12-01T08:30" },
    ],
  ])("%s", (say, args) => {
    expect(plan(say)).toEqual({ kind: "tool", tool: "add_task", arguments: args });
  });
});

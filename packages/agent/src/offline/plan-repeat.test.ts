// Commands on a task's repeat and reminder (plan-repeat.ts): what each sends, and where it asks instead.
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { describe, expect, it } from "vitest";
import { planOfflineTurn } from "./plan-offline-turn.js";
import type { KnownTask, StoredMessage } from "./types.js";

const LA = "America/Los_Angeles";
const now = new Date("2027-03-08T17:00:00Z"); // Monday 8 March 2027, 09:00 PST; clocks go forward on the 14th
const tasks: KnownTask[] = [
  { id: 4, title: "Gym session", due_at: "2027-03-13T17:00:00Z", recurrence_text: "every Saturday" },
  { id: 5, title: "Recurring meeting", due_at: "2027-03-09T17:00:00Z", recurrence_text: "every Tuesday" },
  { id: 6, title: "Physio", due_at: "2027-03-10T17:00:00Z", recurrence_text: "every Wednesday, 3 times" },
  { id: 7, title: "Call the bank" },
];
const plan = (say: string, history?: StoredMessage[]) =>
  planOfflineTurn(say, { now, timeZone: LA, tasks, lists: [], history });

describe("repeat commands", () => {
  it("skipping across the spring-forward change keeps 09:00 local (a wall time the api reads in the zone)", () => {
    expect(plan("skip the gym")).toEqual({
      kind: "tool",
      tool: TOOL.updateTask,
      arguments: { task_id: 4, due: "2027-03-20T09:00" },
    });
  });

  it("'skip this one' right after the assistant named one task acts on that task", () => {
    const history: StoredMessage[] = [
      { role: "user", content: "add physio" },
      { role: "assistant", content: "Added ‘Recurring meeting’ (#5, due Tue 9 Mar 09:00)." },
    ];
    expect(plan("skip this one", history)).toMatchObject({
      kind: "tool",
      arguments: { task_id: 5, due: "2027-03-16T09:00" },
    });
  });

  it("a rule whose wording does not read back is not skipped from chat", () => {
    expect(plan("skip the physio")).toMatchObject({
      kind: "reply",
      reply: expect.stringMatching(/can't work out/),
    });
  });

  it("'cancel the recurring meeting' deletes it; 'stop repeating' ends the repeat", () => {
    expect(plan("cancel the recurring meeting")).toMatchObject({ kind: "tool", tool: TOOL.deleteTask });
    expect(plan("stop repeating the recurring meeting")).toMatchObject({
      kind: "tool",
      arguments: { task_id: 5, recurrence: null },
    });
  });

  it("a reminder before a task without a due time asks for one", () => {
    expect(plan("remind me about task 7 30 min before")).toMatchObject({
      kind: "reply",
      reply: expect.stringMatching(/needs a due time/),
    });
  });
});

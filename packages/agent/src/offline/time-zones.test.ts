import { describe, expect, it } from "vitest";
import { describeToolResult } from "./describe-result.js";
import { planOfflineTurn } from "./plan-offline-turn.js";
import type { OfflinePlan } from "./types.js";

function args(say: string, now: string, timeZone: string): Record<string, unknown> {
  const plan: OfflinePlan = planOfflineTurn(say, { now: new Date(now), tasks: [], lists: [], timeZone });
  if (plan.kind !== "tool") throw new Error(`no tool for "${say}": ${JSON.stringify(plan)}`);
  return plan.arguments;
}

describe("dates are the user's local dates", () => {
  // 06:30 UTC on Dec 1 is still 22:30 on Nov 30 in Los Angeles.
  const la = ["2026-12-01T06:30:00Z", "America/Los_Angeles"] as const;

  it("reads 'tomorrow' in Los Angeles as Dec 1, a day without a time", () => {
    expect(args("add milk tomorrow", ...la).due).toBe("2026-12-01");
    expect(args("add put the bins out today", ...la).due).toBe("2026-11-30");
  });

  it("sends a said time as wall time, without an offset", () => {
    expect(args("add haircut tomorrow at 10am", ...la).due).toBe("2026-12-01T10:00");
    expect(args("call the plumber tonight at 9pm", ...la).due).toBe("2026-11-30T21:00");
  });

  it("reads weekdays and next week from the user's day (Tokyo is already Tuesday Dec 1)", () => {
    const tokyo = ["2026-11-30T16:00:00Z", "Asia/Tokyo"] as const;
    expect(args("add pay rent today", ...tokyo).due).toBe("2026-12-01");
    expect(args("buy stamps friday", ...tokyo).due).toBe("2026-12-04");
    expect(args("add dentist friday 3pm", ...tokyo).due).toBe("2026-12-04T15:00");
  });

  it("keeps the wall time across a daylight-saving change", () => {
    // Saturday 7 Mar 2026 07:00 in New York (EST); clocks go forward on Sunday 8 Mar.
    expect(args("call mom tomorrow at 9am", "2026-03-07T12:00:00Z", "America/New_York").due).toBe(
      "2026-03-08T09:00",
    );
    // 01:30 PDT on Sunday 1 Nov 2026, half an hour before clocks go back.
    expect(
      args("add standup notes tomorrow at 10am", "2026-11-01T08:30:00Z", "America/Los_Angeles").due,
    ).toBe("2026-11-02T10:00");
  });

  it("asks the api for local days and wall times in list windows", () => {
    expect(args("what's due today?", ...la)).toMatchObject({
      due_after: "2026-11-30",
      due_before: "2026-12-01",
    });
    expect(args("what's overdue", ...la)).toMatchObject({
      due_before: "2026-11-30T22:30",
      status: "pending",
    });
  });

  it("shows due instants in the user's zone", () => {
    const reply = describeToolResult(
      "list_tasks",
      {},
      {
        tasks: [{ id: 4, title: "Haircut", completed: false, due_at: "2026-12-01T18:00:00.000Z", tags: [] }],
      },
      false,
      { timeZone: "America/Los_Angeles" },
    );
    expect(reply).toContain("Tue 1 Dec 10:00");
  });
});

// The chat turn knows the user's time zone (contract "Time"): the model is told the user's local date,
// time and zone — from their profile, or from the turn's own `time_zone` — and dates the model sends as
// wall-clock times land at that time in the user's zone.

import { engines } from "@taskflow/testing/databases";
import { contentText } from "@taskflow/testing/llm-mock";
import { beforeAll, describe, expect, it } from "vitest";
import { useLlmChat } from "./chat-helpers";

/** Today's date in a zone, as YYYY-MM-DD, from the platform's zone data. */
const todayIn = (timeZone: string, now = new Date()) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    now,
  );

describe.each(engines)("chat turns in the user's time zone on %s", (engine) => {
  const llm = useLlmChat(engine, { name: "Zoned" });
  beforeAll(async () => {
    const zone = await fetch(`${llm.stack.apiUrl}/api/me`, {
      method: "PATCH",
      headers: { ...llm.user.headers, "content-type": "application/json" },
      body: JSON.stringify({ time_zone: "America/Los_Angeles" }),
    });
    expect(zone.status).toBe(200);
  });

  const systemOf = (index: number) =>
    contentText(llm.mock.requests[index]?.messages.find((m) => m.role === "system"));

  it("tells the model the user's local date and zone from their profile", async () => {
    llm.mock.script({ text: "Hello." });
    const { status } = await llm.chat.send({ message: "what day is it?" });
    expect(status).toBe(200);
    const system = systemOf(0);
    expect(system).toContain("time zone America/Los_Angeles");
    expect(system).toContain(`today is ${todayIn("America/Los_Angeles")}`);
    expect(system).toMatch(/GMT-[78]/);
  });

  it("a turn's own time_zone wins for that turn only; a bad one is a 400 that stores nothing", async () => {
    llm.mock.script({ text: "Konnichiwa." }, { text: "Hi again." });
    expect((await llm.chat.send({ message: "hello from Tokyo", time_zone: "Asia/Tokyo" })).status).toBe(200);
    expect(systemOf(0)).toContain("time zone Asia/Tokyo");
    expect(systemOf(0)).toContain(`today is ${todayIn("Asia/Tokyo")}`);
    expect((await llm.chat.send({ message: "back home" })).status).toBe(200);
    expect(systemOf(1)).toContain("time zone America/Los_Angeles");

    const before = await llm.chat.conversations();
    const bad = await llm.chat.send({ message: "hello", time_zone: "Mars/Olympus" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("time_zone");
    expect(await llm.chat.conversations()).toEqual(before);
    expect(llm.mock.requests).toHaveLength(2);
  });

  it("a wall-clock time the model sends to add_task is that time in the user's zone", async () => {
    llm.mock.script(
      { toolCalls: [{ name: "add_task", arguments: { title: "Haircut", due: "2026-12-01T10:00" } }] },
      { text: "Added." },
    );
    expect((await llm.chat.send({ message: "add haircut on Dec 1 at 10am" })).status).toBe(200);
    expect((await llm.chat.tasks()).items.find((t) => t.title === "Haircut")).toMatchObject({
      due_at: "2026-12-01T18:00:00.000Z",
      all_day: false,
    });
  });
});

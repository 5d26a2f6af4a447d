// The chat turn knows the user's time zone (contract "Time"): the model is told the user's local date,
// time and zone — from their profile, or from the turn's own `time_zone` — and dates the model sends as
// wall-clock times land at that time in the user's zone.

import { engines } from "@taskflow/testing/databases";
import { contentText, type LlmMock, startLlmMock } from "@taskflow/testing/llm-mock";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chatClient } from "./chat-helpers";

/** Today's date in a zone, as YYYY-MM-DD, from the platform's zone data. */
const todayIn = (timeZone: string, now = new Date()) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    now,
  );

describe.each(engines)("chat turns in the user's time zone on %s", (engine) => {
  let mock: LlmMock;
  let stack: TestStack;
  let user: TestUser;
  let chat: ReturnType<typeof chatClient>;

  beforeAll(async () => {
    mock = await startLlmMock();
    stack = await startTestStack(engine, {
      env: { OPENAI_API_KEY: "test", OPENAI_BASE_URL: mock.baseUrl, OPENAI_MODEL: "mock" },
    });
    user = await stack.signUp("Zoned");
    const zone = await fetch(`${stack.apiUrl}/api/me`, {
      method: "PATCH",
      headers: { ...user.headers, "content-type": "application/json" },
      body: JSON.stringify({ time_zone: "America/Los_Angeles" }),
    });
    expect(zone.status).toBe(200);
    chat = chatClient(stack, user);
  });
  afterAll(async () => {
    await stack?.close();
    await mock?.close();
  });
  beforeEach(() => mock.reset());

  const systemOf = (index: number) =>
    contentText(mock.requests[index]?.messages.find((m) => m.role === "system"));

  it("tells the model the user's local date and zone from their profile", async () => {
    mock.script({ text: "Hello." });
    const { status } = await chat.send({ message: "what day is it?" });
    expect(status).toBe(200);
    const system = systemOf(0);
    expect(system).toContain("time zone America/Los_Angeles");
    expect(system).toContain(`today is ${todayIn("America/Los_Angeles")}`);
    expect(system).toMatch(/GMT-[78]/);
  });

  it("a turn's own time_zone wins for that turn only; a bad one is a 400 that stores nothing", async () => {
    mock.script({ text: "Konnichiwa." }, { text: "Hi again." });
    expect((await chat.send({ message: "hello from Tokyo", time_zone: "Asia/Tokyo" })).status).toBe(200);
    expect(systemOf(0)).toContain("time zone Asia/Tokyo");
    expect(systemOf(0)).toContain(`today is ${todayIn("Asia/Tokyo")}`);
    expect((await chat.send({ message: "back home" })).status).toBe(200);
    expect(systemOf(1)).toContain("time zone America/Los_Angeles");

    const before = await fetch(`${stack.apiUrl}/api/conversations`, { headers: user.headers }).then((r) =>
      r.json(),
    );
    const bad = await chat.send({ message: "hello", time_zone: "Mars/Olympus" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("time_zone");
    const after = await fetch(`${stack.apiUrl}/api/conversations`, { headers: user.headers }).then((r) =>
      r.json(),
    );
    expect(after).toEqual(before);
    expect(mock.requests).toHaveLength(2);
  });

  it("a wall-clock time the model sends to add_task is that time in the user's zone", async () => {
    mock.script(
      { toolCalls: [{ name: "add_task", arguments: { title: "Haircut", due: "2026-12-01T10:00" } }] },
      { text: "Added." },
    );
    expect((await chat.send({ message: "add haircut on Dec 1 at 10am" })).status).toBe(200);
    const tasks = (await fetch(`${stack.apiUrl}/api/tasks`, { headers: user.headers }).then((r) =>
      r.json(),
    )) as {
      items: { title: string; due_at: string; all_day: boolean }[];
    };
    expect(tasks.items.find((t) => t.title === "Haircut")).toMatchObject({
      due_at: "2026-12-01T18:00:00.000Z",
      all_day: false,
    });
  });
});

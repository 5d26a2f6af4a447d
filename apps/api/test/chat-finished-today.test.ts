// "What did I finish today?" answered by the offline assistant from when each task was completed, in the
// user's day: list_tasks carries completed_at, so the answer is exact rather than every completed task.

import { engines } from "@taskflow/testing/databases";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatTurn, chatClient } from "./chat-helpers";

describe.each(engines)("offline: what did I finish today, on %s", (engine) => {
  let stack: TestStack;
  let user: TestUser;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    user = await stack.signUp("Finisher");
    const json = { ...user.headers, "content-type": "application/json" };
    await fetch(`${stack.apiUrl}/api/me`, {
      method: "PATCH",
      headers: json,
      body: JSON.stringify({ time_zone: "America/Los_Angeles" }),
    });
    const create = async (title: string) =>
      (
        (await (
          await fetch(`${stack.apiUrl}/api/tasks`, {
            method: "POST",
            headers: json,
            body: JSON.stringify({ title }),
          })
        ).json()) as { id: number }
      ).id;
    const done = async (id: number) =>
      fetch(`${stack.apiUrl}/api/tasks/${id}/complete`, { method: "PATCH", headers: user.headers });
    await done(await create("Paid the rent"));
    const old = await create("Filed the old report");
    await done(old);
    await stack.db.database.execute(
      "update tasks set completed_at = now() - interval '3 days' where id = $1",
      [old],
    );
    await create("Still pending");
  });
  afterAll(() => stack?.close());

  it("lists only what was completed today in the user's zone", async () => {
    const { status, body } = await chatClient(stack, user).send({ message: "what did I finish today?" });
    expect(status).toBe(200);
    const reply = (body as ChatTurn).response;
    expect(reply).toContain("Paid the rent");
    expect(reply).not.toContain("Filed the old report");
    expect(reply).not.toContain("Still pending");
    expect(reply).not.toMatch(/can't see when/);
  });
});

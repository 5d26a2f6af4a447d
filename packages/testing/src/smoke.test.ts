import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "./databases";
import { startTestStack, type TestStack } from "./stack";

describe.each(engines)("test stack on %s", (engine) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(engine);
  });
  afterAll(() => stack.close());

  it("signs up, chats a task into existence through MCP, and lists it over REST", async () => {
    const user = await stack.signUp();
    const chat = await fetch(`${stack.apiUrl}/api/chat`, {
      method: "POST",
      headers: { ...user.headers, "content-type": "application/json" },
      body: JSON.stringify({ message: "add buy milk #groceries" }),
    });
    expect(chat.status).toBe(200);
    const list = await fetch(`${stack.apiUrl}/api/tasks`, { headers: user.headers });
    const body = (await list.json()) as { items: { title: string; tags: string[] }[] };
    expect(body.items).toEqual([expect.objectContaining({ title: "buy milk", tags: ["groceries"] })]);
  });
});

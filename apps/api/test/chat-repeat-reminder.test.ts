// Issue 11's headline through the offline assistant and quick add: "water the plants every saturday at 9,
// remind me at 8:30" said by a user in Los Angeles becomes a task repeating every Saturday at 09:00 there,
// with a reminder at 08:30 that Saturday, whether it is said in chat (POST /api/chat, no LLM) or typed in
// the add field (POST /api/tasks/parse, then POST /api/tasks with what it read, as the board does).
// Then, in chat: "skip task N" moves it a week on without counting a completion, "stop repeating task N"
// clears the rule, and "undo" puts the rule back.

import { engines } from "@taskflow/testing/databases";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { dayFromToday, wallIn, weekdayOf } from "@taskflow/testing/zoned-clock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatTurn, chatClient } from "./chat-helpers";

const LA = "America/Los_Angeles";
const HEADLINE = "water the plants every saturday at 9, remind me at 8:30";

interface StoredTask {
  id: number;
  title: string;
  due_at: string;
  all_day: boolean;
  recurrence: string | null;
  recurrence_text: string | null;
  completed_count: number;
  remind_at: string | null;
  completed: boolean;
}

/** The first Saturday in Los Angeles whose 09:00 is still ahead. */
function firstSaturdayNine(): string {
  for (let offset = 0; ; offset++) {
    const day = dayFromToday(LA, offset);
    if (weekdayOf(day) !== 6) continue;
    if (offset > 0 || wallIn(new Date().toISOString(), LA).slice(11) < "09:00") return day;
  }
}

const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(engines)("a repeating task with a reminder, said in words, on %s", (engine) => {
  let stack: TestStack;
  let headers: Record<string, string>;
  let chat: ReturnType<typeof chatClient>;

  const task = async (id: number): Promise<StoredTask> => {
    const response = await fetch(`${stack.apiUrl}/api/tasks/${id}`, { headers });
    expect(response.status).toBe(200);
    return (await response.json()) as StoredTask;
  };
  /** One conversation: "undo" reverts the last change of the conversation it is said in. */
  let conversationId: number | undefined;
  const say = async (message: string): Promise<ChatTurn> => {
    const { status, body } = await chat.send({
      message,
      ...(conversationId === undefined ? {} : { conversation_id: conversationId }),
    });
    expect(status, JSON.stringify(body)).toBe(200);
    conversationId = (body as ChatTurn).conversation_id;
    return body as ChatTurn;
  };

  beforeAll(async () => {
    stack = await startTestStack(engine);
    const user = await stack.signUp("Plant Person");
    headers = user.headers;
    chat = chatClient(stack, user);
    const zone = await fetch(`${stack.apiUrl}/api/me`, {
      method: "PATCH",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ time_zone: LA }),
    });
    expect(zone.status).toBe(200);
  });
  afterAll(() => stack?.close());

  const expectHeadlineTask = (stored: StoredTask, saturday: string) => {
    expect(stored).toMatchObject({
      title: "water the plants",
      all_day: false,
      completed: false,
      recurrence: "FREQ=WEEKLY;BYDAY=SA",
      recurrence_text: "every Saturday",
      completed_count: 0,
    });
    expect(wallIn(stored.due_at, LA)).toBe(`${saturday} 09:00`);
    expect(wallIn(stored.remind_at ?? "", LA)).toBe(`${saturday} 08:30`);
  };

  it("in chat (offline assistant): one add_task with the rule, the due and the reminder in the user's zone", async () => {
    const saturday = firstSaturdayNine();
    const turn = await say(HEADLINE);
    expect(turn.tool_calls).toHaveLength(1);
    expect(turn.tool_calls[0]).toMatchObject({
      tool: "add_task",
      arguments: {
        title: "water the plants",
        due: `${saturday}T09:00`,
        recurrence: "FREQ=WEEKLY;BYDAY=SA",
        remind_at: `${saturday}T08:30`,
      },
    });
    // The reply says how it repeats (the tool's recurrence_text) and when the reminder is.
    expect(turn.response).toMatch(/repeats every Saturday, reminder [^)]*8:30/);
    const id = (turn.tool_calls[0]?.result as { task_id: number } | undefined)?.task_id ?? -1;
    expectHeadlineTask(await task(id), saturday);

    // Skip: a week on, the reminder with it, no completion counted.
    const skipped = await say(`skip task ${id}`);
    expect(skipped.tool_calls[0]).toMatchObject({ tool: "update_task" });
    const next = await task(id);
    expect(wallIn(next.due_at, LA)).toBe(`${plusDays(saturday, 7)} 09:00`);
    expect(wallIn(next.remind_at ?? "", LA)).toBe(`${plusDays(saturday, 7)} 08:30`);
    expect(next).toMatchObject({ completed_count: 0, completed: false, recurrence: "FREQ=WEEKLY;BYDAY=SA" });

    // Stop repeating, then undo: the rule comes back from its wording.
    await say(`stop repeating task ${id}`);
    expect(await task(id)).toMatchObject({ recurrence: null, recurrence_text: null });
    const undone = await say("undo");
    expect(undone.response).toMatch(/^Undone\./);
    expect(await task(id)).toMatchObject({
      recurrence: "FREQ=WEEKLY;BYDAY=SA",
      recurrence_text: "every Saturday",
    });
  });

  it("in the add field: POST /api/tasks/parse reads it, and the task made from it is the same", async () => {
    const saturday = firstSaturdayNine();
    const parsed = await fetch(`${stack.apiUrl}/api/tasks/parse`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ text: HEADLINE }),
    });
    expect(parsed.status).toBe(200);
    const fields = (await parsed.json()) as Record<string, string>;
    expect(fields).toEqual({
      title: "water the plants",
      due_at: `${saturday}T09:00`,
      recurrence: "FREQ=WEEKLY;BYDAY=SA",
      remind_at: `${saturday}T08:30`,
    });
    const created = await chat.createTask(fields);
    expectHeadlineTask(await task(created.id), saturday);
  });

  it("a repeat without its day is refused in both, and nothing is added", async () => {
    const before = (await chat.tasks()).items.length;
    const turn = await say("put out the bins weekly");
    expect(turn.tool_calls).toEqual([]);
    expect(turn.response).toMatch(/which day/);
    const parsed = await fetch(`${stack.apiUrl}/api/tasks/parse`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ text: "put out the bins weekly" }),
    });
    expect(parsed.status).toBe(400);
    expect((await chat.tasks()).items).toHaveLength(before);
  });
});

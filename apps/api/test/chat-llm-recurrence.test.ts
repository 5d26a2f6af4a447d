// The LLM agent sets a repeat and a reminder through the MCP tools (contract "Recurrence", "Reminders"):
// the model, played by a local OpenAI-compatible mock, is offered add_task with `recurrence` and
// `remind_at`, calls it with "every saturday", and the task is stored with the RRULE and the reminder in
// the user's zone.

import { engines } from "@taskflow/testing/databases";
import { contentText, type RecordedRequest } from "@taskflow/testing/llm-mock";
import { dayFromToday, wallIn, weekdayOf } from "@taskflow/testing/zoned-clock";
import { describe, expect, it } from "vitest";
import { type ChatTurn, useLlmChat } from "./chat-helpers";

const LA = "America/Los_Angeles";

/** The next Saturday after today in `zone`, YYYY-MM-DD. */
function nextSaturday(zone: string): string {
  for (let offset = 1; ; offset++) {
    const day = dayFromToday(zone, offset);
    if (weekdayOf(day) === 6) return day;
  }
}

describe.each(engines)("the LLM agent adds a recurring task with a reminder on %s", (engine) => {
  const llm = useLlmChat(engine, { name: "Recurring User" });

  it("offers recurrence and remind_at in add_task; the model's call stores the RRULE and the reminder", async () => {
    const zone = await fetch(`${llm.stack.apiUrl}/api/me`, {
      method: "PATCH",
      headers: { ...llm.user.headers, "content-type": "application/json" },
      body: JSON.stringify({ time_zone: LA }),
    });
    expect(zone.status).toBe(200);
    const saturday = nextSaturday(LA);
    const args = {
      title: "Water the plants",
      due: `${saturday}T09:00`,
      recurrence: "every saturday",
      remind_at: `${saturday}T08:30`,
    };
    llm.mock.script({ toolCalls: [{ name: "add_task", arguments: args }] }, (request) => ({
      text: /every Saturday/.test(contentText(request.messages.at(-1)))
        ? "Added: it repeats every Saturday at 9, with a reminder at 8:30."
        : "The tool result did not say how it repeats.",
    }));

    const { status, body } = await llm.chat.send({
      message: "water the plants every saturday at 9, remind me at 8:30",
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const turn = body as ChatTurn;
    expect(turn.response).toBe("Added: it repeats every Saturday at 9, with a reminder at 8:30.");

    const [first] = llm.mock.requests as [RecordedRequest];
    const addTask = first.tools.find((tool) => tool.function.name === "add_task");
    const properties = addTask?.function.parameters.properties as Record<string, { description?: string }>;
    expect(properties.recurrence?.description).toMatch(/RRULE.*every weekday/);
    expect(properties.remind_at?.description).toMatch(/remind/i);
    expect(first.tools.map((tool) => tool.function.name)).toContain("find_tasks_by_date");

    const task = (await llm.chat.tasks()).items.find((t) => t.title === "Water the plants") as unknown as {
      id: number;
      due_at: string;
      recurrence: string;
      recurrence_text: string;
      remind_at: string;
      completed_count: number;
    };
    expect(task).toMatchObject({
      recurrence: "FREQ=WEEKLY;BYDAY=SA",
      recurrence_text: "every Saturday",
      completed_count: 0,
    });
    expect(wallIn(task.due_at, LA)).toBe(`${saturday} 09:00`);
    expect(wallIn(task.remind_at, LA)).toBe(`${saturday} 08:30`);
    expect(turn.tool_calls).toEqual([
      {
        tool: "add_task",
        arguments: args,
        result: {
          task_id: task.id,
          status: "created",
          title: "Water the plants",
          due_at: task.due_at,
          recurrence_text: "every Saturday",
          remind_at: task.remind_at,
        },
      },
    ]);
  });
});

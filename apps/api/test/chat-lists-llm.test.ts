// The LLM agent and lists: the system prompt says lists exist and to call list_lists when unsure, the
// model is offered the list tools, and its update_task call with `list: "Health"` (played by the local
// OpenAI-compatible mock) moves the task into the list through the real MCP server.
import { engines } from "@taskflow/testing/databases";
import { client } from "@taskflow/testing/http";
import { contentText, type RecordedRequest } from "@taskflow/testing/llm-mock";
import { describe, expect, it } from "vitest";
import { type ChatTurn, useLlmChat } from "./chat-helpers";

describe.each(engines)("the LLM agent moves a task to a list on %s", (engine) => {
  const llm = useLlmChat(engine, { name: "Listing User" });

  it("tells the model about lists and moves the task when it calls update_task with list", async () => {
    const api = client(llm.stack.apiUrl, llm.user.headers);
    const post = async (path: string, json: unknown) => {
      const created = await api.post<{ id: number }>(path, { json });
      expect(created.status, created.text).toBe(201);
      return created.body;
    };
    const health = await post("/api/lists", { name: "Health" });
    const dentist = await post("/api/tasks", { title: "Dentist" });

    llm.mock.script(
      { toolCalls: [{ name: "list_lists", arguments: {} }] },
      { toolCalls: [{ name: "update_task", arguments: { task_id: dentist.id, list: "Health" } }] },
      (request) => ({
        text: /"status":"updated"/.test(contentText(request.messages.at(-1)))
          ? "Moved the dentist task to Health."
          : "The move did not go through.",
      }),
    );
    const { status, body } = await llm.chat.send({ message: "move the dentist task to Health" });
    expect(status, JSON.stringify(body)).toBe(200);
    const turn = body as ChatTurn;
    expect(turn.response).toBe("Moved the dentist task to Health.");
    expect(turn.tool_calls.map((c) => c.tool)).toEqual(["list_lists", "update_task"]);
    expect(turn.tool_calls[0]?.result).toMatchObject({
      lists: [{ id: health.id, name: "Health", task_count: 0 }],
    });

    const [first] = llm.mock.requests as [RecordedRequest];
    const system = contentText(first.messages.find((m) => m.role === "system"));
    expect(system).toMatch(/lists/);
    expect(system).toContain("list_lists");
    const offered = first.tools.map((tool) => tool.function.name);
    expect(offered).toEqual(
      expect.arrayContaining(["list_lists", "create_list", "rename_list", "delete_list"]),
    );
    const update = first.tools.find((tool) => tool.function.name === "update_task");
    const properties = update?.function.parameters.properties as Record<string, { description?: string }>;
    expect(properties.list?.description).toMatch(/list/i);

    const task = await api.get<{ list_id: number | null }>(`/api/tasks/${dentist.id}`);
    expect(task.body.list_id).toBe(health.id);
  });
});

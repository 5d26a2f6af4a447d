// MCP scenarios (Streamable HTTP, stateless, JSON responses) and the chat turn through the offline agent.
import type autocannon from "autocannon";
import { type AgainstOld, type BenchContext, run } from "../lib/context";
import type { LoadResult, Scenario } from "../lib/load";
import type { RestRow } from "../lib/report";
import type { SeededUser } from "../lib/seed";
import type { Stack } from "../lib/services";

const MCP_HEADERS = (token: string) => ({
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
  "mcp-protocol-version": "2025-06-18",
  authorization: `Bearer ${token}`,
});
const toolCall = (name: string, args: Record<string, unknown>) =>
  JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } });
const CHAT_MESSAGES = [
  "add call the plumber tomorrow #home",
  "show my pending tasks",
  "add pay the rent on friday high priority",
];

export function mcpScenarios(mcpUrl: string, personalToken: string): [string, Scenario][] {
  const headers = MCP_HEADERS(personalToken);
  return [
    [
      "MCP list_tasks",
      {
        url: mcpUrl,
        connections: 50,
        requests: [{ method: "POST", path: "/mcp", headers, body: toolCall("list_tasks", {}) }],
      },
    ],
    [
      "MCP add_task",
      {
        url: mcpUrl,
        connections: 50,
        idReplacement: true,
        requests: [
          {
            method: "POST",
            path: "/mcp",
            headers,
            body: toolCall("add_task", { title: "mcp bench [<id>]", tags: ["bench"] }),
          },
        ],
      },
    ],
  ];
}

function chatScenario(apiUrl: string, token: string): Scenario {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const requests: autocannon.Request[] = CHAT_MESSAGES.map((message) => ({
    method: "POST",
    path: "/api/chat",
    headers,
    body: JSON.stringify({ message }),
  }));
  return { url: apiUrl, connections: 20, requests };
}

/** One call of each kind before loading, so a broken scenario fails loudly instead of measuring errors. */
export async function sanityCheck(stack: Stack, user: SeededUser) {
  const list = await fetch(`${stack.apiUrl}/api/tasks?limit=50`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  const body = (await list.json()) as { items?: unknown[] };
  if (list.status !== 200 || body.items?.length !== 50)
    throw new Error(`GET /api/tasks answered ${list.status}`);
  const mcp = await fetch(`${stack.mcpUrl}/mcp`, {
    method: "POST",
    headers: MCP_HEADERS(user.personalToken),
    body: toolCall("list_tasks", {}),
  });
  const rpc = (await mcp.json()) as {
    result?: { isError?: boolean; structuredContent?: { tasks?: unknown[] } };
  };
  if (mcp.status !== 200 || rpc.result?.isError || rpc.result?.structuredContent?.tasks?.length !== 50) {
    throw new Error(`MCP list_tasks answered ${mcp.status} ${JSON.stringify(rpc).slice(0, 300)}`);
  }
  const chat = await fetch(`${stack.apiUrl}/api/chat`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
    body: JSON.stringify({ message: CHAT_MESSAGES[0] }),
  });
  const turn = (await chat.json()) as { tool_calls?: { tool: string }[] };
  if (chat.status !== 200 || turn.tool_calls?.[0]?.tool !== "add_task")
    throw new Error(`chat answered ${chat.status} ${JSON.stringify(turn).slice(0, 300)}`);
}

/** The MCP scenarios, then the chat turn, each followed by the old build's round when there is one. */
export async function mcpRounds(
  bench: BenchContext,
  stack: Stack,
  user: SeededUser,
  old: { stack: Stack; user: SeededUser } | undefined,
  againstOld: AgainstOld,
): Promise<{ mcp: RestRow[]; chat: LoadResult }> {
  const mcp: RestRow[] = [];
  const oldMcp = old ? mcpScenarios(old.stack.mcpUrl, old.user.personalToken) : [];
  for (const [i, [name, scenario]] of mcpScenarios(stack.mcpUrl, user.personalToken).entries()) {
    const app = await run(bench, name, scenario, bench.durationS);
    mcp.push({ name, app });
    await againstOld(name, app, oldMcp[i]?.[1]);
  }
  const chat = await run(bench, "chat turn", chatScenario(stack.apiUrl, user.token), bench.durationS);
  await againstOld("chat turn", chat, old ? chatScenario(old.stack.apiUrl, old.user.token) : undefined);
  return { mcp, chat };
}

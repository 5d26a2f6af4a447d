// What the MCP test files share: a personal token made through REST, an official SDK client connected
// with it over real HTTP, a tool call and its text, and a task made through REST to act on.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { TestStack, TestUser } from "@taskflow/testing/stack";
import { expect } from "vitest";

/** A personal access token for `user`, made through REST as the tokens page does (expects 201). */
export async function createPersonalToken(
  stack: TestStack,
  user: TestUser,
  name: string,
): Promise<{ id: number; token: string }> {
  const response = await fetch(`${stack.apiUrl}/api/tokens`, {
    method: "POST",
    headers: { ...user.headers, "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: number; token: string };
}

/** An SDK client connected to the stack's MCP endpoint, sending `token` as its bearer token. */
export async function connectWithToken(stack: TestStack, token: string): Promise<Client> {
  const client = new Client({ name: "taskflow-test", version: "0.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(stack.mcpUrl), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

/** A client for `user` through a new personal token, with the tools listed: listing them makes the
 * client validate each structured result against its tool's outputSchema. */
export async function connectAs(stack: TestStack, user: TestUser, tokenName: string): Promise<Client> {
  const { token } = await createPersonalToken(stack, user, tokenName);
  const client = await connectWithToken(stack, token);
  await client.listTools();
  return client;
}

export const callTool = async (client: Client, name: string, args: Record<string, unknown>) =>
  (await client.callTool({ name, arguments: args })) as CallToolResult;

/** The text parts of a tool result, joined by newlines. */
export const textOf = (result: CallToolResult) =>
  result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");

/** A task made through REST as `user` (expects 201). */
export async function restCreateTask<T>(
  stack: TestStack,
  user: TestUser,
  body: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${stack.apiUrl}/api/tasks`, {
    method: "POST",
    headers: { ...user.headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as T;
}

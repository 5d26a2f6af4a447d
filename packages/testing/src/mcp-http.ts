// MCP over plain HTTP, without the SDK client: one JSON-RPC message POSTed to the Streamable HTTP
// endpoint, as a stateless caller sends it, to see the HTTP status and body a given token gets.

/** The headers an MCP Streamable HTTP POST carries, with `Authorization: Bearer <token>` when given. */
export function mcpHeaders(token?: string): Record<string, string> {
  return {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
  };
}

/** POSTs a JSON-RPC `tools/call` of `name` with `args` to `mcpUrl` (…/mcp) as the holder of `token`. */
export function mcpToolCall(
  mcpUrl: string,
  token: string | undefined,
  name: string,
  args: Record<string, unknown> = {},
): Promise<Response> {
  return fetch(mcpUrl, {
    method: "POST",
    headers: mcpHeaders(token),
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } }),
  });
}

import { describe, expect, it } from "vitest";
import { mcpSnippets } from "./snippets";

const URL = "https://tasks.example.com/mcp";
const TOKEN = "tfp_abc123";
const byId = (id: string) => mcpSnippets(URL, TOKEN).find((snippet) => snippet.id === id);

describe("MCP client snippets", () => {
  it("Claude Desktop: mcp-remote with a space-free header argument and the token in env", () => {
    const config = JSON.parse(byId("claude")?.code ?? "");
    const server = config.mcpServers.taskflow;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder mcp-remote fills from env
    expect(server.args).toEqual(["mcp-remote", URL, "--header", "Authorization:${AUTH_HEADER}"]);
    for (const arg of server.args) expect(arg).not.toMatch(/\s/);
    expect(server.env).toEqual({ AUTH_HEADER: `Bearer ${TOKEN}` });
  });

  it("OAuth clients get the URL only, never the token", () => {
    for (const id of ["oauth", "chatgpt", "vscode", "claude-code"]) {
      const snippet = byId(id);
      expect(snippet?.code, id).toContain(URL);
      expect(snippet?.code, id).not.toContain(TOKEN);
      expect(snippet?.usesToken, id).toBe(false);
    }
    expect(JSON.parse(byId("vscode")?.code ?? "")).toEqual({
      servers: { taskflow: { type: "http", url: URL } },
    });
  });

  it("token clients carry the bearer header", () => {
    expect(JSON.parse(byId("cursor")?.code ?? "").mcpServers.taskflow.headers).toEqual({
      Authorization: `Bearer ${TOKEN}`,
    });
    expect(byId("inspector")?.code).toContain(`--header "Authorization: Bearer ${TOKEN}"`);
  });
});

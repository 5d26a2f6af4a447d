// Copy-paste configuration for the MCP clients people actually use. Clients that speak OAuth need only
// the URL (they sign in through Taskflow's consent page); the others take a personal token.

export type Snippet = {
  id: "claude" | "oauth" | "chatgpt" | "vscode" | "claude-code" | "cursor" | "inspector";
  label: string;
  where: string;
  language: string;
  code: string;
  /** Uses a personal token (the others sign in with OAuth). */
  usesToken: boolean;
};

export function mcpSnippets(mcpUrl: string, token: string): Snippet[] {
  const auth = `Bearer ${token}`;
  return [
    {
      id: "claude",
      label: "Claude Desktop (token)",
      where:
        "Settings → Developer → Edit Config (claude_desktop_config.json), then restart Claude Desktop. The token sits in env and the header argument has no spaces, the form mcp-remote documents as safe on Windows.",
      language: "json",
      code: JSON.stringify(
        {
          mcpServers: {
            taskflow: {
              command: "npx",
              // mcp-remote substitutes ${AUTH_HEADER} from env: the literal placeholder is the point.
              // biome-ignore lint/suspicious/noTemplateCurlyInString: mcp-remote fills it in, not JavaScript
              args: ["mcp-remote", mcpUrl, "--header", "Authorization:${AUTH_HEADER}"],
              env: { AUTH_HEADER: auth },
            },
          },
        },
        null,
        2,
      ),
      usesToken: true,
    },
    {
      id: "oauth",
      label: "claude.ai / Claude Desktop (sign in)",
      where:
        "Settings → Connectors → Add custom connector: name it Taskflow, paste this URL, then Connect. Sign in to Taskflow and approve; no token needed.",
      language: "text",
      code: mcpUrl,
      usesToken: false,
    },
    {
      id: "chatgpt",
      label: "ChatGPT",
      where:
        "Settings → Apps & Connectors → Advanced settings: turn on Developer mode, then Create: name Taskflow, this URL as the MCP server URL, authentication OAuth. Sign in to Taskflow and approve.",
      language: "text",
      code: mcpUrl,
      usesToken: false,
    },
    {
      id: "vscode",
      label: "VS Code",
      where:
        "Save as .vscode/mcp.json (or run “MCP: Add Server…” → HTTP and paste the URL). VS Code asks you to sign in to Taskflow on first use.",
      language: "json",
      code: JSON.stringify({ servers: { taskflow: { type: "http", url: mcpUrl } } }, null, 2),
      usesToken: false,
    },
    {
      id: "claude-code",
      label: "Claude Code",
      where: "Run in a terminal, then type /mcp in Claude Code and choose Authenticate to sign in.",
      language: "shell",
      code: `claude mcp add --transport http taskflow ${mcpUrl}`,
      usesToken: false,
    },
    {
      id: "cursor",
      label: "Cursor",
      where: "Add to ~/.cursor/mcp.json (or .cursor/mcp.json in a project).",
      language: "json",
      code: JSON.stringify(
        { mcpServers: { taskflow: { url: mcpUrl, headers: { Authorization: auth } } } },
        null,
        2,
      ),
      usesToken: true,
    },
    {
      id: "inspector",
      label: "MCP Inspector",
      where:
        "Run in a terminal to list the tools; swap in --method tools/call --tool-name add_task --tool-arg title=Milk to add one.",
      language: "shell",
      code: `npx @modelcontextprotocol/inspector@2.12.0 --cli ${mcpUrl} \\\n  --method tools/list \\\n  --header "Authorization: ${auth}"`,
      usesToken: true,
    },
  ];
}

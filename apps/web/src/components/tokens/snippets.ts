// Copy-paste configuration for the MCP clients people actually use.

export type Snippet = {
  id: "claude" | "cursor" | "inspector";
  label: string;
  where: string;
  language: string;
  code: string;
};

export function mcpSnippets(mcpUrl: string, token: string): Snippet[] {
  const auth = `Bearer ${token}`;
  return [
    {
      id: "claude",
      label: "Claude Desktop",
      where: "Settings → Developer → Edit Config (claude_desktop_config.json), then restart Claude Desktop.",
      language: "json",
      code: JSON.stringify(
        {
          mcpServers: {
            taskflow: { command: "npx", args: ["mcp-remote", mcpUrl, "--header", `Authorization: ${auth}`] },
          },
        },
        null,
        2,
      ),
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
    },
    {
      id: "inspector",
      label: "MCP Inspector",
      where:
        "Run in a terminal to list the tools; swap in --method tools/call --tool-name add_task --tool-arg title=Milk to add one.",
      language: "shell",
      code: `npx @modelcontextprotocol/inspector@2.12.0 --cli ${mcpUrl} \\\n  --method tools/list \\\n  --header "Authorization: ${auth}"`,
    },
  ];
}

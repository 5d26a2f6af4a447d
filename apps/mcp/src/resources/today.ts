import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { RESOURCE } from "@taskflow/contracts/mcp-tools";
import { getOverview } from "@taskflow/core/tasks";
import { contextOf, type ToolDeps } from "../tools/tool-context";

const MIME_TYPE = "application/json";

/**
 * The caller's day as JSON: today's date and zone, the counts, the overdue tasks and what is due later
 * today. The user comes from the request's token, as for the tools.
 */
export async function todayContents(deps: ToolDeps, extra: { authInfo?: AuthInfo | undefined }) {
  const context = contextOf(deps, extra);
  const { next_up: _later, ...today } = await getOverview(context.db, context.userId);
  return { uri: RESOURCE.today, mimeType: MIME_TYPE, text: JSON.stringify(today, null, 2) };
}

export function registerTodayResource(server: McpServer, deps: ToolDeps) {
  server.registerResource(
    "today",
    RESOURCE.today,
    {
      title: "Today",
      description:
        "The signed-in user's day: overdue tasks, tasks due today and the counts, in their time zone (JSON).",
      mimeType: MIME_TYPE,
    },
    async (_uri, extra) => ({ contents: [await todayContents(deps, extra)] }),
  );
}

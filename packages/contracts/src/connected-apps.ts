import { z } from "zod";

/**
 * What an OAuth client (claude.ai, ChatGPT, VS Code…) may be granted on the MCP server. `tasks:read`
 * reads tasks; `tasks:write` also adds, changes, completes, deletes and restores them;
 * `offline_access` lets the client stay connected (a refresh token) without asking again.
 */
export const MCP_SCOPES = ["tasks:read", "tasks:write"] as const;
export type McpScope = (typeof MCP_SCOPES)[number];
export const OAUTH_SCOPES = [...MCP_SCOPES, "offline_access"] as const;
export type OAuthScope = (typeof OAUTH_SCOPES)[number];

/** A client the user connected through OAuth, as the Connect AI tools page lists it. */
export const connectedAppSchema = z.object({
  client_id: z.string(),
  name: z.string().describe("The name the client registered with (or its client id)"),
  uri: z.string().nullable(),
  scopes: z.array(z.string()),
  connected_at: z.string(),
  last_used_at: z.string().nullable().describe("The last MCP call made with its tokens"),
});
export const connectedAppListSchema = z.object({ apps: z.array(connectedAppSchema) });
export type ConnectedApp = z.infer<typeof connectedAppSchema>;
export type ConnectedAppList = z.infer<typeof connectedAppListSchema>;

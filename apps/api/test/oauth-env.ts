// The api's environment in the OAuth tests that run it on PostgreSQL: test mode, sign-in rate limit
// out of the way, and an MCP resource nothing listens on (the authorization server only names it).
import { type ApiEnv, parseApiEnv } from "@taskflow/api/env";

export const UNUSED_MCP_URL = "http://127.0.0.1:9/mcp";

/** The env for an api started on `DATABASE_URL` with its own secrets (and any more settings). */
export function oauthApiEnv(settings: Record<string, string>): ApiEnv {
  return parseApiEnv({
    NODE_ENV: "test",
    AUTH_RATE_LIMIT: "1000",
    BETTER_AUTH_URL: "http://localhost:3000",
    MCP_URL: UNUSED_MCP_URL,
    MCP_PUBLIC_URL: UNUSED_MCP_URL,
    ...settings,
  });
}

// The ports and URLs `npm start` / `npm run dev` give the services. Each follows the port variables
// unless set explicitly: moving the web to WEB_PORT moves the public URL (the origin Better Auth
// accepts sign-ins from) with it, and MCP_PORT moves the MCP URL shown on the tokens page.
export interface LauncherAddresses {
  webPort: string;
  apiPort: string;
  mcpPort: string;
  /** Where the web forwards /api (loopback). */
  apiUrl: string;
  /** Where the api's chat agent reaches mcp (loopback). */
  mcpUrl: string;
  /** BETTER_AUTH_URL: the address people open. */
  publicUrl: string;
  /** MCP_PUBLIC_URL: the address people give their AI tools. */
  mcpPublicUrl: string;
}

export function launcherAddresses(env: Record<string, string | undefined>): LauncherAddresses {
  const webPort = env.WEB_PORT || "3000";
  const apiPort = env.API_PORT || "8000";
  const mcpPort = env.MCP_PORT || "8080";
  return {
    webPort,
    apiPort,
    mcpPort,
    apiUrl: env.API_URL || `http://127.0.0.1:${apiPort}`,
    mcpUrl: env.MCP_URL || `http://127.0.0.1:${mcpPort}/mcp`,
    publicUrl: env.BETTER_AUTH_URL || `http://localhost:${webPort}`,
    mcpPublicUrl: env.MCP_PUBLIC_URL || `http://localhost:${mcpPort}/mcp`,
  };
}

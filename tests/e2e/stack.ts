// The whole product as real processes from the built artifacts (what `npm start` runs): embedded
// api+mcp (or separate api, mcp and a migration on PostgreSQL) and the standalone Next server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IMAGE_ENV } from "@taskflow/testing/bundles";
import { freePort, type ServiceProcess, startProcess, waitForHttp } from "@taskflow/testing/processes";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface Stack {
  webUrl: string;
  apiUrl: string;
  mcpUrl: string;
  stop(): Promise<void>;
}

export async function startStack(
  options: { databaseUrl?: string; env?: Record<string, string> } = {},
): Promise<Stack> {
  const [webPort, apiPort, mcpPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), "taskflow-e2e-"));
  const webUrl = `http://localhost:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const mcpUrl = `http://127.0.0.1:${mcpPort}/mcp`;
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    BETTER_AUTH_URL: webUrl,
    BETTER_AUTH_SECRET: "e2e-better-auth-secret-0123456789abcdef",
    MCP_TOKEN_SECRET: "e2e-mcp-token-secret-0123456789abcdefgh",
    MCP_URL: mcpUrl,
    MCP_PUBLIC_URL: mcpUrl,
    AUTH_RATE_LIMIT: "1000",
    TASKFLOW_DATA_DIR: dataDir,
    ...options.env,
  };
  const started: ServiceProcess[] = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (options.databaseUrl) {
      const dbEnv = { ...env, DATABASE_URL: options.databaseUrl };
      const migrate = startProcess("migrate", "node", ["apps/api/dist/migrate.js"], {
        env: dbEnv,
        cwd: root,
      });
      if ((await migrate.exited) !== 0) throw new Error(`migration failed:\n${migrate.output()}`);
      const api = startProcess("api", "node", ["apps/api/dist/server.js"], {
        env: { ...dbEnv, ...IMAGE_ENV.api, PORT: String(apiPort) },
        cwd: root,
      });
      started.push(api);
      const mcp = startProcess("mcp", "node", ["apps/mcp/dist/server.js"], {
        env: { ...dbEnv, ...IMAGE_ENV.mcp, PORT: String(mcpPort) },
        cwd: root,
      });
      started.push(mcp);
      await Promise.all([
        waitForHttp(`${apiUrl}/readyz`, api),
        waitForHttp(`http://127.0.0.1:${mcpPort}/readyz`, mcp),
      ]);
    } else {
      const embedded = startProcess("api+mcp", join(root, "node_modules/.bin/tsx"), ["scripts/embedded.ts"], {
        env: { ...env, API_PORT: String(apiPort), MCP_PORT: String(mcpPort) },
        cwd: root,
      });
      started.push(embedded);
      await waitForHttp(`${apiUrl}/readyz`, embedded, 90_000);
    }
    const web = startProcess("web", "node", ["apps/web/.next/standalone/apps/web/server.js"], {
      env: { ...env, PORT: String(webPort), HOSTNAME: "127.0.0.1", API_URL: apiUrl },
      cwd: root,
    });
    started.push(web);
    await waitForHttp(`http://127.0.0.1:${webPort}/healthz`, web);
  } catch (error) {
    await stop();
    throw error;
  }
  return { webUrl, apiUrl, mcpUrl, stop };
}

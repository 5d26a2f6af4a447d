// `npm start` / `npm run dev`: builds what is missing, migrates, and runs the whole product with
// prefixed, readable logs. Without DATABASE_URL, api and mcp share one process on the embedded
// database; with it, each service runs as its own process, as in Kubernetes. Ctrl-C stops everything.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launcherAddresses } from "./run/addresses";
import { formatLogLine } from "./run/format-log";

const root = fileURLToPath(new URL("..", import.meta.url));
const mode = process.argv[2] === "dev" ? "dev" : "start";
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const external = Boolean(env.DATABASE_URL);
const { webPort, apiPort, mcpPort, apiUrl, mcpUrl, publicUrl, mcpPublicUrl } = launcherAddresses(env);
// Every service sees the same public URLs: sign-in is accepted from the web's own origin and the tokens
// page shows the MCP address that answers, whichever ports were chosen.
env.BETTER_AUTH_URL = publicUrl;
env.MCP_PUBLIC_URL = mcpPublicUrl;
// The api and mcp answer on loopback only unless HOST says otherwise: on a laptop the web is the one
// entry point (it proxies /api), and embedded mode signs with well-known development secrets.
const serviceHost = env.HOST ?? "127.0.0.1";
const children = new Set<ChildProcess>();
let stopping = false;

const COLORS: Record<string, string> = { api: "36", mcp: "35", web: "32", build: "33", migrate: "33" };
const tag = (name: string) =>
  process.stdout.isTTY ? `\x1b[${COLORS[name] ?? "0"}m[${name}]\x1b[0m` : `[${name}]`;

function run(
  name: string,
  command: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): ChildProcess {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = "";
    stream.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines)
        if (line.trim()) process.stdout.write(`${tag(name)} ${formatLogLine(line)}\n`);
    });
  }
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping && code !== 0) {
      process.stdout.write(`${tag(name)} exited (${signal ?? `code ${code}`}); stopping the rest\n`);
      void stop(1);
    }
  });
  return child;
}

function runToEnd(name: string, command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = run(name, command, args);
    child.removeAllListeners("exit");
    child.on("exit", (code) => {
      children.delete(child);
      code === 0 ? resolve() : reject(new Error(`${name} failed with code ${code}`));
    });
  });
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  process.stdout.write("\nStopping Taskflow…\n");
  for (const child of children) child.kill("SIGTERM");
  const deadline = Date.now() + 15_000;
  while (children.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const child of children) child.kill("SIGKILL");
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

async function waitForReady(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const tsx = `${root}node_modules/.bin/tsx`;
function migrationFailed(): never {
  process.stdout.write(
    `${tag("migrate")} migrations failed (see above): check DATABASE_URL and that the server answers\n`,
  );
  process.exit(1);
}
const webServer = `${root}apps/web/.next/standalone/apps/web/server.js`;

if (mode === "start") {
  const missing = [
    !existsSync(webServer) && "@taskflow/web",
    external && !existsSync(`${root}apps/api/dist/server.js`) && "@taskflow/api",
    external && !existsSync(`${root}apps/mcp/dist/server.js`) && "@taskflow/mcp",
  ].filter(Boolean) as string[];
  if (missing.length) {
    process.stdout.write(`${tag("build")} first run: building ${missing.join(", ")} (about a minute)…\n`);
    const started = Date.now();
    await runToEnd("build", "npm", ["run", "build", ...missing.flatMap((w) => ["-w", w])]).catch(() => {
      process.stdout.write(`${tag("build")} the build failed (its output is above); nothing was started\n`);
      process.exit(1);
    });
    process.stdout.write(`${tag("build")} done in ${Math.round((Date.now() - started) / 1000)} s\n`);
  }
}

if (external) {
  process.stdout.write(`Using PostgreSQL from DATABASE_URL\n`);
  if (mode === "dev") {
    await runToEnd("migrate", tsx, ["packages/db/src/migrate-cli.ts"]).catch(migrationFailed);
    run("api", tsx, ["watch", "apps/api/src/server.ts"], {
      PORT: apiPort,
      HOST: serviceHost,
      MCP_URL: mcpUrl,
    });
    run("mcp", tsx, ["watch", "apps/mcp/src/server.ts"], { PORT: mcpPort, HOST: serviceHost });
  } else {
    await runToEnd("migrate", "node", ["apps/api/dist/migrate.js"]).catch(migrationFailed);
    run("api", "node", ["apps/api/dist/server.js"], {
      PORT: apiPort,
      HOST: serviceHost,
      MCP_URL: mcpUrl,
    });
    run("mcp", "node", ["apps/mcp/dist/server.js"], { PORT: mcpPort, HOST: serviceHost });
  }
} else {
  process.stdout.write(
    `Using the embedded database in ${env.TASKFLOW_DATA_DIR ?? ".data"} (set DATABASE_URL for PostgreSQL)\n`,
  );
  run("api", tsx, [...(mode === "dev" ? ["watch"] : []), "scripts/embedded.ts"], { HOST: serviceHost });
}

if (mode === "dev") {
  run("web", "npx", ["next", "dev", "-p", webPort, "apps/web"], { API_URL: apiUrl });
} else {
  run("web", "node", [webServer], { PORT: webPort, HOSTNAME: env.WEB_HOST ?? "0.0.0.0", API_URL: apiUrl });
}

const ready =
  (await waitForReady(`${apiUrl}/readyz`, 60_000)) &&
  (await waitForReady(`http://127.0.0.1:${webPort}/healthz`, 60_000));
if (ready) {
  const assistant = env.OPENAI_API_KEY
    ? `LLM (${env.OPENAI_MODEL ?? "gpt-4o-mini"})`
    : "offline (set OPENAI_API_KEY for an LLM)";
  process.stdout.write(
    `\n  Taskflow is running: http://localhost:${webPort}\n  API docs: http://localhost:${apiPort}/api/docs · MCP: ${mcpPublicUrl} · assistant: ${assistant}\n  Press Ctrl-C to stop.\n\n`,
  );
} else if (!stopping) {
  process.stdout.write("Taskflow did not become ready within 60 s; see the logs above.\n");
}

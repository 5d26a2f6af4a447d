// `npm start` itself (scripts/run.ts): the one command of the README brings up web, api and mcp on the
// embedded database, serves a sign-up and a chat turn through the web, keeps the api and mcp on
// loopback, and stops everything on Ctrl-C (SIGINT).
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, type ServiceProcess, startProcess, waitForHttp } from "@taskflow/testing/processes";
import { eventually } from "@taskflow/testing/wait";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Resolves true when something accepts a TCP connection at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** This machine's first non-loopback IPv4 address, if it has one. */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === "IPv4" && !address.internal)?.address;
}

describe("npm start (scripts/run.ts)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "taskflow-launcher-"));
  let launcher: ServiceProcess | undefined;
  afterAll(async () => {
    // After a failed assertion the launcher is still up: Ctrl-C (SIGINT) lets it stop its own children;
    // a SIGKILL would orphan them. stop() falls back to SIGKILL after 15 s.
    await launcher?.stop("SIGINT");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("runs the whole product on the embedded database, api and mcp on loopback, and stops on Ctrl-C", async () => {
    const [web, api, mcp] = [await freePort(), await freePort(), await freePort()];
    const env: Record<string, string | undefined> = {
      ...process.env,
      WEB_PORT: String(web),
      API_PORT: String(api),
      MCP_PORT: String(mcp),
      TASKFLOW_DATA_DIR: dataDir,
      DATABASE_URL: undefined,
      HOST: undefined,
      OPENAI_API_KEY: undefined,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    launcher = startProcess("npm start", join(root, "node_modules/.bin/tsx"), ["scripts/run.ts", "start"], {
      env,
      cwd: root,
    });
    await waitForHttp(`http://127.0.0.1:${web}/healthz`, launcher, 120_000);
    // The banner comes once the api is ready too.
    const running = launcher;
    await eventually(
      () => /Taskflow is running: http:\/\/localhost:\d+/.test(running.output()),
      "the banner",
      60_000,
    );

    const base = `http://127.0.0.1:${web}`;
    // With the Origin a browser on http://localhost:WEB_PORT sends: the public URL follows WEB_PORT.
    const up = await fetch(`${base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: `http://localhost:${web}` },
      body: JSON.stringify({
        name: "Launcher",
        email: "launcher@example.com",
        password: "launcher password 1",
      }),
    });
    expect(up.status).toBe(200);
    const headers = {
      authorization: `Bearer ${((await up.json()) as { token: string }).token}`,
      "content-type": "application/json",
    };
    const turn = await fetch(`${base}/api/chat`, {
      method: "POST",
      headers,
      body: JSON.stringify({ message: "add water the plants #home" }),
    });
    expect(turn.status).toBe(200);
    expect(((await turn.json()) as { tool_calls: { tool: string }[] }).tool_calls[0]?.tool).toBe("add_task");
    const tasks = (await (await fetch(`${base}/api/tasks`, { headers })).json()) as {
      items: { title: string; tags: string[] }[];
    };
    expect(tasks.items).toEqual([expect.objectContaining({ title: "water the plants", tags: ["home"] })]);
    // The tokens page shows the MCP URL that answers on MCP_PORT.
    const config = (await (await fetch(`${base}/api/config`, { headers })).json()) as { mcp_url: string };
    expect(config.mcp_url).toBe(`http://localhost:${mcp}/mcp`);

    expect(await accepts("127.0.0.1", api)).toBe(true);
    expect(await accepts("127.0.0.1", mcp)).toBe(true);
    const outside = outsideAddress();
    if (outside) {
      // The web is reachable from the network (WEB_HOST 0.0.0.0); the api and mcp are not.
      expect(await accepts(outside, web)).toBe(true);
      expect(await accepts(outside, api)).toBe(false);
      expect(await accepts(outside, mcp)).toBe(false);
    }

    launcher.child.kill("SIGINT");
    const code = await Promise.race([
      launcher.exited,
      new Promise<string>((resolve) => setTimeout(() => resolve("still running after 20 s"), 20_000)),
    ]);
    expect(code, launcher.output()).toBe(0);
    expect(launcher.output()).toMatch(/Stopping Taskflow/);
    for (const port of [web, api, mcp]) expect(await accepts("127.0.0.1", port), `port ${port}`).toBe(false);
  }, 180_000);
});

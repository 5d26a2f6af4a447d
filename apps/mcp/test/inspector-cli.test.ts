// The MCP server against the reference outside client: @modelcontextprotocol/inspector in CLI mode, run
// as its own process the way a user would run it, with a personal token in an Authorization header.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROMPT, RESOURCE, TOOL } from "@taskflow/contracts/mcp-tools";
import { engines } from "@taskflow/testing/databases";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const inspectorBin = join(root, "node_modules/.bin/mcp-inspector");

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

describe.each(engines)("MCP Inspector CLI against the running server on %s", (engine) => {
  let stack: TestStack;
  let user: TestUser;
  let token: string;
  // The inspector keeps a catalog and client config under $HOME; give it a throwaway one.
  const home = mkdtempSync(join(tmpdir(), "taskflow-inspector-"));

  function inspector(args: string[], bearer = token): Promise<CliRun> {
    const argv = ["--cli", stack.mcpUrl, ...args, "--header", `Authorization: Bearer ${bearer}`];
    const env = {
      ...process.env,
      HOME: home,
      MCP_CATALOG_PATH: join(home, "catalog.json"),
      MCP_CLIENT_CONFIG_PATH: join(home, "client.json"),
      NO_COLOR: "1",
    };
    return new Promise((resolve) => {
      execFile(
        inspectorBin,
        argv,
        { env, timeout: 30_000, killSignal: "SIGKILL", maxBuffer: 4 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  async function restTasks(query = "") {
    const response = await fetch(`${stack.apiUrl}/api/tasks${query}`, { headers: user.headers });
    expect(response.status).toBe(200);
    return (
      (await response.json()) as {
        items: {
          id: number;
          title: string;
          completed: boolean;
          priority: string;
          tags: string[];
          due_at: string | null;
        }[];
      }
    ).items;
  }

  beforeAll(async () => {
    stack = await startTestStack(engine);
    user = await stack.signUp("Inspector User");
    const response = await fetch(`${stack.apiUrl}/api/tokens`, {
      method: "POST",
      headers: { ...user.headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "MCP Inspector" }),
    });
    token = ((await response.json()) as { token: string }).token;
  });

  afterAll(async () => {
    await stack?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it("tools/list shows every tool, with no error-severity schema portability problem", async () => {
    const run = await inspector(["--method", "tools/list", "--strict"]);
    expect(run.code, run.stderr).toBe(0);
    const listed = JSON.parse(run.stdout) as {
      tools: { name: string; inputSchema: { properties: Record<string, unknown> } }[];
    };
    expect(listed.tools.map((t) => t.name).sort()).toEqual(Object.values(TOOL).sort());
    expect(
      Object.keys(listed.tools.find((t) => t.name === TOOL.addTask)?.inputSchema.properties ?? {}),
    ).toContain("title");
    // Lists are given by name to the task tools, and listed by their own read tool.
    expect(
      Object.keys(listed.tools.find((t) => t.name === TOOL.addTask)?.inputSchema.properties ?? {}),
    ).toContain("list");
    expect(listed.tools.map((t) => t.name)).toContain(TOOL.listLists);
  });

  it("tools/call add_task title=Milk creates the task for the token's user", async () => {
    const run = await inspector([
      "--method",
      "tools/call",
      "--tool-name",
      TOOL.addTask,
      "--tool-arg",
      "title=Milk",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { structuredContent: { task_id: number }; isError?: boolean };
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({
      task_id: expect.any(Number),
      status: "created",
      title: "Milk",
    });
    const tasks = await restTasks();
    expect(tasks).toContainEqual(
      expect.objectContaining({ id: result.structuredContent.task_id, title: "Milk", completed: false }),
    );
  });

  it("tools/call with JSON arguments, then complete_task and list_tasks through the same client", async () => {
    const added = await inspector([
      "--method",
      "tools/call",
      "--tool-name",
      TOOL.addTask,
      "--tool-args-json",
      JSON.stringify({ title: "Eggs", priority: "high", tags: ["dairy"], due: "2026-12-24" }),
    ]);
    expect(added.code, added.stderr).toBe(0);
    const id = (JSON.parse(added.stdout) as { structuredContent: { task_id: number } }).structuredContent
      .task_id;
    expect(await restTasks("?tag=dairy")).toEqual([
      expect.objectContaining({
        id,
        title: "Eggs",
        priority: "high",
        tags: ["dairy"],
        due_at: "2026-12-24",
      }),
    ]);

    const completed = await inspector([
      "--method",
      "tools/call",
      "--tool-name",
      TOOL.completeTask,
      "--tool-arg",
      `task_id=${id}`,
    ]);
    expect(completed.code, completed.stderr).toBe(0);
    expect(JSON.parse(completed.stdout)).toMatchObject({
      structuredContent: { task_id: id, status: "completed", title: "Eggs" },
    });
    expect((await restTasks("?tag=dairy"))[0]?.completed).toBe(true);

    const listed = await inspector([
      "--method",
      "tools/call",
      "--tool-name",
      TOOL.listTasks,
      "--tool-arg",
      "tag=dairy",
    ]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      structuredContent: {
        tasks: [{ id, title: "Eggs", completed: true, priority: "high", tags: ["dairy"] }],
      },
    });
  });

  it("add_tasks with JSON arguments, then the taskflow://today resource and the plan-my-day prompt", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const added = await inspector([
      "--method",
      "tools/call",
      "--tool-name",
      TOOL.addTasks,
      "--tool-args-json",
      JSON.stringify({ tasks: [{ title: "Overdue rent", due: "2021-01-01" }, { title: "Inspect later" }] }),
    ]);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      structuredContent: { count: 2, results: [{ title: "Overdue rent" }, { title: "Inspect later" }] },
    });

    const read = await inspector(["--method", "resources/read", "--uri", RESOURCE.today]);
    expect(read.code, read.stderr).toBe(0);
    const contents = (JSON.parse(read.stdout) as { contents: { uri: string; text: string }[] }).contents;
    expect(contents[0]?.uri).toBe(RESOURCE.today);
    const day = JSON.parse(contents[0]?.text ?? "{}") as { overdue: { title: string }[]; today: string };
    expect(day.overdue.map((t) => t.title)).toContain("Overdue rent");
    // The user's zone is UTC until set: today is the UTC date (give or take a midnight during the test).
    expect([today, new Date().toISOString().slice(0, 10)]).toContain(day.today);

    const prompt = await inspector(["--method", "prompts/get", "--prompt-name", PROMPT.planMyDay]);
    expect(prompt.code, prompt.stderr).toBe(0);
    expect(prompt.stdout).toContain("Overdue rent");
  });

  it("reports an unknown task as the tool's own error, and a bad token as an auth failure", async () => {
    const missing = await inspector([
      "--method",
      "tools/call",
      "--tool-name",
      TOOL.completeTask,
      "--tool-arg",
      "task_id=987654",
    ]);
    expect(missing.code).not.toBe(0);
    expect(JSON.parse(missing.stdout)).toMatchObject({
      isError: true,
      content: [{ type: "text", text: expect.stringMatching(/not found/i) }],
    });

    // --stored-auth-only: fail instead of starting an interactive OAuth login.
    const refused = await inspector(["--method", "tools/list", "--stored-auth-only"], "tfp_not-a-real-token");
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).not.toMatch(/add_task/);
    expect(refused.stderr).toMatch(/auth|401|unauthorized/i);
  });
});

// The deploy CLI's plans, run for real against fake docker/minikube/helm/kubectl executables
// that record their arguments (and stdin) and answer like the real tools would.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceHash } from "../../deploy/cli/src/hash";
import { repoRoot } from "./tools";

const FAKE = String.raw`#!/usr/bin/env node
const fs = require("node:fs");
const path = require("node:path");
const tool = path.basename(process.argv[1]);
const args = process.argv.slice(2);
const line = tool + " " + args.join(" ");
let stdin = "";
try { if (!process.stdin.isTTY) stdin = fs.readFileSync(0, "utf8"); } catch {}
fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify({ tool, args, stdin }) + "\n");
const fail = process.env.FAKE_FAIL;
if (fail && line.startsWith(fail)) {
  process.stderr.write("Error: " + fail + " exploded: simulated failure\n");
  process.exit(1);
}
const out = (s) => process.stdout.write(s + "\n");
if (tool === "docker") out("Docker version 28.2.2, build e6534b4");
else if (tool === "minikube") {
  if (args[0] === "version") out("v1.36.0");
  else if (args[0] === "status") {
    if (process.env.FAKE_MINIKUBE_RUNNING) out("Running/Running");
    else { out("Stopped/Stopped"); process.exit(7); }
  } else if (args[0] === "image" && args[1] === "ls") out(process.env.FAKE_IMAGES || "registry.k8s.io/pause:3.10");
  else if (args[0] === "ip") out("192.168.49.2");
} else if (tool === "helm") {
  if (args[0] === "version") out("v4.1.4+g05fa379");
  else if (args[0] === "status") out(JSON.stringify({ version: 3, info: { status: "deployed" } }));
} else if (tool === "kubectl") {
  if (args[0] === "version") out("Client Version: v1.34.5");
  else if (args[0] === "get" && args[1] === "pods") out(JSON.stringify({ items: [
    { metadata: { name: "taskflow-api-abc", labels: { "app.kubernetes.io/component": "api" } }, status: { phase: "Running", containerStatuses: [{ ready: true, restartCount: 2, state: { running: {} } }] } },
    { metadata: { name: "taskflow-web-def", labels: { "app.kubernetes.io/component": "web" } }, status: { phase: "Running", containerStatuses: [{ ready: true, restartCount: 0, state: { running: {} } }] } },
  ] }));
  else if (args[0] === "get" && args[1] === "endpointslices") out(JSON.stringify({ items: [
    { metadata: { labels: { "kubernetes.io/service-name": "taskflow-api" } }, endpoints: [{ conditions: { ready: true } }] },
    { metadata: { labels: { "kubernetes.io/service-name": "taskflow-web" } }, endpoints: [{ conditions: { ready: true } }] },
  ] }));
  else if (args[0] === "get" && args[1] === "secret") out(JSON.stringify({ apiVersion: "v1", kind: "Secret",
    metadata: { name: "taskflow", annotations: { "meta.helm.sh/release-name": "taskflow" } }, type: "Opaque",
    data: { BETTER_AUTH_SECRET: Buffer.from("old-auth-secret-0123456789012345678901").toString("base64"), MCP_TOKEN_SECRET: "b2xk", POSTGRES_PASSWORD: "cGc=", DATABASE_URL: "dXJs" } }));
}
`;

let dir: string;
let bin: string;
const TOOLS = ["docker", "minikube", "helm", "kubectl"];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "taskflow-cli-"));
  bin = join(dir, "bin");
  mkdirSync(bin);
  for (const tool of TOOLS) {
    writeFileSync(join(bin, tool), FAKE);
    chmodSync(join(bin, tool), 0o755);
  }
  // Only the fakes and node on PATH, so real tools on this machine can never be reached.
  symlinkSync(process.execPath, join(bin, "node"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Call {
  tool: string;
  args: string[];
  stdin: string;
}

function cli(args: string[], env: Record<string, string> = {}, input?: string) {
  const log = join(dir, `calls-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(log, "");
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", join(repoRoot, "deploy/cli/src/main.ts"), ...args],
    {
      cwd: repoRoot,
      encoding: "utf8",
      input,
      env: { PATH: bin, HOME: dir, NO_COLOR: "1", FAKE_LOG: log, ...env },
      timeout: 60_000,
    },
  );
  const calls: Call[] = readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const summary = calls.map((c) => `${c.tool} ${c.args.slice(0, 2).join(" ")}`.trim());
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, calls, summary };
}

describe("npm run k8s -- up", () => {
  it("checks tools, starts Minikube, enables addons, builds three images, installs, tests, prints the URL", () => {
    const r = cli(["up", "--tag", "src-abc123"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.summary).toEqual([
      "docker --version",
      "minikube version --short",
      "helm version --short",
      "kubectl version --client",
      "minikube status --format",
      "minikube start --cpus=4",
      "minikube addons enable",
      "minikube addons enable",
      "minikube image ls",
      "minikube image build",
      "minikube image ls",
      "minikube image build",
      "minikube image ls",
      "minikube image build",
      "helm upgrade --install",
      "helm test taskflow",
      "minikube ip",
      "kubectl get ingress",
    ]);
    const start = r.calls.find((c) => c.args[0] === "start");
    expect(start?.args).toEqual(expect.arrayContaining(["--cpus=4", "--memory=8192"]));
    expect(r.calls.filter((c) => c.args[0] === "addons").map((c) => c.args[2])).toEqual([
      "ingress",
      "metrics-server",
    ]);
    const builds = r.calls.filter((c) => c.args[1] === "build").map((c) => c.args);
    for (const [i, service] of ["web", "api", "mcp"].entries()) {
      expect(builds[i]).toEqual([
        "image",
        "build",
        "-t",
        `taskflow-${service}:src-abc123`,
        "-f",
        "deploy/docker/Dockerfile",
        `--build-opt=target=${service}`,
        ".",
      ]);
    }
    const upgrade = r.calls.find((c) => c.tool === "helm" && c.args[0] === "upgrade")?.args ?? [];
    expect(upgrade).toEqual(
      expect.arrayContaining(["--install", "taskflow", "--wait", "--create-namespace"]),
    );
    expect(upgrade.some((a) => a.endsWith("values-dev.yaml"))).toBe(true);
    for (const s of ["web", "api", "mcp"]) expect(upgrade).toContain(`${s}.image.tag=src-abc123`);
    expect(r.stdout).toMatch(/\[1\/9\] Check docker, minikube, helm and kubectl/);
    expect(r.stdout).toMatch(/✔ .* \d+\.\ds/);
    expect(r.stdout).toContain("https://taskflow.local");
    expect(r.stdout).toContain("192.168.49.2 taskflow.local");
  });

  it("skips starting a running Minikube and re-uses images already built with this tag", () => {
    const r = cli(["up", "--tag", "t1"], {
      FAKE_MINIKUBE_RUNNING: "1",
      FAKE_IMAGES:
        "docker.io/library/taskflow-web:t1\ndocker.io/library/taskflow-api:t1\ndocker.io/library/taskflow-mcp:t1",
    });
    expect(r.code).toBe(0);
    expect(r.summary).not.toContain("minikube start --cpus=4");
    expect(r.summary).not.toContain("minikube image build");
    expect(r.stdout).toContain("already built");
  });

  it("names the failed step, shows the tool's error and a fix, exits non-zero and stops", () => {
    const r = cli(["up", "--tag", "t2"], { FAKE_MINIKUBE_RUNNING: "1", FAKE_FAIL: "helm upgrade" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Failed step: Install or upgrade the Helm release");
    expect(r.stderr).toContain("helm upgrade exploded: simulated failure");
    expect(r.stderr).toContain("Likely fix:");
    expect(r.summary).not.toContain("helm test taskflow");
  });

  it("reports every missing tool with a fix before touching the cluster", () => {
    const r = cli(["up", "--tag", "t3"], { FAKE_FAIL: "kubectl version" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Failed step: Check docker, minikube, helm and kubectl");
    expect(r.stderr).toMatch(/kubectl: .*\n\s+fix: Install kubectl/);
    expect(r.summary).not.toContain("minikube status --format");
  });

  it("a failed image build names the service's build step", () => {
    const r = cli(["up", "--tag", "t4"], {
      FAKE_MINIKUBE_RUNNING: "1",
      FAKE_FAIL: "minikube image build -t taskflow-api",
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Failed step: Build the api image into Minikube");
    expect(r.summary).not.toContain("helm upgrade --install");
  });
});

describe("npm run k8s -- down / status / secrets", () => {
  it("down uninstalls and keeps data unless --delete-data", () => {
    const keep = cli(["down"]);
    expect(keep.code).toBe(0);
    expect(keep.summary).toEqual(["helm uninstall taskflow"]);
    const wipe = cli(["down", "--delete-data"]);
    expect(wipe.code).toBe(0);
    expect(wipe.summary).toEqual(["helm uninstall taskflow", "kubectl delete pvc,secret"]);
    expect(wipe.calls[1]?.args).toEqual(
      expect.arrayContaining(["-l", "app.kubernetes.io/instance=taskflow"]),
    );
  });

  it("status prints pods, readiness, restarts and endpoint health", () => {
    const r = cli(["status"]);
    expect(r.code).toBe(0);
    expect(r.summary).toEqual(["helm status taskflow", "kubectl get pods", "kubectl get endpointslices"]);
    expect(r.stdout).toMatch(/taskflow-api-abc\s+api\s+Running\s+1\/1\s+2/);
    expect(r.stdout).toMatch(/taskflow-web\s+1\/1\s+ok/);
  });

  it("secrets rotate replaces the values through stdin without printing them", () => {
    const r = cli(["secrets", "rotate"]);
    expect(r.code).toBe(0);
    expect(r.summary).toEqual(["kubectl get secret", "kubectl replace -f", "kubectl rollout restart"]);
    const sent = JSON.parse(r.calls[1]?.stdin ?? "{}");
    const auth = Buffer.from(sent.data.BETTER_AUTH_SECRET, "base64").toString();
    expect(auth).not.toBe("old-auth-secret-0123456789012345678901");
    expect(auth.length).toBeGreaterThanOrEqual(32);
    expect(sent.data.POSTGRES_PASSWORD).toBe("cGc=");
    expect(sent.metadata.annotations["meta.helm.sh/release-name"]).toBe("taskflow");
    expect(r.stdout + r.stderr).not.toContain(auth);
    expect(r.calls.flatMap((c) => c.args).join(" ")).not.toContain(auth);
  });

  it("secrets set-openai-key reads the key from stdin", () => {
    const r = cli(["secrets", "set-openai-key"], {}, "sk-test-123\n");
    expect(r.code).toBe(0);
    const sent = JSON.parse(r.calls[1]?.stdin ?? "{}");
    expect(Buffer.from(sent.data.OPENAI_API_KEY, "base64").toString()).toBe("sk-test-123");
    expect(r.stdout).not.toContain("sk-test-123");
  });

  it("unknown commands print usage and fail", () => {
    const r = cli(["frobnicate"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("usage: npm run k8s");
  });
});

describe("image tag", () => {
  it("is a stable content hash of the build inputs", () => {
    const a = sourceHash(repoRoot);
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(sourceHash(repoRoot)).toBe(a);
  });
});

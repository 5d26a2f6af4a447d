// The deploy CLI, run for real against fake docker/minikube/helm/kubectl executables. The fakes
// record their arguments (and stdin) and answer like the real tools, including their known traps:
// minikube refusing more memory than Docker has, `minikube image build` exiting 0 after a failed
// build (kubernetes/minikube#16576), the ingress-nginx admission webhook rejecting Ingresses until
// its controller is ready, Helm 3 failing `helm test --logs` after hook-succeeded deleted the pods
// (helm/helm#9098), and chart resource names that follow `taskflow.fullname`, not the release.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sourceHash } from "@taskflow/deploy/hash";
import { minimumResources, type ValuesTree } from "@taskflow/deploy/sizing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { chartDir, helm, repoRoot } from "./tools";

const FAKE = String.raw`#!/usr/bin/env node
// One script for docker, minikube, helm and kubectl. State (cluster, images, releases) lives in
// FAKE_STATE so a run of the CLI sees the effects of its own earlier calls, like on a real machine.
const fs = require("node:fs");
const path = require("node:path");
const tool = path.basename(process.argv[1]);
const args = process.argv.slice(2);
const line = tool + " " + args.join(" ");
let stdin = "";
try { if (!process.stdin.isTTY) stdin = fs.readFileSync(0, "utf8"); } catch {}
fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify({ tool, args, stdin }) + "\n");
const S = JSON.parse(fs.readFileSync(process.env.FAKE_STATE, "utf8"));
// Written whole and renamed, so a concurrent call (open's two port-forwards) never reads half a file.
const save = () => {
  const tmp = process.env.FAKE_STATE + "." + process.pid;
  fs.writeFileSync(tmp, JSON.stringify(S));
  fs.renameSync(tmp, process.env.FAKE_STATE);
};
const out = (s) => process.stdout.write(s + "\n");
const err = (s) => process.stderr.write(s + "\n");
const die = (s, code = 1) => { err(s); save(); process.exit(code); };
const opt = (name) => {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) return args[i + 1];
    if (args[i].startsWith(name + "=")) return args[i].slice(name.length + 1);
  }
  return undefined;
};
if (S.fail && line.startsWith(S.fail)) die("Error: " + S.fail + " exploded: simulated failure");
const MiB = 1024 * 1024;

// taskflow.fullname from the chart's _helpers.tpl.
function fullname(release, values) {
  const o = values && values.fullnameOverride;
  const name = o ? o : release.includes("taskflow") ? release : release + "-taskflow";
  return name.slice(0, 47).replace(/-+$/, "");
}
function selector() {
  const l = opt("-l") || opt("--selector") || "";
  return Object.fromEntries(l.split(",").filter(Boolean).map((kv) => kv.split("=")));
}
function releaseObjects(name, r) {
  const fn = r.fullname;
  const labels = (component) => ({ "app.kubernetes.io/instance": name, "app.kubernetes.io/name": "taskflow", "app.kubernetes.io/component": component });
  const v = r.values;
  const webType = v["web.service.type"] || "NodePort";
  const objs = [];
  for (const [c, port] of [["web", 3000], ["api", 8000], ["mcp", 8080]]) {
    const svcPort = { name: "http", port, targetPort: "http" };
    if (c === "web" && webType === "NodePort") svcPort.nodePort = Number(v["web.service.nodePort"] || 30080);
    objs.push({ kind: "Service", metadata: { name: fn + "-" + c, labels: labels(c) }, spec: { type: c === "web" ? webType : "ClusterIP", ports: [svcPort] } });
    objs.push({ kind: "Pod", metadata: { name: fn + "-" + c + "-5d9c", labels: labels(c) }, status: { phase: "Running", containerStatuses: [{ ready: true, restartCount: c === "api" ? 2 : 0, state: { running: {} } }] } });
    objs.push({ kind: "EndpointSlice", metadata: { name: fn + "-" + c + "-x1", labels: { ...labels(c), "kubernetes.io/service-name": fn + "-" + c } }, endpoints: [{ conditions: { ready: true } }] });
  }
  const host = v["ingress.host"] || "taskflow.local";
  const publicUrl = v.publicUrl || "https://" + host;
  const origins = Object.keys(v).filter((k) => k.startsWith("trustedOrigins[")).sort().map((k) => v[k]);
  // taskflow.mcpPublicUrl: mcp.publicUrl, else <publicUrl>/mcp when the ingress serves the public
  // host, else the port-forward of the mcp Service.
  const mcpPublicUrl = v["mcp.publicUrl"] || (new URL(publicUrl).hostname === host ? publicUrl + "/mcp" : "http://localhost:8080/mcp");
  objs.push({ kind: "ConfigMap", metadata: { name: fn, labels: labels("config") }, data: {
    BETTER_AUTH_URL: publicUrl, MCP_PUBLIC_URL: mcpPublicUrl,
    BETTER_AUTH_TRUSTED_ORIGINS: (origins.length ? origins : ["http://localhost:3000"]).join(",") } });
  objs.push({ kind: "Secret", apiVersion: "v1", metadata: { name: fn, labels: labels("config"), annotations: { "meta.helm.sh/release-name": name, "helm.sh/resource-policy": "keep" } }, type: "Opaque", data: r.secret });
  objs.push({ kind: "Secret", apiVersion: "v1", metadata: { name: fn + "-tls", labels: labels("ingress") }, type: "kubernetes.io/tls", data: { "tls.crt": "Y3J0", "tls.key": "a2V5" } });
  return objs;
}
function allObjects() {
  return Object.entries(S.releases).flatMap(([name, r]) => releaseObjects(name, r));
}
const KINDS = { pods: "Pod", pod: "Pod", endpointslices: "EndpointSlice", svc: "Service", service: "Service", services: "Service", configmap: "ConfigMap", configmaps: "ConfigMap", secret: "Secret", secrets: "Secret" };
const PLURAL = { Pod: "pods", Service: "services", ConfigMap: "configmaps", Secret: "secrets", EndpointSlice: "endpointslices" };

if (tool === "docker") {
  if (args[0] === "--version") out("Docker version 28.2.2, build e6534b4");
  else if (args[0] === "info") {
    if (!S.docker) die("Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?");
    out(JSON.stringify(S.docker));
  }
} else if (tool === "minikube") {
  const mk = S.minikube;
  if (args[0] === "version") out("v1.36.0");
  else if (args[0] === "config" && args[1] === "get") {
    if (args[2] === "driver" && S.configDriver) out(S.configDriver);
    else die("Error: specified key could not be found in config");
  } else if (args[0] === "status") {
    if (!mk) { out('* Profile "minikube" not found. Run "minikube profile list" to view all profiles.'); save(); process.exit(85); }
    if (!mk.running) { out("Stopped/Stopped"); save(); process.exit(7); }
    out("Running/Running");
  } else if (args[0] === "profile" && args[1] === "list") {
    if (!mk) die("* Exiting due to MK_USAGE_NO_PROFILE: No minikube profile was found.", 85);
    out(JSON.stringify({ invalid: [], valid: [{ Name: "minikube", Status: mk.running ? "OK" : "Stopped",
      Config: { Name: "minikube", Driver: mk.driver, CPUs: mk.cpus, Memory: mk.memory, KubernetesConfig: { KubernetesVersion: "v1.33.1", CNI: mk.cni } } }] }));
  } else if (args[0] === "start") {
    const driver = opt("--driver") || S.configDriver || "docker";
    const cpus = Number(opt("--cpus") || 2);
    const memory = Number(opt("--memory") || 2200);
    if (mk) {
      if (opt("--memory") && memory !== mk.memory) err("! You cannot change the memory size for an existing minikube cluster. Please first delete the cluster.");
      if (opt("--cpus") && cpus !== mk.cpus) err("! You cannot change the number of CPUs for an existing minikube cluster. Please first delete the cluster.");
      mk.running = true;
    } else {
      if (driver === "docker") {
        if (!S.docker) die("X Exiting due to PROVIDER_DOCKER_NOT_RUNNING: \"docker version --format <no value>-<no value>:<no value>\" exit status 1: Cannot connect to the Docker daemon", 58);
        const have = Math.floor(S.docker.MemTotal / MiB);
        if (memory > have) die("X Exiting due to MK_USAGE: Docker Desktop has only " + (have) + "MB memory but you specified " + (memory) + "MB", 14);
        if (cpus > S.docker.NCPU) die("X Exiting due to MK_USAGE: Docker Desktop has only " + (S.docker.NCPU) + " CPUs available, but you requested " + (cpus), 14);
      }
      if (memory < 1800) die("X Exiting due to RSRC_INSUFFICIENT_REQ_MEMORY: Requested memory allocation " + (memory) + "MiB is less than the usable minimum of 1800MB", 29);
      if (cpus < 2) die("X Exiting due to RSRC_INSUFFICIENT_CORES: Requested cpu count " + (cpus) + " is less than the minimum allowed of 2", 29);
      S.minikube = { running: true, driver, cpus, memory, cni: opt("--cni") || "" };
    }
    out("* Done! kubectl is now configured to use \"minikube\" cluster");
  } else if (args[0] === "addons" && args[1] === "enable") {
    S.addons = [...new Set([...(S.addons || []), args[2]])];
    out("* The '" + (args[2]) + "' addon is enabled");
  } else if (args[0] === "image" && args[1] === "ls") {
    out(["registry.k8s.io/pause:3.10", ...S.images].join("\n"));
  } else if (args[0] === "image" && args[1] === "build") {
    const ref = opt("-t");
    const service = (opt("--build-opt") || "").replace("target=", "");
    out("#1 [internal] load build definition from Dockerfile");
    if ((S.brokenBuilds || []).includes(service)) {
      // kubernetes/minikube#16576: the build failed, minikube still exits 0.
      err("ERROR: failed to solve: process \"/bin/sh -c npm run build --workspace @taskflow/" + (service) + "\" did not complete successfully: exit code: 2");
    } else {
      out("#12 naming to docker.io/library/" + ref + " done");
      S.images.push(S.imageFormat === "bare" ? ref : "docker.io/library/" + ref);
    }
  } else if (args[0] === "ip") out("192.168.49.2");
} else if (tool === "helm") {
  const major = Number(/^v(\d+)/.exec(S.helmVersion)[1]);
  if (args[0] === "version") out(S.helmVersion);
  else if (args[0] === "upgrade") {
    const install = args.includes("--install");
    const pos = args.filter((a, i) => !a.startsWith("-") && !(args[i - 1] || "").match(/^(-f|--set|--set-string|--namespace|-n|--timeout|--values)$/));
    const name = pos[1];
    const sets = {};
    args.forEach((a, i) => { if (a === "--set" || a === "--set-string") { const kv = args[i + 1]; const eq = kv.indexOf("="); sets[kv.slice(0, eq)] = kv.slice(eq + 1); } });
    const prev = S.releases[name];
    if (!prev && !install) die("Error: UPGRADE FAILED: \"" + (name) + "\" has no deployed releases");
    const reuse = args.includes("--reuse-values") || args.includes("--reset-then-reuse-values");
    const values = { ...(reuse && prev ? prev.values : {}), ...sets };
    if (values["ingress.enabled"] !== "false") {
      if (!S.ingressReady || S.webhookFlaky > 0) {
        if (S.ingressReady) S.webhookFlaky--;
        die("Error: " + (prev ? "UPGRADE FAILED" : "INSTALLATION FAILED") + ": 1 error occurred:\n\t* Internal error occurred: failed calling webhook \"validate.nginx.ingress.kubernetes.io\": failed to call webhook: Post \"https://ingress-nginx-controller-admission.ingress-nginx.svc:443/networking/v1/ingresses?timeout=10s\": dial tcp 10.96.121.208:443: connect: connection refused");
      }
    }
    const secret = prev ? prev.secret : (S.keptSecrets && S.keptSecrets[name]) || { BETTER_AUTH_SECRET: Buffer.from("old-auth-secret-0123456789012345678901").toString("base64"), MCP_TOKEN_SECRET: "b2xk", POSTGRES_PASSWORD: "cGc=", DATABASE_URL: "dXJs" };
    // networkpolicy.yaml renders LLM egress only when taskflow.llmEnabled: llm.enabled, a key in
    // the values, or (lookup) OPENAI_API_KEY in the live generated Secret.
    const llmEgress = values["llm.enabled"] === "true" || !!values["secrets.openaiApiKey"] || "OPENAI_API_KEY" in secret;
    S.releases[name] = { values, fullname: fullname(name, values), secret, llmEgress, revision: (prev ? prev.revision : 0) + 1 };
    out("Release \"" + (name) + "\" has been upgraded. Happy Helming!");
  } else if (args[0] === "test") {
    const name = args[1];
    const r = S.releases[name];
    if (!r) die("Error: release: not found");
    const checks = ["web-health", "api-ready", "roundtrip", "mcp-tools"];
    out("NAME: " + (name) + "\nSTATUS: deployed\nREVISION: " + (r.revision));
    S.testPods = [];
    let failed;
    for (const check of checks) {
      const pod = (r.fullname) + "-test-" + (check);
      const ok = S.helmTestFail !== check;
      out("TEST SUITE:     " + (pod) + "\nLast Started:   Mon Nov 30 10:00:00 2026\nPhase:          " + (ok ? "Succeeded" : "Failed"));
      // hook-delete-policy hook-succeeded: helm deletes the pod once it succeeded.
      if (!ok) { S.testPods.push(pod); failed = pod; break; }
    }
    if (args.includes("--logs")) {
      const first = (r.fullname) + "-test-" + (checks[0]);
      if (major < 4 && first !== failed) die("Error: unable to get pod logs for " + (first) + ": pods \"" + (first) + "\" not found");
      for (const pod of S.testPods) out("POD LOGS: " + (pod) + "\n" + (S.testLogs || "roundtrip: sign-up returned 500"));
    }
    if (failed) die("Error: 1 error occurred:\n\t* pod " + (failed) + " failed");
  } else if (args[0] === "status") {
    const r = S.releases[args[1]];
    if (!r) die("Error: release: not found");
    out(JSON.stringify({ name: args[1], version: r.revision, info: { status: "deployed" } }));
  } else if (args[0] === "uninstall") {
    const r = S.releases[args[1]];
    if (!r) die("Error: uninstall: Release not loaded: " + (args[1]) + ": release: not found");
    S.keptSecrets = { ...(S.keptSecrets || {}), [args[1]]: r.secret };
    delete S.releases[args[1]];
    out("release \"" + (args[1]) + "\" uninstalled");
  }
} else if (tool === "kubectl") {
  if (args[0] === "version") out("Client Version: v1.34.5");
  else if (args[0] === "wait") {
    const ingress = opt("--namespace") === "ingress-nginx" && (opt("--selector") || opt("-l") || "").includes("app.kubernetes.io/component=controller");
    if (ingress && (!(S.addons || []).includes("ingress") || S.ingressPodsLate > 0)) {
      if (S.ingressPodsLate > 0) S.ingressPodsLate--;
      die("error: no matching resources found");
    }
    if (ingress) { S.ingressReady = true; out("pod/ingress-nginx-controller-6c9f8d9b6b-2xk7q condition met"); }
  } else if (args[0] === "get" && args[1] === "ingress") out("NAME  CLASS  HOSTS  ADDRESS  PORTS  AGE");
  else if (args[0] === "get") {
    const kind = KINDS[args[1]];
    const named = args[2] && !args[2].startsWith("-") ? args[2] : undefined;
    const sel = selector();
    const items = allObjects().filter((o) => o.kind === kind && Object.entries(sel).every(([k, v]) => (o.metadata.labels || {})[k] === v));
    if (named) {
      const found = items.find((o) => o.metadata.name === named);
      if (!found) die("Error from server (NotFound): " + (PLURAL[kind]) + " \"" + (named) + "\" not found");
      out(JSON.stringify(found));
    } else out(JSON.stringify({ items }));
  } else if (args[0] === "replace") {
    const m = JSON.parse(stdin);
    const entry = Object.entries(S.releases).find(([, r]) => r.fullname === m.metadata.name);
    if (!entry) die("Error from server (NotFound): error when replacing \"STDIN\": secrets \"" + (m.metadata.name) + "\" not found");
    entry[1].secret = m.data;
    out("secret/" + (m.metadata.name) + " replaced");
  } else if (args[0] === "rollout") out("deployment.apps restarted");
  else if (args[0] === "logs") {
    const sel = selector();
    if (sel["app.kubernetes.io/component"] === "test") for (const pod of S.testPods || []) out("[pod/" + (pod) + "/x] " + (S.testLogs || "roundtrip: sign-up returned 500"));
    else out("[pod/x] listening");
  } else if (args[0] === "port-forward") {
    const target = args.find((a) => a.startsWith("svc/")).slice(4);
    if (!allObjects().some((o) => o.kind === "Service" && o.metadata.name === target)) die("Error from server (NotFound): services \"" + (target) + "\" not found");
    const ports = args[args.length - 1].split(":");
    out("Forwarding from 127.0.0.1:" + (ports[0]) + " -> " + (ports[1]));
  } else if (args[0] === "delete") out("deleted");
}
save();`;

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

interface FakeRelease {
  values: Record<string, string>;
  fullname: string;
  secret: Record<string, string>;
  llmEgress: boolean;
  revision: number;
}

interface FakeState {
  /** `docker info` JSON; null: the daemon is not reachable (or Docker is not the engine). */
  docker: { NCPU: number; MemTotal: number } | null;
  /** `minikube config get driver`; unset: minikube picks docker. */
  configDriver?: string;
  /** The minikube profile; null: never created. */
  minikube: { running: boolean; driver: string; cpus: number; memory: number; cni: string } | null;
  addons?: string[];
  images: string[];
  /** How `minikube image ls --format short` names our images. */
  imageFormat: "library" | "bare";
  /** Services whose `minikube image build` fails yet exits 0. */
  brokenBuilds?: string[];
  helmVersion: string;
  /** The helm test check whose pod fails. */
  helmTestFail?: string;
  testLogs?: string;
  testPods?: string[];
  /** Set once `kubectl wait` saw the ingress-nginx controller ready. */
  ingressReady: boolean;
  /** `kubectl wait` calls answered "no matching resources found" before the pod exists. */
  ingressPodsLate: number;
  /** helm upgrades still refused by the webhook after the controller is ready (endpoints lag). */
  webhookFlaky: number;
  releases: Record<string, FakeRelease>;
  keptSecrets?: Record<string, Record<string, string>>;
  /** Any call starting with this fails. */
  fail?: string;
}

// Docker Desktop set to "8 GB" reports this much in `docker info` (7836 MiB).
const DOCKER_DESKTOP_8GB = 8_217_473_024;
const MiB = 1024 * 1024;

function freshState(patch: Partial<FakeState> = {}): FakeState {
  return {
    docker: { NCPU: 8, MemTotal: DOCKER_DESKTOP_8GB },
    minikube: null,
    images: [],
    imageFormat: "library",
    helmVersion: "v4.1.4+g05fa379",
    ingressReady: false,
    ingressPodsLate: 0,
    webhookFlaky: 0,
    releases: {},
    ...patch,
  };
}

const SECRET_DATA = {
  BETTER_AUTH_SECRET: Buffer.from("old-auth-secret-0123456789012345678901").toString("base64"),
  MCP_TOKEN_SECRET: "b2xk",
  POSTGRES_PASSWORD: "cGc=",
  DATABASE_URL: "dXJs",
};

/** A cluster where `up` already ran for these releases (fullname as the chart's helper makes it). */
function installed(
  releases: Record<string, Record<string, string>>,
  patch: Partial<FakeState> = {},
): FakeState {
  const fullname = (release: string, values: Record<string, string>) =>
    (values.fullnameOverride || (release.includes("taskflow") ? release : `${release}-taskflow`))
      .slice(0, 47)
      .replace(/-+$/, "");
  return freshState({
    minikube: { running: true, driver: "docker", cpus: 4, memory: 6144, cni: "" },
    addons: ["ingress", "metrics-server"],
    ingressReady: true,
    releases: Object.fromEntries(
      Object.entries(releases).map(([name, values]) => [
        name,
        {
          values,
          fullname: fullname(name, values),
          secret: { ...SECRET_DATA },
          llmEgress: false,
          revision: 1,
        },
      ]),
    ),
    ...patch,
  });
}

function cli(
  args: string[],
  {
    state = freshState(),
    env = {},
    input,
  }: { state?: FakeState; env?: Record<string, string>; input?: string } = {},
) {
  const id = Math.random().toString(36).slice(2);
  const log = join(dir, `calls-${id}.jsonl`);
  const stateFile = join(dir, `state-${id}.json`);
  writeFileSync(log, "");
  writeFileSync(stateFile, JSON.stringify(state));
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", join(repoRoot, "deploy/cli/src/main.ts"), ...args],
    {
      cwd: repoRoot,
      encoding: "utf8",
      input,
      env: {
        PATH: bin,
        HOME: dir,
        NO_COLOR: "1",
        FAKE_LOG: log,
        FAKE_STATE: stateFile,
        TASKFLOW_K8S_RETRY_DELAY_MS: "1",
        TASKFLOW_K8S_PLATFORM: "linux",
        ...env,
      },
      timeout: 60_000,
    },
  );
  const calls: Call[] = readFileSync(log, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const summary = calls.map((c) => `${c.tool} ${c.args.slice(0, 2).join(" ")}`.trim());
  const after = JSON.parse(readFileSync(stateFile, "utf8")) as FakeState;
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    output: r.stdout + r.stderr,
    calls,
    summary,
    state: after,
  };
}

const find = (calls: Call[], tool: string, ...prefix: string[]) =>
  calls.filter((c) => c.tool === tool && prefix.every((p, i) => c.args[i] === p));
const startArgs = (calls: Call[]) => find(calls, "minikube", "start")[0]?.args ?? [];
const numberFlag = (args: string[], name: string) =>
  Number(args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1));
const helmUpgrade = (calls: Call[]) => find(calls, "helm", "upgrade").at(-1)?.args ?? [];
/** The values of all --set/--set-string pairs of one helm call. */
function sets(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  args.forEach((a, i) => {
    if (a === "--set" || a === "--set-string") {
      const kv = args[i + 1] ?? "";
      out[kv.slice(0, kv.indexOf("="))] = kv.slice(kv.indexOf("=") + 1);
    }
  });
  return out;
}
const trusted = (values: Record<string, string>) =>
  Object.keys(values)
    .filter((k) => k.startsWith("trustedOrigins["))
    .map((k) => values[k]);

describe("npm run k8s -- up", () => {
  it("checks tools, starts Minikube, enables addons, builds and verifies three images, waits for the ingress controller, installs, tests, prints the URL", () => {
    const r = cli(["up", "--tag", "src-abc123"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const order = [
      "docker --version",
      "minikube status --format",
      "docker info",
      "minikube start",
      "minikube addons enable",
      "minikube image build",
      "kubectl wait",
      "helm upgrade --install",
      "helm test taskflow",
    ];
    const positions = order.map((step) => r.summary.findIndex((s) => s.startsWith(step)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(find(r.calls, "minikube", "addons").map((c) => c.args[2])).toEqual(["ingress", "metrics-server"]);
    const builds = find(r.calls, "minikube", "image", "build").map((c) => c.args);
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
    const upgrade = helmUpgrade(r.calls);
    expect(upgrade).toEqual(
      expect.arrayContaining(["--install", "taskflow", "--wait", "--create-namespace"]),
    );
    expect(upgrade.some((a) => a.endsWith("values-dev.yaml"))).toBe(true);
    for (const s of ["web", "api", "mcp"]) expect(sets(upgrade)[`${s}.image.tag`]).toBe("src-abc123");
    expect(r.stdout).toMatch(/\[1\/\d+\] Check docker, minikube, helm and kubectl/);
    expect(r.stdout).toMatch(/✔ .* \d+\.\ds/);
    expect(Object.keys(r.state.releases)).toEqual(["taskflow"]);
  });

  it("skips starting a running Minikube and re-uses images already built with this tag", () => {
    const state = installed({});
    state.images = ["taskflow-web", "taskflow-api", "taskflow-mcp"].map((i) => `docker.io/library/${i}:t1`);
    const r = cli(["up", "--tag", "t1"], { state });
    expect(r.code).toBe(0);
    expect(find(r.calls, "minikube", "start")).toEqual([]);
    expect(find(r.calls, "docker", "info")).toEqual([]);
    expect(find(r.calls, "minikube", "image", "build")).toEqual([]);
    expect(r.stdout).toContain("already built");
  });

  it("names the failed step, shows the tool's error and a fix, exits non-zero and stops", () => {
    const r = cli(["up", "--tag", "t2"], { state: installed({}, { fail: "helm upgrade" }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Failed step: Install or upgrade the Helm release");
    expect(r.stderr).toContain("helm upgrade exploded: simulated failure");
    expect(r.stderr).toContain("Likely fix:");
    expect(find(r.calls, "helm", "test")).toEqual([]);
  });

  it("reports every missing tool with a fix before touching the cluster", () => {
    const r = cli(["up", "--tag", "t3"], { state: freshState({ fail: "kubectl version" }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Failed step: Check docker, minikube, helm and kubectl");
    expect(r.stderr).toMatch(/kubectl: .*\n\s+fix: Install kubectl/);
    expect(find(r.calls, "minikube", "status")).toEqual([]);
  });

  it("a failed image build names the service's build step", () => {
    const r = cli(["up", "--tag", "t4"], {
      state: installed({}, { fail: "minikube image build -t taskflow-api" }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Failed step: Build the api image into Minikube");
    expect(find(r.calls, "helm", "upgrade")).toEqual([]);
  });
});

describe("1. Minikube sized from what Docker has", () => {
  // The dev values' true minimum, computed by the CLI from values.yaml + values-dev.yaml.
  const dev = minimumResources(repoRoot, { cni: "" });

  it("minimum = pod memory requests of the dev values + 2 GiB for Kubernetes and the addons", () => {
    const values: ValuesTree = {
      web: { replicas: 1, resources: { requests: { memory: "128Mi" } } },
      api: { replicas: 2, resources: { requests: { memory: "0.25Gi" } } },
      mcp: { enabled: false, replicas: 1, resources: { requests: { memory: "96Mi" } } },
      database: { mode: "bundled", bundled: { resources: { requests: { memory: "128Mi" } } } },
      migrations: { enabled: true, resources: { requests: { memory: "100M" } } },
      tests: { enabled: true, resources: { requests: { memory: "64Mi" } } },
    };
    const m = minimumResources(repoRoot, { cni: "", values });
    // 128 + 2×256 + (mcp off) + 128 + ceil(100 MB = 95.4 MiB) + 64, + 2048 overhead.
    expect(m.podRequestsMiB).toBe(128 + 512 + 128 + 96 + 64);
    expect(m.memoryMiB).toBe(m.podRequestsMiB + 2048);
    expect(minimumResources(repoRoot, { cni: "calico", values }).memoryMiB).toBeGreaterThan(m.memoryMiB);
    expect(m.cpus).toBe(2);
    // The real dev values need far less than 8 GB.
    expect(dev.memoryMiB).toBeLessThan(4096);
    expect(dev.memoryMiB).toBeGreaterThan(2048);
  });

  it("docs/kubernetes.md states the minimum the CLI computes", () => {
    const doc = readFileSync(join(repoRoot, "docs/kubernetes.md"), "utf8");
    const calico = minimumResources(repoRoot, { cni: "calico" });
    expect(doc).toContain(`request ${dev.podRequestsMiB} MiB`);
    expect(doc).toContain(`true minimum is ${dev.memoryMiB} MiB and ${dev.cpus} CPUs`);
    expect(doc).toContain(`${calico.memoryMiB} MiB with \`--cni calico\``);
  });

  it("Docker Desktop set to 8 GB (7836 MiB in docker info): starts with what fits instead of 8192", () => {
    const r = cli(["up", "--tag", "s1"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const start = startArgs(r.calls);
    const memory = numberFlag(start, "--memory");
    expect(memory).toBeLessThanOrEqual(DOCKER_DESKTOP_8GB / MiB - 512);
    expect(memory).toBeGreaterThanOrEqual(dev.memoryMiB);
    expect(numberFlag(start, "--cpus")).toBe(4);
    expect(r.state.minikube?.memory).toBe(memory);
  });

  it("a small Docker gets a smaller cluster, down to the true minimum; fewer CPUs are used as they are", () => {
    const state = freshState({ docker: { NCPU: 2, MemTotal: (dev.memoryMiB + 300) * MiB } });
    const r = cli(["up", "--tag", "s2"], { state });
    expect(r.code).toBe(0);
    const start = startArgs(r.calls);
    expect(numberFlag(start, "--cpus")).toBe(2);
    expect(numberFlag(start, "--memory")).toBeGreaterThanOrEqual(dev.memoryMiB);
    expect(numberFlag(start, "--memory")).toBeLessThanOrEqual(dev.memoryMiB + 300);
  });

  it("refuses, naming both numbers, when Docker has less than the true minimum", () => {
    const r = cli(["up", "--tag", "s3"], {
      state: freshState({ docker: { NCPU: 8, MemTotal: 2048 * MiB } }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("2048 MiB");
    expect(r.stderr).toContain(`${dev.memoryMiB} MiB`);
    expect(find(r.calls, "minikube", "start")).toEqual([]);
    const cpu = cli(["up", "--tag", "s3"], {
      state: freshState({ docker: { NCPU: 1, MemTotal: 16384 * MiB } }),
    });
    expect(cpu.code).toBe(1);
    expect(cpu.stderr).toMatch(/1 CPU.*at least 2|at least 2.*1 CPU/s);
    expect(find(cpu.calls, "minikube", "start")).toEqual([]);
  });

  it("--cpus/--memory and TASKFLOW_MINIKUBE_CPUS/_MEMORY override the sizing; more than Docker has is refused up front", () => {
    const flags = cli(["up", "--tag", "s4", "--cpus", "3", "--memory", "5000"]);
    expect(flags.code).toBe(0);
    expect(numberFlag(startArgs(flags.calls), "--cpus")).toBe(3);
    expect(numberFlag(startArgs(flags.calls), "--memory")).toBe(5000);
    const env = cli(["up", "--tag", "s4"], {
      env: { TASKFLOW_MINIKUBE_CPUS: "2", TASKFLOW_MINIKUBE_MEMORY: "4g" },
    });
    expect(env.code).toBe(0);
    expect(numberFlag(startArgs(env.calls), "--cpus")).toBe(2);
    expect(numberFlag(startArgs(env.calls), "--memory")).toBe(4096);
    const tooMuch = cli(["up", "--tag", "s4", "--memory", "8192"]);
    expect(tooMuch.code).toBe(1);
    expect(tooMuch.stderr).toContain("8192 MiB");
    expect(tooMuch.stderr).toContain("7836 MiB");
    expect(find(tooMuch.calls, "minikube", "start")).toEqual([]);
    const bad = cli(["up", "--memory", "lots"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--memory");
  });

  it("an existing cluster is started as it is; a size asked for is explained, not silently ignored", () => {
    const state = installed({});
    if (state.minikube) state.minikube.running = false;
    const r = cli(["up", "--tag", "s5", "--memory", "5000"], { state });
    expect(r.code).toBe(0);
    expect(find(r.calls, "minikube", "start")).toHaveLength(1);
    expect(r.stdout).toMatch(/existing cluster.*6144 MiB.*minikube delete/s);
  });

  it("another driver (podman, none) or no docker info: minikube's defaults with a note, no crash", () => {
    const podman = cli(["up", "--tag", "s6"], {
      state: freshState({ configDriver: "podman", docker: null }),
    });
    expect(podman.code).toBe(0);
    expect(find(podman.calls, "docker", "info")).toEqual([]);
    expect(podman.stdout).toMatch(/driver podman.*default/i);
    expect(numberFlag(startArgs(podman.calls), "--memory")).toBeGreaterThanOrEqual(dev.memoryMiB);
    const noInfo = cli(["up", "--tag", "s6"], { state: freshState({ docker: null, configDriver: "none" }) });
    expect(noInfo.code).toBe(0);
    expect(noInfo.stdout).toMatch(/driver none.*default/i);
    const dockerDown = cli(["up", "--tag", "s6"], { state: freshState({ docker: null }) });
    expect(dockerDown.stdout).toMatch(/docker info.*failed.*default/i);
    expect(dockerDown.output).toContain("Cannot connect to the Docker daemon");
  });
});

describe("2. helm test on Helm 3 and 4", () => {
  it.each(["v3.17.3+g3a5d7a7", "v4.1.4+g05fa379"])(
    "%s: passing tests pass `up` (Helm < 4.1 cannot read logs of pods hook-succeeded deleted)",
    (helmVersion) => {
      const r = cli(["up", "--tag", "h1"], { state: installed({}, { helmVersion }) });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(find(r.calls, "helm", "test")).toHaveLength(1);
      expect(r.stdout).toContain("all passed");
    },
  );

  it.each(["v3.17.3+g3a5d7a7", "v4.1.4+g05fa379"])(
    "%s: a failing test shows that pod's log, read with kubectl, and fails `up`",
    (helmVersion) => {
      const state = installed(
        { foo: {} },
        { helmVersion, helmTestFail: "roundtrip", testLogs: "sign-up: 500 from /api/auth" },
      );
      const r = cli(["up", "--tag", "h2", "--release", "foo"], { state });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("Failed step: Run helm test");
      expect(r.stderr).toContain("foo-taskflow-test-roundtrip");
      expect(r.stderr).toContain("sign-up: 500 from /api/auth");
      const logs = find(r.calls, "kubectl", "logs")[0]?.args ?? [];
      expect(logs).toEqual(
        expect.arrayContaining(["-l", "app.kubernetes.io/instance=foo,app.kubernetes.io/component=test"]),
      );
    },
  );

  it("Helm older than 3.14 is refused by the tool check", () => {
    const r = cli(["up", "--tag", "h3"], { state: installed({}, { helmVersion: "v3.12.3+g3a31588" }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/helm: v3\.12\.3.*3\.14/);
  });
});

describe("3. minikube image build that exits 0 after a failed build", () => {
  it("verifies every image exists after its build; a missing one shows the build output and stops before helm", () => {
    const r = cli(["up", "--tag", "b1"], { state: installed({}, { brokenBuilds: ["api"] }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Failed step: Build the api image into Minikube");
    expect(r.stderr).toContain("taskflow-api:b1");
    expect(r.stderr).toContain("ERROR: failed to solve");
    expect(r.stderr).toContain("#1 [internal] load build definition");
    expect(find(r.calls, "helm", "upgrade")).toEqual([]);
    expect(find(r.calls, "minikube", "image", "build")).toHaveLength(2);
  });

  it("recognises both the docker.io/library/ and the bare form of the image name", () => {
    const r = cli(["up", "--tag", "b2"], { state: installed({}, { imageFormat: "bare" }) });
    expect(r.code).toBe(0);
    expect(r.state.images).toContain("taskflow-web:b2");
    const again = cli(["up", "--tag", "b2"], { state: r.state });
    expect(again.code).toBe(0);
    expect(find(again.calls, "minikube", "image", "build")).toEqual([]);
    // A longer tag that merely starts with ours is another image.
    const state = installed({});
    state.images = ["docker.io/library/taskflow-web:b3-old", "docker.io/library/other/taskflow-api:b3"];
    const other = cli(["up", "--tag", "b3"], { state });
    expect(find(other.calls, "minikube", "image", "build")).toHaveLength(3);
  });
});

describe("4. ingress-nginx admission webhook", () => {
  it("waits for the ingress controller before installing (the webhook rejects Ingresses until then)", () => {
    const r = cli(["up", "--tag", "i1"], { state: freshState({ ingressPodsLate: 2 }) });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const waits = find(r.calls, "kubectl", "wait");
    expect(waits).toHaveLength(3);
    expect(waits[0]?.args).toEqual(
      expect.arrayContaining([
        "--namespace",
        "ingress-nginx",
        "--for=condition=ready",
        "pod",
        "--selector=app.kubernetes.io/component=controller",
      ]),
    );
    expect(r.calls.indexOf(waits[2] as Call)).toBeLessThan(
      r.calls.indexOf(find(r.calls, "helm", "upgrade")[0] as Call),
    );
  });

  it("retries helm a bounded number of times while the webhook still refuses, saying so", () => {
    const r = cli(["up", "--tag", "i2"], { state: installed({}, { webhookFlaky: 2 }) });
    expect(r.code).toBe(0);
    expect(find(r.calls, "helm", "upgrade")).toHaveLength(3);
    expect(r.stdout).toMatch(/admission webhook.*not ready.*retry.*1\/\d/i);
    const stuck = cli(["up", "--tag", "i2"], { state: installed({}, { webhookFlaky: 100 }) });
    expect(stuck.code).toBe(1);
    expect(find(stuck.calls, "helm", "upgrade").length).toBeLessThanOrEqual(6);
    expect(stuck.stderr).toContain('failed calling webhook "validate.nginx.ingress.kubernetes.io"');
    expect(stuck.stderr).toMatch(/ingress-nginx/);
  });
});

describe("5. LLM egress and a CNI that enforces NetworkPolicies", () => {
  it("secrets set-openai-key re-renders the release so the LLM egress policy exists, then rolls the pods", () => {
    const r = cli(["secrets", "set-openai-key"], {
      state: installed({ taskflow: { "web.image.tag": "t" } }),
      input: "sk-test-123\n",
    });
    expect(r.code).toBe(0);
    const rel = r.state.releases.taskflow;
    expect(Buffer.from(rel?.secret.OPENAI_API_KEY ?? "", "base64").toString()).toBe("sk-test-123");
    expect(rel?.llmEgress).toBe(true);
    expect(rel?.values["web.image.tag"]).toBe("t");
    const upgrade = helmUpgrade(r.calls);
    expect(upgrade.some((a) => a === "--reuse-values" || a === "--reset-then-reuse-values")).toBe(true);
    expect(sets(upgrade)["llm.enabled"]).toBe("true");
    expect(r.output).not.toContain("sk-test-123");
    expect(r.calls.flatMap((c) => c.args).join(" ")).not.toContain("sk-test-123");
    const order = r.summary.filter((s) => /replace|upgrade|rollout/.test(s));
    expect(order).toEqual(["kubectl replace -f", "helm upgrade taskflow", "kubectl rollout restart"]);
  });

  it("up on a release whose Secret holds OPENAI_API_KEY keeps llm.enabled on", () => {
    const state = installed({ taskflow: {} });
    const rel = state.releases.taskflow as FakeRelease;
    rel.secret.OPENAI_API_KEY = Buffer.from("sk-x").toString("base64");
    const r = cli(["up", "--tag", "l2"], { state });
    expect(r.code).toBe(0);
    expect(sets(helmUpgrade(r.calls))["llm.enabled"]).toBe("true");
    const without = cli(["up", "--tag", "l2"], { state: installed({ taskflow: {} }) });
    expect(sets(helmUpgrade(without.calls))["llm.enabled"]).toBeUndefined();
  });

  it("up --cni calico creates the cluster with Calico and sizes it for it", () => {
    const plain = cli(["up", "--tag", "c1"]);
    const r = cli(["up", "--tag", "c1", "--cni", "calico"], {
      state: freshState({ docker: { NCPU: 8, MemTotal: 32768 * MiB } }),
    });
    expect(r.code).toBe(0);
    expect(startArgs(r.calls)).toContain("--cni=calico");
    expect(startArgs(plain.calls).some((a) => a.startsWith("--cni"))).toBe(false);
    expect(r.state.minikube?.cni).toBe("calico");
  });

  it("an existing cluster without Calico: --cni calico stops and says the cluster must be recreated", () => {
    const r = cli(["up", "--tag", "c2", "--cni", "calico"], { state: installed({}) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/CNI.*minikube delete/s);
    expect(find(r.calls, "helm", "upgrade")).toEqual([]);
    const state = installed({});
    if (state.minikube) state.minikube.cni = "calico";
    const ok = cli(["up", "--tag", "c2", "--cni", "calico"], { state });
    expect(ok.code).toBe(0);
  });
});

describe("6. resource names follow the chart's fullname, found by labels", () => {
  it.each([
    ["taskflow", {}, "taskflow"],
    ["foo", {}, "foo-taskflow"],
    ["my-taskflow", {}, "my-taskflow"],
    ["bar", { fullnameOverride: "custom" }, "custom"],
  ])("--release %s %j → %s-*", (release, values, fullname) => {
    const state = () => installed({ [release]: values as Record<string, string>, other: {} });
    const open = cli(["open", "--release", release], { state: state() });
    expect(open.stderr).toBe("");
    expect(open.code).toBe(0);
    const forwards = find(open.calls, "kubectl", "port-forward").map((c) => c.args);
    // Both forwards run at once, so their order in the call log is not fixed.
    expect(forwards.map((a) => a.find((x) => x.startsWith("svc/"))).sort()).toEqual([
      `svc/${fullname}-mcp`,
      `svc/${fullname}-web`,
    ]);

    const list = cli(["secrets", "list", "--release", release], { state: state() });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("BETTER_AUTH_SECRET");

    const rotate = cli(["secrets", "rotate", "--release", release], { state: state() });
    expect(rotate.code).toBe(0);
    expect(rotate.state.releases[release]?.secret.BETTER_AUTH_SECRET).not.toBe(
      SECRET_DATA.BETTER_AUTH_SECRET,
    );
    expect(rotate.state.releases.other?.secret.BETTER_AUTH_SECRET).toBe(SECRET_DATA.BETTER_AUTH_SECRET);

    const status = cli(["status", "--release", release], { state: state() });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`${fullname}-api-5d9c`);
    expect(status.stdout).not.toContain("other-taskflow");

    // `up` installs with the dev values only, so a fullnameOverride given by hand is not kept.
    if (!("fullnameOverride" in values)) {
      const up = cli(["up", "--tag", "n1", "--release", release], { state: state() });
      expect(up.code).toBe(0);
      expect(up.output).toContain(`${fullname}-web`);
    }
  });

  it("a release that is not installed is named in a clear error, not a kubectl NotFound for a guessed name", () => {
    const r = cli(["open", "--release", "nope"], { state: installed({ taskflow: {} }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/release "nope".*namespace "taskflow"/);
    expect(find(r.calls, "kubectl", "port-forward")).toEqual([]);
  });
});

describe("9. access modes: the URL the user opens is the URL the app trusts", () => {
  it("ingress (default): a .test host passed to the chart explicitly, https publicUrl, port-forward and NodePort origins trusted, mkcert hint", () => {
    const r = cli(["up", "--tag", "a1"]);
    expect(r.code).toBe(0);
    const values = sets(helmUpgrade(r.calls));
    expect(values["ingress.host"]).toBe("taskflow.test");
    expect(values.publicUrl).toBe("https://taskflow.test");
    expect(trusted(values)).toEqual(
      expect.arrayContaining(["http://localhost:3000", "http://192.168.49.2:30080"]),
    );
    expect(r.stdout).toContain("https://taskflow.test");
    expect(r.stdout).toContain("192.168.49.2 taskflow.test");
    expect(r.stdout).not.toContain("taskflow.local");
    expect(r.stdout).toContain("mkcert");
    expect(r.stdout).toContain("https://taskflow.test/mcp");
  });

  it("--host picks another name; a .local name on macOS gets an mDNS warning", () => {
    const r = cli(["up", "--tag", "a2", "--host", "192.168.49.2.nip.io"]);
    expect(sets(helmUpgrade(r.calls))["ingress.host"]).toBe("192.168.49.2.nip.io");
    const mac = cli(["up", "--tag", "a2", "--host", "taskflow.local"], {
      env: { TASKFLOW_K8S_PLATFORM: "darwin" },
    });
    expect(mac.code).toBe(0);
    expect(mac.stdout).toMatch(/\.local.*mDNS/);
    expect(mac.stdout).toContain("minikube tunnel");
  });

  it("nodeport: publicUrl is the NodePort origin http://<minikube ip>:<nodePort>, and it is trusted", () => {
    const r = cli(["up", "--tag", "a3", "--access", "nodeport"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const values = sets(helmUpgrade(r.calls));
    expect(values.publicUrl).toBe("http://192.168.49.2:30080");
    expect(values["web.service.type"]).toBe("NodePort");
    expect(values["web.service.nodePort"]).toBe("30080");
    expect(trusted(values)).toContain("http://192.168.49.2:30080");
    expect(r.state.releases.taskflow?.values.publicUrl).toBe("http://192.168.49.2:30080");
    expect(r.stdout).toContain("Open the app: http://192.168.49.2:30080");
  });

  it("nodeport with the Docker driver on macOS/Windows (node IP unreachable) is refused with the alternatives", () => {
    const r = cli(["up", "--tag", "a4", "--access", "nodeport"], {
      env: { TASKFLOW_K8S_PLATFORM: "darwin" },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/port-forward/);
    expect(find(r.calls, "helm", "upgrade")).toEqual([]);
  });

  it("port-forward: publicUrl follows --port, `open` forwards that port by default plus the mcp service, and prints an MCP URL that is served", () => {
    const up = cli(["up", "--tag", "a5", "--access", "port-forward", "--port", "3001"]);
    expect(up.code).toBe(0);
    const values = sets(helmUpgrade(up.calls));
    expect(values.publicUrl).toBe("http://localhost:3001");
    expect(trusted(values)).toContain("http://localhost:3001");
    expect(up.stdout).toContain("npm run k8s -- open");
    expect(up.stdout).toContain("http://localhost:8080/mcp");

    const open = cli(["open"], { state: up.state });
    expect(open.code).toBe(0);
    const forwards = find(open.calls, "kubectl", "port-forward").map((c) => c.args.at(-1));
    expect(forwards.sort()).toEqual(["3001:3000", "8080:8080"]);
    expect(open.stdout).toContain("http://localhost:3001");
    expect(open.stdout).toContain("http://localhost:8080/mcp");

    // A non-default mcp port and release: `up` configures them, `open` follows the release.
    const other = cli([
      "up",
      "--tag",
      "a5",
      "--access",
      "port-forward",
      "--mcp-port",
      "8181",
      "--release",
      "foo",
    ]);
    expect(other.stdout).toContain("npm run k8s -- open --release foo");
    const openOther = cli(["open", "--release", "foo"], { state: other.state });
    expect(
      find(openOther.calls, "kubectl", "port-forward")
        .map((c) => c.args.at(-1))
        .sort(),
    ).toEqual(["3000:3000", "8181:8080"]);

    const mismatch = cli(["open", "--port", "3002"], { state: up.state });
    expect(mismatch.code).toBe(0);
    expect(mismatch.stdout).toMatch(/http:\/\/localhost:3002 is not.*sign-in/is);
  });
});

describe("9. the values `up` passes are the ones the real chart renders (helm template)", () => {
  /** `helm template` with exactly the chart, values files and --set flags of the recorded upgrade. */
  function render(upgrade: string[]) {
    const args = upgrade.filter(
      (a, i) =>
        !["--install", "--wait", "--create-namespace"].includes(a) &&
        !(a === "--timeout" || upgrade[i - 1] === "--timeout"),
    );
    expect(args.slice(0, 3)).toEqual(["upgrade", "taskflow", chartDir]);
    const r = helm(["template", ...args.slice(1)]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    type Doc = {
      kind: string;
      metadata: { name: string };
      data?: Record<string, string>;
      spec?: Record<string, unknown>;
    };
    return parseAllDocuments(r.stdout)
      .map((d) => d.toJS() as Doc)
      .filter(Boolean);
  }

  it.each([
    [
      ["--access", "ingress"],
      "https://taskflow.test",
      "https://taskflow.test/mcp",
      ["http://localhost:3000", "http://192.168.49.2:30080"],
    ],
    [
      ["--access", "nodeport"],
      "http://192.168.49.2:30080",
      "http://localhost:8080/mcp",
      ["http://localhost:3000"],
    ],
    [
      ["--access", "port-forward", "--port", "3001", "--mcp-port", "8181"],
      "http://localhost:3001",
      "http://localhost:8181/mcp",
      [],
    ],
  ])("up %j → BETTER_AUTH_URL %s, MCP_PUBLIC_URL %s, trusted %j", (flags, publicUrl, mcpUrl, origins) => {
    const up = cli(["up", "--tag", "r1", ...flags], { state: installed({}) });
    expect(up.code).toBe(0);
    const docs = render(helmUpgrade(up.calls));
    const config = docs.find((d) => d.kind === "ConfigMap" && d.metadata.name === "taskflow")?.data ?? {};
    expect(config.BETTER_AUTH_URL).toBe(publicUrl);
    expect(config.MCP_PUBLIC_URL).toBe(mcpUrl);
    const trustedOrigins = (config.BETTER_AUTH_TRUSTED_ORIGINS ?? "").split(",");
    expect(trustedOrigins).toEqual(expect.arrayContaining(origins));
    const web = docs.find((d) => d.kind === "Service" && d.metadata.name === "taskflow-web");
    expect(web?.spec).toMatchObject({ type: "NodePort", ports: [{ nodePort: 30080 }] });
    const ingress = docs.find((d) => d.kind === "Ingress");
    expect(JSON.stringify(ingress?.spec)).toContain('"host":"taskflow.test"');
    // What the user is told to open is what the app trusts.
    expect(up.stdout).toContain(flags[1] === "port-forward" ? "npm run k8s -- open" : publicUrl);
    expect(up.stdout).toContain(mcpUrl);
  });

  it("llm.enabled=true (what up and set-openai-key pass when a key is stored) renders the LLM egress rule", () => {
    const state = installed({ taskflow: {} });
    (state.releases.taskflow as FakeRelease).secret.OPENAI_API_KEY = "c2steA==";
    const up = cli(["up", "--tag", "r2"], { state });
    const egress = (docs: ReturnType<typeof render>) =>
      JSON.stringify(docs.filter((d) => d.kind === "NetworkPolicy").map((d) => d.spec)).includes(
        '"port":443',
      );
    expect(egress(render(helmUpgrade(up.calls)))).toBe(true);
    const plain = cli(["up", "--tag", "r2"], { state: installed({}) });
    expect(egress(render(helmUpgrade(plain.calls)))).toBe(false);
  });
});

describe("flags", () => {
  it.each([
    [["up", "--frobnicate"], "--frobnicate"],
    [["up", "--access", "bogus"], "--access"],
    [["logs"], "logs needs"],
    [["logs", "nginx"], "nginx"],
    [["secrets", "frob"], "frob"],
    [["open", "--port", "http"], "--port"],
    [["down", "extra"], "extra"],
  ])("%j → a clear error and usage, exit 2", (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("usage: npm run k8s");
    expect(r.calls).toEqual([]);
  });

  it("unknown commands print usage and fail; help succeeds", () => {
    const r = cli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("usage: npm run k8s");
    const help = cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--access ingress|nodeport|port-forward");
  });
});

describe("npm run k8s -- down / status / logs / secrets", () => {
  it("down uninstalls and keeps data unless --delete-data", () => {
    const keep = cli(["down"], { state: installed({ taskflow: {} }) });
    expect(keep.code).toBe(0);
    expect(keep.summary).toEqual(["helm uninstall taskflow"]);
    const wipe = cli(["down", "--delete-data"], { state: installed({ taskflow: {} }) });
    expect(wipe.code).toBe(0);
    expect(wipe.summary).toEqual(["helm uninstall taskflow", "kubectl delete pvc,secret"]);
    expect(wipe.calls[1]?.args).toEqual(
      expect.arrayContaining(["-l", "app.kubernetes.io/instance=taskflow"]),
    );
    const absent = cli(["down"], { state: installed({}) });
    expect(absent.code).toBe(0);
    expect(absent.stdout).toContain("not installed");
  });

  it("status prints pods, readiness, restarts and endpoint health", () => {
    const r = cli(["status"], { state: installed({ taskflow: {} }) });
    expect(r.code).toBe(0);
    expect(r.summary).toEqual(["helm status taskflow", "kubectl get pods", "kubectl get endpointslices"]);
    expect(r.stdout).toMatch(/taskflow-api-5d9c\s+api\s+Running\s+1\/1\s+2/);
    expect(r.stdout).toMatch(/taskflow-web\s+1\/1\s+ok/);
  });

  it("logs selects the component by labels of the release", () => {
    const r = cli(["logs", "migrate", "-f", "--release", "foo"], { state: installed({ foo: {} }) });
    expect(r.code).toBe(0);
    expect(find(r.calls, "kubectl", "logs")[0]?.args).toEqual(
      expect.arrayContaining([
        "-l",
        "app.kubernetes.io/instance=foo,app.kubernetes.io/component=migrate",
        "--follow",
      ]),
    );
  });

  it("secrets rotate replaces the values through stdin without printing them", () => {
    const r = cli(["secrets", "rotate"], { state: installed({ taskflow: {} }) });
    expect(r.code).toBe(0);
    expect(r.summary).toEqual(["kubectl get secret", "kubectl replace -f", "kubectl rollout restart"]);
    const sent = JSON.parse(r.calls[1]?.stdin ?? "{}");
    const auth = Buffer.from(sent.data.BETTER_AUTH_SECRET, "base64").toString();
    expect(auth).not.toBe("old-auth-secret-0123456789012345678901");
    expect(auth.length).toBeGreaterThanOrEqual(32);
    expect(sent.data.POSTGRES_PASSWORD).toBe("cGc=");
    expect(sent.metadata.annotations["meta.helm.sh/release-name"]).toBe("taskflow");
    expect(r.output).not.toContain(auth);
    expect(r.calls.flatMap((c) => c.args).join(" ")).not.toContain(auth);
  });

  it("secrets set-openai-key without a key fails before writing anything", () => {
    const r = cli(["secrets", "set-openai-key"], { state: installed({ taskflow: {} }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no key given");
    expect(find(r.calls, "kubectl", "replace")).toEqual([]);
  });
});

describe("image tag", () => {
  it("is a stable content hash of the build inputs", () => {
    const a = sourceHash(repoRoot);
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(sourceHash(repoRoot)).toBe(a);
  });
});

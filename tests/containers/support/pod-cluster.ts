// A one-node "cluster" for a rendered chart, made of real podman containers: one podman pod holds every
// workload's container (one replica each) so they share a network namespace, and every Service name
// resolves to 127.0.0.1 there (/etc/hosts via --add-host), as the Services' ports differ. PostgreSQL is
// the machine's server, reached through slirp4netns' host-loopback address under the database's name.
// Containers run with exactly the rendered pod spec (see pod-runner.ts). Everything it creates carries
// a unique suffix and is removed by name in `destroy()`.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { K8sObject } from "../../k8s/render";
import { podman, type RunResult } from "./images";
import {
  type ContainerSpec,
  componentOf,
  type PodSpec,
  type Probe,
  podSpecOf,
  probePort,
  runArgs,
} from "./pod-runner";

/** slirp4netns' address for the host's loopback (allow_host_loopback=true). */
export const HOST_LOOPBACK = "10.0.2.2";
const PORT_RANGE = [22000, 22999] as const;

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Free loopback ports in 22000–22999 (the range this suite may publish on). */
export async function freePorts(count: number): Promise<number[]> {
  const span = PORT_RANGE[1] - PORT_RANGE[0] + 1;
  const start = PORT_RANGE[0] + ((process.pid * 37 + Date.now()) % span);
  const found: number[] = [];
  for (let i = 0; i < span && found.length < count; i++) {
    const port = PORT_RANGE[0] + ((start - PORT_RANGE[0] + i) % span);
    if (await portFree(port)) found.push(port);
  }
  if (found.length < count) throw new Error(`no ${count} free ports in ${PORT_RANGE.join("–")}`);
  return found;
}

export type ProbeResult = { ok: boolean; detail: string };

/** One kubelet-style HTTP probe: success is a status in 200–399 within timeoutSeconds. */
export async function httpProbe(url: string, probe: Probe): Promise<ProbeResult> {
  try {
    const headers = Object.fromEntries((probe.httpGet?.httpHeaders ?? []).map((h) => [h.name, h.value]));
    const res = await fetch(url, {
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout((probe.timeoutSeconds ?? 1) * 1000),
    });
    await res.body?.cancel();
    return { ok: res.status >= 200 && res.status < 400, detail: `HTTP ${res.status}` };
  } catch (error) {
    return {
      ok: false,
      detail: error instanceof Error ? (error.cause ? String(error.cause) : error.message) : String(error),
    };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Workload = {
  component: string;
  object: K8sObject;
  spec: PodSpec;
  container: ContainerSpec;
  name: string;
  /** consecutive liveness failures seen by the background monitor, and the worst run */
  liveness: { consecutive: number; worst: number; checks: number; timer?: NodeJS.Timeout };
};

export class PodCluster {
  readonly pod: string;
  readonly hostPorts = new Map<number, number>(); // containerPort → 127.0.0.1 port
  readonly workloads = new Map<string, Workload>();
  private readonly created: string[] = [];
  private readonly volumeRoot: string;
  private podCreated = false;

  constructor(
    readonly label: string,
    readonly suffix: string,
    /** rendered objects plus any the user would create by hand (e.g. an external database Secret) */
    readonly objects: K8sObject[],
  ) {
    this.pod = `tfct-${label}-${suffix}`;
    this.volumeRoot = join("/var/tmp", `tfct-volumes-${label}-${suffix}`);
  }

  deployments(): K8sObject[] {
    return this.objects.filter((o) => o.kind === "Deployment");
  }
  deployment(component: string): K8sObject {
    const found = this.deployments().find((d) => componentOf(d) === component);
    if (!found) throw new Error(`no Deployment for ${component}`);
    return found;
  }
  /** Services that select workloads run here (not the headless database Service). */
  services(): K8sObject[] {
    return this.objects.filter((o) => o.kind === "Service");
  }

  /**
   * Creates the pod: the Services' names (short and namespaced forms) → 127.0.0.1, `databaseHosts`
   * → the host's loopback, and every Deployment container port published on a free 127.0.0.1 port.
   */
  async create(databaseHosts: string[], namespace: string): Promise<void> {
    for (const tool of ["slirp4netns", "catatonit"]) {
      const found = spawnSync("sh", ["-c", `command -v ${tool}`]);
      if (found.status !== 0)
        throw new Error(`${tool} is not installed (apt-get install -y ${tool}); podman pods here need it`);
    }
    const addHosts: string[] = [];
    const forms = (name: string) => [
      name,
      `${name}.${namespace}`,
      `${name}.${namespace}.svc`,
      `${name}.${namespace}.svc.cluster.local`,
    ];
    for (const service of this.services()) {
      const isDatabase = componentOf(service) === "postgresql";
      for (const host of forms(service.metadata.name))
        addHosts.push("--add-host", `${host}:${isDatabase ? HOST_LOOPBACK : "127.0.0.1"}`);
    }
    for (const host of databaseHosts) addHosts.push("--add-host", `${host}:${HOST_LOOPBACK}`);
    const containerPorts = this.deployments().flatMap((d) =>
      (podSpecOf(d).containers[0]?.ports ?? []).map((p) => p.containerPort),
    );
    const hostPorts = await freePorts(containerPorts.length);
    const publish: string[] = [];
    containerPorts.forEach((port, i) => {
      this.hostPorts.set(port, hostPorts[i] as number);
      publish.push("-p", `127.0.0.1:${hostPorts[i]}:${port}`);
    });
    mkdirSync(this.volumeRoot, { recursive: true });
    await podman(
      [
        "pod",
        "create",
        "--name",
        this.pod,
        "--network",
        "slirp4netns:allow_host_loopback=true",
        // Not the UTS namespace: in a pod that shares it, podman forces HOSTNAME to the pod's host
        // name over the container's own env (the chart's ConfigMap sets HOSTNAME=0.0.0.0 for Next.js,
        // which Kubernetes honours). Each container gets its pod's name as host name instead.
        "--share",
        "net,ipc",
        ...addHosts,
        ...publish,
      ],
      { timeoutMs: 60_000 },
    );
    this.podCreated = true;
  }

  /** The host directory standing in for one pod's emptyDir (fresh per pod instance, kubelet's modes). */
  private volumeDirFor(podName: string, spec: PodSpec) {
    return (volume: string) => {
      const dir = join(this.volumeRoot, podName, volume);
      mkdirSync(dir, { recursive: true });
      const fsGroup = spec.securityContext?.fsGroup;
      if (fsGroup !== undefined) {
        chownSync(dir, 0, fsGroup);
        chmodSync(dir, 0o2777);
      } else chmodSync(dir, 0o777);
      return dir;
    };
  }

  private containerName(pod: string, container: string) {
    return `${this.pod}-${pod}-${container}`.slice(0, 120);
  }

  /** A container of `object`'s pod to create: its name (removed at teardown) and its `podman run` args. */
  private containerRun(object: K8sObject, spec: PodSpec, container: ContainerSpec, detach?: boolean) {
    const name = this.containerName(object.metadata.name, container.name);
    this.created.push(name);
    const args = runArgs({
      name,
      pod: this.pod,
      hostname: object.metadata.name,
      spec,
      container,
      objects: this.objects,
      ...(detach ? { detach } : {}),
      volumeDir: this.volumeDirFor(object.metadata.name, spec),
    });
    return { name, args };
  }

  /** Runs one container to completion (Job and test pods); resolves with its exit code and output. */
  async runToCompletion(
    object: K8sObject,
    container: ContainerSpec,
    timeoutMs: number,
  ): Promise<RunResult & { name: string }> {
    const { name, args } = this.containerRun(object, podSpecOf(object), container);
    const result = await podman(["run", ...args], { check: false, timeoutMs });
    return { ...result, name };
  }

  /**
   * A Job's pod: its init containers in order, each to exit 0, then its container. Resolves with every
   * container's result (stops at the first failure, as the kubelet does for init containers).
   */
  async runJob(
    job: K8sObject,
  ): Promise<{ container: string; code: number; output: string; seconds: number }[]> {
    const spec = podSpecOf(job);
    const deadline = Math.min((job.spec.activeDeadlineSeconds ?? 600) * 1000, 180_000);
    const results: { container: string; code: number; output: string; seconds: number }[] = [];
    for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
      const started = Date.now();
      const run = await this.runToCompletion(job, container, deadline);
      const seconds = (Date.now() - started) / 1000;
      results.push({ container: container.name, code: run.code, output: run.stdout + run.stderr, seconds });
      await podman(["rm", "-f", run.name], { check: false });
      if (run.code !== 0) break;
    }
    return results;
  }

  /** Starts a Deployment's container (one replica) detached. */
  async start(component: string): Promise<Workload> {
    const object = this.deployment(component);
    const spec = podSpecOf(object);
    const container = spec.containers[0] as ContainerSpec;
    if (spec.containers.length !== 1) throw new Error(`${component}: sidecars are not reproduced here`);
    const { name, args } = this.containerRun(object, spec, container, true);
    await podman(["run", ...args], { timeoutMs: 120_000 });
    const workload: Workload = {
      component,
      object,
      spec,
      container,
      name,
      liveness: { consecutive: 0, worst: 0, checks: 0 },
    };
    this.workloads.set(component, workload);
    return workload;
  }

  workload(component: string): Workload {
    const found = this.workloads.get(component);
    if (!found) throw new Error(`${component} is not running`);
    return found;
  }

  /** http://127.0.0.1:<published port> of a component's container port (what its Service targets). */
  url(component: string, path = ""): string {
    const object = this.deployment(component);
    const container = podSpecOf(object).containers[0] as ContainerSpec;
    const port = container.ports?.[0]?.containerPort as number;
    return `http://127.0.0.1:${this.hostPorts.get(port)}${path}`;
  }

  probeUrl(workload: Workload, probe: Probe): string {
    const port = this.hostPorts.get(probePort(workload.container, probe));
    if (!port || !probe.httpGet)
      throw new Error(`${workload.component}: probe is not an HTTP probe on a published port`);
    return `http://127.0.0.1:${port}${probe.httpGet.path}`;
  }

  async logs(name: string, tail = 80): Promise<string> {
    const out = await podman(["logs", "--tail", String(tail), name], { check: false, timeoutMs: 30_000 });
    return out.stdout + out.stderr;
  }

  async state(
    name: string,
  ): Promise<{ Status: string; Running: boolean; ExitCode: number; OOMKilled: boolean; Pid: number }> {
    const out = await podman(["inspect", "--format", "{{json .State}}", name], { timeoutMs: 30_000 });
    return JSON.parse(out.stdout);
  }

  /**
   * Kubelet's startup sequence for one container: the startupProbe every periodSeconds, failing after
   * failureThreshold misses (the kubelet would then kill it); then readiness and liveness. Resolves
   * with the seconds each took; rejects naming the probe, its last answer and the container's logs.
   */
  async awaitProbes(workload: Workload): Promise<{ startup: number; ready: number }> {
    const { container } = workload;
    const began = Date.now();
    const attempt = async (kind: string, probe: Probe | undefined, maxFailures: number) => {
      if (!probe?.httpGet) throw new Error(`${workload.component}: no HTTP ${kind} probe rendered`);
      const url = this.probeUrl(workload, probe);
      await sleep((probe.initialDelaySeconds ?? 0) * 1000);
      let last: ProbeResult = { ok: false, detail: "not probed" };
      for (let failures = 0; failures < maxFailures; failures++) {
        const started = Date.now();
        last = await httpProbe(url, probe);
        if (last.ok) return;
        const state = await this.state(workload.name);
        if (!state.Running)
          throw new Error(
            `${workload.component} exited (${state.ExitCode}) before its ${kind} probe passed:\n${await this.logs(workload.name)}`,
          );
        await sleep(Math.max(0, (probe.periodSeconds ?? 10) * 1000 - (Date.now() - started)));
      }
      throw new Error(
        `${workload.component}: ${kind} probe ${url} failed ${maxFailures} times (last: ${last.detail}):\n${await this.logs(workload.name)}`,
      );
    };
    await attempt("startup", container.startupProbe, container.startupProbe?.failureThreshold ?? 3);
    const startup = (Date.now() - began) / 1000;
    // Readiness has no kill threshold; a minute of its period is the bound here.
    const readiness = container.readinessProbe;
    await attempt("readiness", readiness, Math.ceil(60 / (readiness?.periodSeconds ?? 10)));
    await attempt("liveness", container.livenessProbe, 1);
    return { startup, ready: (Date.now() - began) / 1000 };
  }

  /** Polls liveness at its period in the background, counting consecutive failures (a kubelet restart). */
  monitorLiveness(workload: Workload): void {
    const probe = workload.container.livenessProbe as Probe;
    const url = this.probeUrl(workload, probe);
    const tick = async () => {
      const result = await httpProbe(url, probe);
      workload.liveness.checks++;
      workload.liveness.consecutive = result.ok ? 0 : workload.liveness.consecutive + 1;
      workload.liveness.worst = Math.max(workload.liveness.worst, workload.liveness.consecutive);
    };
    workload.liveness.timer = setInterval(() => void tick(), (probe.periodSeconds ?? 10) * 1000);
    workload.liveness.timer.unref();
  }
  stopMonitor(workload: Workload): void {
    if (workload.liveness.timer) clearInterval(workload.liveness.timer);
    workload.liveness.timer = undefined;
  }

  /** The kernel's view of a running container's main process (from the host's /proc). */
  async processStatus(name: string): Promise<{
    uid: number[];
    gid: number[];
    groups: number[];
    capEff: bigint;
    capBnd: bigint;
    noNewPrivs: number;
    rootReadOnly: boolean;
    mounts: string[];
  }> {
    const { Pid } = await this.state(name);
    const status = readFileSync(`/proc/${Pid}/status`, "utf8");
    const field = (key: string) => status.match(new RegExp(`^${key}:\\s*(.*)$`, "m"))?.[1]?.trim() ?? "";
    const mountinfo = readFileSync(`/proc/${Pid}/mountinfo`, "utf8").trim().split("\n");
    const root = mountinfo.find((line) => line.split(" ")[4] === "/");
    return {
      uid: field("Uid").split(/\s+/).map(Number),
      gid: field("Gid").split(/\s+/).map(Number),
      groups: field("Groups").split(/\s+/).filter(Boolean).map(Number),
      capEff: BigInt(`0x${field("CapEff")}`),
      capBnd: BigInt(`0x${field("CapBnd")}`),
      noNewPrivs: Number(field("NoNewPrivs")),
      rootReadOnly: (root?.split(" ")[5] ?? "").split(",").includes("ro"),
      mounts: mountinfo.map((line) => line.split(" ")[4] as string),
    };
  }

  /**
   * Listening TCP sockets of the pod's network namespace (all containers share it), as
   * "address:port" with 0.0.0.0 / :: for all interfaces, read from the host's /proc.
   */
  async listening(name: string): Promise<string[]> {
    const { Pid } = await this.state(name);
    const sockets: string[] = [];
    for (const [file, v6] of [
      ["tcp", false],
      ["tcp6", true],
    ] as const) {
      const text = readFileSync(`/proc/${Pid}/net/${file}`, "utf8").trim().split("\n").slice(1);
      for (const line of text) {
        const [, local, , state] = line.trim().split(/\s+/);
        if (state !== "0A" || !local) continue; // 0A = LISTEN
        const [hex, portHex] = local.split(":") as [string, string];
        const all = /^0+$/.test(hex);
        const loopback = v6 ? hex === "00000000000000000000000001000000" : hex === "0100007F";
        sockets.push(
          `${all ? (v6 ? "::" : "0.0.0.0") : loopback ? (v6 ? "::1" : "127.0.0.1") : hex}:${Number.parseInt(portHex, 16)}`,
        );
      }
    }
    return sockets;
  }

  /** Removes every container and the pod this cluster created, by name, and the emptyDir directories. */
  async destroy(): Promise<void> {
    for (const workload of this.workloads.values()) this.stopMonitor(workload);
    for (const name of [...this.created].reverse())
      await podman(["rm", "-f", "-t", "0", name], { check: false, timeoutMs: 60_000 });
    if (this.podCreated)
      await podman(["pod", "rm", "-f", "-t", "0", this.pod], { check: false, timeoutMs: 60_000 });
    rmSync(this.volumeRoot, { recursive: true, force: true });
  }
}

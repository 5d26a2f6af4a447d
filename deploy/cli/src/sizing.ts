// How big a Minikube `up` asks for. The true minimum is computed from the chart's dev values (the
// memory requests of every pod they run) plus what Kubernetes itself and the addons need, so it
// follows the chart instead of a guess. The request is what Docker has minus a margin, capped at
// a comfortable size, never below the minimum; less than the minimum is refused up front, because
// `minikube start` would refuse it anyway (or start a cluster whose pods stay Pending).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export type ValuesTree = { [key: string]: unknown };

/**
 * Kubernetes and Minikube's own pods and processes, measured requests and typical use: kubelet and
 * the container runtime (~500 MiB), etcd (100 Mi request, ~150 MiB used), kube-apiserver
 * (~350 MiB), controller-manager and scheduler (~150 MiB), CoreDNS (70 Mi request), kube-proxy,
 * storage-provisioner, ingress-nginx (90 Mi request, ~200 MiB used) and metrics-server (200 Mi
 * request): about 2 GiB.
 */
export const SYSTEM_OVERHEAD_MIB = 2048;
/** calico-node and calico-kube-controllers with `--cni=calico`. */
export const CALICO_OVERHEAD_MIB = 512;
/** `minikube start` refuses less memory than this (RSRC_INSUFFICIENT_REQ_MEMORY). */
export const MINIKUBE_FLOOR_MIB = 1800;
/** `minikube start` refuses fewer CPUs than this. */
export const MIN_CPUS = 2;
/** Enough for the pods plus `minikube image build` of the Next.js image inside the node. */
export const COMFORTABLE_MEMORY_MIB = 6144;
export const COMFORTABLE_CPUS = 4;
/** Left to Docker itself (its VM on Docker Desktop) and other containers. */
export const DOCKER_MARGIN_MIB = 1024;

const UNITS: Record<string, number> = {
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** A Kubernetes memory quantity ("128Mi", "0.5Gi", "100M", bytes) in MiB, rounded up. */
export function quantityToMiB(quantity: unknown): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(quantity ?? "0").trim());
  if (!m) throw new Error(`cannot read memory quantity ${JSON.stringify(quantity)}`);
  return Math.ceil((Number(m[1]) * (UNITS[m[2] ?? ""] ?? 1)) / 1024 ** 2);
}

/** A --memory / TASKFLOW_MINIKUBE_MEMORY value: MiB ("6144", "6144mb") or GiB ("6g", "6gb"). */
export function parseMemoryMiB(text: string): number | undefined {
  const m = /^(\d+)\s*(m|mb|mi|mib|g|gb|gi|gib)?$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2]?.toLowerCase().startsWith("g") ? n * 1024 : n;
}

export function parseCpus(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}

function merge(a: ValuesTree, b: ValuesTree): ValuesTree {
  const out: ValuesTree = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      v &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      prev &&
      typeof prev === "object" &&
      !Array.isArray(prev)
        ? merge(prev as ValuesTree, v as ValuesTree)
        : v;
  }
  return out;
}

/** values.yaml with values-dev.yaml on top, as `helm -f values-dev.yaml` sees them. */
export function devValues(repoRoot: string): ValuesTree {
  const read = (file: string) =>
    (parse(readFileSync(join(repoRoot, "deploy/helm/taskflow", file), "utf8")) ?? {}) as ValuesTree;
  return merge(read("values.yaml"), read("values-dev.yaml"));
}

const at = (tree: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((node, key) => (node as ValuesTree | undefined)?.[key], tree);

export interface Minimum {
  /** Memory requests of the release's pods. */
  podRequestsMiB: number;
  overheadMiB: number;
  /** podRequestsMiB + overheadMiB, never below Minikube's own floor. */
  memoryMiB: number;
  cpus: number;
  /** One line saying where the number comes from. */
  breakdown: string;
}

/**
 * The smallest cluster the dev values fit in: every pod's memory request (web, api, mcp × their
 * replicas, the bundled PostgreSQL, the migration Job and one helm test pod at a time) plus the
 * system overhead (and Calico's when chosen).
 */
export function minimumResources(repoRoot: string, opts: { cni: string; values?: ValuesTree }): Minimum {
  const values = opts.values ?? devValues(repoRoot);
  const parts: string[] = [];
  let pods = 0;
  const add = (label: string, count: number, quantity: unknown) => {
    const mib = quantityToMiB(quantity) * count;
    pods += mib;
    parts.push(`${label} ${count > 1 ? `${count}×` : ""}${quantityToMiB(quantity)}`);
    return mib;
  };
  for (const c of ["web", "api", "mcp"]) {
    if (at(values, `${c}.enabled`) === false) continue;
    const replicas = Number(
      at(values, `${c}.autoscaling.enabled`) === true
        ? at(values, `${c}.autoscaling.minReplicas`)
        : (at(values, `${c}.replicas`) ?? 1),
    );
    add(c, replicas, at(values, `${c}.resources.requests.memory`));
  }
  if ((at(values, "database.mode") ?? "bundled") === "bundled")
    add("postgresql", 1, at(values, "database.bundled.resources.requests.memory"));
  if (at(values, "migrations.enabled") !== false)
    add("migrate", 1, at(values, "migrations.resources.requests.memory"));
  if (at(values, "tests.enabled") !== false) add("test", 1, at(values, "tests.resources.requests.memory"));
  const overhead = SYSTEM_OVERHEAD_MIB + (opts.cni === "calico" ? CALICO_OVERHEAD_MIB : 0);
  return {
    podRequestsMiB: pods,
    overheadMiB: overhead,
    memoryMiB: Math.max(MINIKUBE_FLOOR_MIB, pods + overhead),
    cpus: MIN_CPUS,
    breakdown: `pod requests ${pods} MiB (${parts.join(" + ")}) + ${overhead} MiB for Kubernetes and the addons${
      opts.cni === "calico" ? " (with Calico)" : ""
    }`,
  };
}

export interface DockerInfo {
  NCPU: number;
  MemTotal: number;
}

export interface Sizing {
  cpus: number;
  memoryMiB: number;
  /** Why these numbers, for the progress line. */
  note: string;
}

/** Picks `--cpus`/`--memory`, or throws a message naming what Docker has and what is needed. */
export function chooseResources(input: {
  docker: DockerInfo | undefined;
  /** Why Docker's numbers are unknown (another driver, docker info failed). */
  unknownReason?: string;
  minimum: Minimum;
  cpus?: number;
  memoryMiB?: number;
}): Sizing {
  const { docker, minimum } = input;
  const need = `${minimum.memoryMiB} MiB (${minimum.breakdown})`;
  const notes: string[] = [];
  if (input.memoryMiB !== undefined && input.memoryMiB < MINIKUBE_FLOOR_MIB)
    throw new Error(`--memory ${input.memoryMiB} MiB: Minikube refuses less than ${MINIKUBE_FLOOR_MIB} MiB.`);
  if (input.cpus !== undefined && input.cpus < MIN_CPUS)
    throw new Error(`--cpus ${input.cpus}: Minikube needs at least ${MIN_CPUS} CPUs.`);
  if (!docker) {
    const cpus = input.cpus ?? COMFORTABLE_CPUS;
    const memoryMiB = input.memoryMiB ?? Math.max(minimum.memoryMiB, COMFORTABLE_MEMORY_MIB);
    return {
      cpus,
      memoryMiB,
      note: `${input.unknownReason ?? "Docker's resources are unknown"}: using the defaults ${cpus} CPUs, ${memoryMiB} MiB (needs at least ${minimum.memoryMiB} MiB)`,
    };
  }
  const haveMiB = Math.floor(docker.MemTotal / 1024 ** 2);
  if (docker.NCPU < MIN_CPUS)
    throw new Error(
      `Docker has ${docker.NCPU} CPU; Minikube needs at least ${MIN_CPUS}. Give Docker more CPUs (Docker Desktop → Settings → Resources).`,
    );
  if (input.cpus !== undefined && input.cpus > docker.NCPU)
    throw new Error(`--cpus ${input.cpus}: Docker has only ${docker.NCPU} CPUs.`);
  if (input.memoryMiB !== undefined && input.memoryMiB > haveMiB)
    throw new Error(
      `--memory ${input.memoryMiB} MiB is more than Docker has (${haveMiB} MiB); Minikube would refuse it. Taskflow needs at least ${need}.`,
    );
  if (input.memoryMiB === undefined && haveMiB < minimum.memoryMiB)
    throw new Error(
      `Docker has ${haveMiB} MiB of memory; Taskflow's dev setup needs at least ${need}. Give Docker more memory (Docker Desktop → Settings → Resources → Memory), or try anyway with --memory.`,
    );
  if (input.memoryMiB !== undefined && input.memoryMiB < minimum.memoryMiB)
    notes.push(`below the ${minimum.memoryMiB} MiB minimum: pods may stay Pending`);
  const cpus = input.cpus ?? Math.min(docker.NCPU, COMFORTABLE_CPUS);
  const memoryMiB =
    input.memoryMiB ??
    Math.max(minimum.memoryMiB, Math.min(haveMiB - DOCKER_MARGIN_MIB, COMFORTABLE_MEMORY_MIB));
  const how = input.memoryMiB !== undefined || input.cpus !== undefined ? "as asked" : "sized";
  return {
    cpus,
    memoryMiB,
    note: `${cpus} CPUs, ${memoryMiB} MiB ${how}; Docker has ${docker.NCPU} CPUs, ${haveMiB} MiB; minimum ${minimum.memoryMiB} MiB${
      notes.length ? ` (${notes.join("; ")})` : ""
    }`,
  };
}

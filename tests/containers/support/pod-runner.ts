// Turns rendered pod specs into `podman run` arguments, as a kubelet would run them: the pod's and the
// container's securityContext (user, group, fsGroup, read-only root, capabilities, no new privileges),
// emptyDir volumes as tmpfs mounts with Kubernetes' permissions, resource limits, the environment
// resolved from the rendered ConfigMap and Secrets, and the command/args overriding the image's
// ENTRYPOINT/CMD exactly as Kubernetes does. Anything the chart renders that this file cannot reproduce
// faithfully (another volume type, a hostPath, a privileged flag…) throws instead of being ignored.
import type { K8sObject } from "../../k8s/render";
import { type EnvContainer, resolvePodEnv } from "./pod-env";

export type Probe = {
  httpGet?: {
    path: string;
    port: string | number;
    scheme?: string;
    httpHeaders?: { name: string; value: string }[];
  };
  exec?: { command: string[] };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
  successThreshold?: number;
};
type SecurityContext = {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  fsGroup?: number;
  supplementalGroups?: number[];
  readOnlyRootFilesystem?: boolean;
  allowPrivilegeEscalation?: boolean;
  privileged?: boolean;
  capabilities?: { drop?: string[]; add?: string[] };
  seccompProfile?: { type: string };
};
export type ContainerSpec = {
  name: string;
  image: string;
  imagePullPolicy?: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  env?: EnvContainer["env"];
  envFrom?: EnvContainer["envFrom"];
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] }; sleep?: { seconds: number } } };
  resources?: { limits?: { cpu?: string; memory?: string }; requests?: { cpu?: string; memory?: string } };
  securityContext?: SecurityContext;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
};
export type PodSpec = {
  securityContext?: SecurityContext;
  containers: ContainerSpec[];
  initContainers?: ContainerSpec[];
  volumes?: { name: string; emptyDir?: { medium?: string; sizeLimit?: string } }[];
  terminationGracePeriodSeconds?: number;
  restartPolicy?: string;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  shareProcessNamespace?: boolean;
};

export const podSpecOf = (o: K8sObject): PodSpec =>
  o.kind === "Pod" ? (o.spec as PodSpec) : (o.spec.template.spec as PodSpec);
export const componentOf = (o: K8sObject) => o.metadata.labels?.["app.kubernetes.io/component"] as string;

/** Kubernetes quantities ("64Mi", "1Gi", "500m", "2") in bytes or cores. */
export function bytes(quantity: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(quantity);
  if (!m) throw new Error(`unsupported memory quantity ${quantity}`);
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12 }[
    m[2] as string
  ];
  return Math.round(Number(m[1]) * (unit ?? 1));
}
export function cores(quantity: string): number {
  const m = /^(\d+(?:\.\d+)?)(m)?$/.exec(quantity);
  if (!m) throw new Error(`unsupported cpu quantity ${quantity}`);
  return Number(m[1]) / (m[2] ? 1000 : 1);
}

/** The uid:gid a container runs as (container securityContext over the pod's), or undefined for the image's. */
export function effectiveUser(pod: PodSpec, container: ContainerSpec): { uid?: number; gid?: number } {
  const uid = container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
  const gid = container.securityContext?.runAsGroup ?? pod.securityContext?.runAsGroup;
  return { uid, gid };
}

/**
 * podman flags for the container's securityContext. Kubernetes semantics reproduced:
 * - runAsUser/runAsGroup → --user uid:gid; fsGroup and supplementalGroups → extra groups of the process.
 * - readOnlyRootFilesystem → --read-only WITHOUT podman's default writable /tmp, /var/tmp and /run
 *   (--read-only-tmpfs=false): only the pod's volumes are writable, as in the cluster.
 * - capabilities.drop ALL → --cap-drop ALL; allowPrivilegeEscalation false → no-new-privileges.
 * - seccompProfile RuntimeDefault → podman's default seccomp profile (nothing to add).
 */
export function securityFlags(pod: PodSpec, container: ContainerSpec): string[] {
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC || pod.shareProcessNamespace)
    throw new Error(
      `${container.name}: host namespaces or a shared process namespace are not reproduced here`,
    );
  const sc = container.securityContext ?? {};
  const podSc = pod.securityContext ?? {};
  if (sc.privileged) throw new Error(`${container.name}: privileged containers are not reproduced here`);
  const flags: string[] = [];
  const { uid, gid } = effectiveUser(pod, container);
  if (uid !== undefined) flags.push("--user", gid === undefined ? String(uid) : `${uid}:${gid}`);
  const groups = [
    ...(podSc.fsGroup !== undefined ? [podSc.fsGroup] : []),
    ...(podSc.supplementalGroups ?? []),
  ];
  for (const group of groups) flags.push("--group-add", String(group));
  if (sc.readOnlyRootFilesystem) flags.push("--read-only", "--read-only-tmpfs=false");
  for (const cap of sc.capabilities?.drop ?? []) flags.push("--cap-drop", cap);
  for (const cap of sc.capabilities?.add ?? []) flags.push("--cap-add", cap);
  if (sc.allowPrivilegeEscalation === false) flags.push("--security-opt", "no-new-privileges");
  const seccomp = sc.seccompProfile?.type ?? podSc.seccompProfile?.type;
  if (seccomp && seccomp !== "RuntimeDefault")
    throw new Error(`${container.name}: seccomp profile ${seccomp} is not reproduced here`);
  return flags;
}

/**
 * The container's volume mounts. Only emptyDir is supported, made as kubelet makes it: a fresh host
 * directory, mode 0777, and with an fsGroup group-owned by it with the setgid bit (2777), bind-mounted
 * (it outlives container restarts within the pod, as in Kubernetes). `medium: Memory` is a tmpfs, as in
 * Kubernetes. (A podman --tmpfs is not equivalent: runc gives a tmpfs the mode of the image's directory.)
 * `volumeDir(name)` returns the host directory for a pod volume; the caller creates and removes it.
 */
export function volumeFlags(
  pod: PodSpec,
  container: ContainerSpec,
  volumeDir: (volume: string) => string,
): string[] {
  const flags: string[] = [];
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.volumes?.find((v) => v.name === mount.name);
    if (!volume) throw new Error(`${container.name}: volumeMount ${mount.name} names no volume of the pod`);
    if (!volume.emptyDir)
      throw new Error(`${container.name}: volume ${mount.name} is not an emptyDir; not reproduced here`);
    if (mount.subPath) throw new Error(`${container.name}: subPath mounts are not reproduced here`);
    if (volume.emptyDir.medium === "Memory") {
      const size = volume.emptyDir.sizeLimit ? `,size=${bytes(volume.emptyDir.sizeLimit)}` : "";
      flags.push("--tmpfs", `${mount.mountPath}:${mount.readOnly ? "ro" : "rw"}${size}`);
    } else {
      flags.push("--volume", `${volumeDir(mount.name)}:${mount.mountPath}:${mount.readOnly ? "ro" : "rw"}`);
    }
  }
  return flags;
}

/** --memory/--cpus from the limits (what the cgroup enforces in the cluster); requests only weigh scheduling. */
export function resourceFlags(container: ContainerSpec): string[] {
  const limits = container.resources?.limits ?? {};
  const flags: string[] = [];
  if (limits.memory)
    flags.push("--memory", String(bytes(limits.memory)), "--memory-swap", String(bytes(limits.memory)));
  if (limits.cpu) flags.push("--cpus", String(cores(limits.cpu)));
  return flags;
}

/** podman's --pull for an imagePullPolicy. */
export function pullFlag(policy: string | undefined): string {
  switch (policy) {
    case "Never":
      return "--pull=never";
    case "Always":
      return "--pull=always";
    default:
      return "--pull=missing";
  }
}

/**
 * Kubernetes: `command` replaces the image ENTRYPOINT (and then the image CMD is ignored), `args`
 * replaces CMD. Returns the flags before the image and the words after it.
 */
export function commandFlags(container: ContainerSpec): { flags: string[]; after: string[] } {
  if (container.command) {
    return { flags: [`--entrypoint=${JSON.stringify(container.command)}`], after: container.args ?? [] };
  }
  return { flags: [], after: container.args ?? [] };
}

export type RunSpec = {
  /** podman container name */
  name: string;
  /** podman pod to join (shares its network namespace and /etc/hosts) */
  pod: string;
  /** the host name (Kubernetes: the pod's name) */
  hostname: string;
  spec: PodSpec;
  container: ContainerSpec;
  /** rendered objects plus any the user creates by hand (e.g. an external database Secret) */
  objects: K8sObject[];
  detach?: boolean;
  /** host directory of each of the pod's emptyDir volumes (see volumeFlags) */
  volumeDir: (volume: string) => string;
};

/** Everything after `podman run` for one container of a rendered pod. */
export function runArgs(run: RunSpec): string[] {
  const { spec, container } = run;
  const env = resolvePodEnv(container, run.objects);
  const { flags: cmd, after } = commandFlags(container);
  return [
    ...(run.detach ? ["-d"] : []),
    "--name",
    run.name,
    "--pod",
    run.pod,
    "--hostname",
    run.hostname,
    // Kubernetes ignores an image's HEALTHCHECK; its probes are the chart's.
    "--no-healthcheck",
    pullFlag(container.imagePullPolicy),
    ...securityFlags(spec, container),
    ...volumeFlags(spec, container, run.volumeDir),
    ...resourceFlags(container),
    ...(container.workingDir ? ["--workdir", container.workingDir] : []),
    ...Object.entries(env).flatMap(([k, v]) => ["--env", `${k}=${v}`]),
    ...cmd,
    container.image,
    ...after,
  ];
}

/** The container port a probe targets (a named port resolved against the container's ports). */
export function probePort(container: ContainerSpec, probe: Probe): number {
  const port = probe.httpGet?.port;
  if (typeof port === "number") return port;
  const named = container.ports?.find((p) => p.name === port);
  if (!named) throw new Error(`${container.name}: probe port ${String(port)} is not a port of the container`);
  return named.containerPort;
}

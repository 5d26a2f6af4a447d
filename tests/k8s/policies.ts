// Policy checks over rendered manifests: Pod Security Standard "restricted" and the Polaris
// checks in shared/reference/polaris-checks, written as plain assertions. Each Polaris check
// honours `polaris.fairwinds.com/<check>-exempt: "true"` on the object (or on the controller
// for container and pod checks), as Polaris does.
import type { K8sObject } from "./render";

// biome-ignore lint/suspicious/noExplicitAny: manifests are open-ended JSON
type Json = any;

export interface Workload {
  obj: K8sObject;
  kind: string;
  name: string;
  podMeta: { labels?: Record<string, string>; annotations?: Record<string, string> };
  podSpec: Json;
}

export const WORKLOAD_KINDS = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod"];

export function workloads(objects: K8sObject[]): Workload[] {
  const out: Workload[] = [];
  for (const obj of objects) {
    if (!WORKLOAD_KINDS.includes(obj.kind)) continue;
    let template: Json;
    if (obj.kind === "Pod") template = { metadata: obj.metadata, spec: obj.spec };
    else if (obj.kind === "CronJob") template = obj.spec.jobTemplate.spec.template;
    else template = obj.spec.template;
    out.push({
      obj,
      kind: obj.kind,
      name: obj.metadata.name,
      podMeta: template.metadata ?? {},
      podSpec: template.spec,
    });
  }
  return out;
}

export function allContainers(spec: Json): { c: Json; init: boolean }[] {
  return [
    ...(spec.initContainers ?? []).map((c: Json) => ({ c, init: true })),
    ...(spec.containers ?? []).map((c: Json) => ({ c, init: false })),
  ];
}

/** Violations of the Pod Security Standard "restricted" profile (v1.28+) for one pod spec. */
export function pssRestrictedViolations(spec: Json): string[] {
  const v: string[] = [];
  const podSc = spec.securityContext ?? {};
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC) v.push("host namespaces");
  const allowedVolumes = [
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "persistentVolumeClaim",
    "projected",
    "secret",
  ];
  for (const vol of spec.volumes ?? []) {
    const type = Object.keys(vol).find((k) => k !== "name");
    if (!type || !allowedVolumes.includes(type)) v.push(`volume ${vol.name} of type ${type}`);
  }
  const safeSysctls = [
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
    "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
  ];
  for (const s of podSc.sysctls ?? []) if (!safeSysctls.includes(s.name)) v.push(`sysctl ${s.name}`);
  if (podSc.runAsUser === 0) v.push("pod runAsUser 0");
  const seccompOk = (p: Json) => p && (p.type === "RuntimeDefault" || p.type === "Localhost");
  for (const { c } of allContainers(spec)) {
    const sc = c.securityContext ?? {};
    const n = `container ${c.name}`;
    if (sc.privileged) v.push(`${n} privileged`);
    if (sc.allowPrivilegeEscalation !== false) v.push(`${n} allowPrivilegeEscalation not false`);
    if (sc.runAsNonRoot !== true && podSc.runAsNonRoot !== true) v.push(`${n} runAsNonRoot not true`);
    if (sc.runAsNonRoot === false) v.push(`${n} runAsNonRoot false`);
    if (sc.runAsUser === 0) v.push(`${n} runAsUser 0`);
    if (
      !seccompOk(sc.seccompProfile) &&
      !(sc.seccompProfile === undefined && seccompOk(podSc.seccompProfile))
    ) {
      v.push(`${n} seccompProfile not RuntimeDefault/Localhost`);
    }
    const drop: string[] = sc.capabilities?.drop ?? [];
    if (!drop.includes("ALL")) v.push(`${n} does not drop ALL capabilities`);
    for (const cap of sc.capabilities?.add ?? []) if (cap !== "NET_BIND_SERVICE") v.push(`${n} adds ${cap}`);
    if (sc.procMount && sc.procMount !== "Default") v.push(`${n} procMount`);
    for (const p of c.ports ?? []) if (p.hostPort) v.push(`${n} hostPort`);
    if (sc.windowsOptions?.hostProcess) v.push(`${n} hostProcess`);
    if (sc.seLinuxOptions?.user || sc.seLinuxOptions?.role) v.push(`${n} seLinux user/role`);
  }
  return v;
}

function exempt(obj: K8sObject, check: string): boolean {
  return obj.metadata.annotations?.[`polaris.fairwinds.com/${check}-exempt`] === "true";
}

function hasLabels(labels: Record<string, string> | undefined, wanted: Record<string, string>): boolean {
  return Object.entries(wanted).every(([k, val]) => labels?.[k] === val);
}

/** Polaris's missingNetworkPolicy: exactly one matchLabels entry matches (its `oneOf`). */
function networkPolicyCovers(np: K8sObject, podLabels: Record<string, string>): boolean {
  const spec = np.spec ?? {};
  const matchLabels: Record<string, string> | undefined = spec.podSelector?.matchLabels;
  if (!matchLabels) return false;
  const matching = Object.entries(podLabels).filter(([k, val]) => matchLabels[k] === val).length;
  if (matching !== 1) return false;
  // Kubernetes semantics too: every matchLabels/matchExpressions term must select the pod.
  if (!hasLabels(podLabels, matchLabels)) return false;
  for (const e of spec.podSelector.matchExpressions ?? []) {
    const has = e.key in podLabels;
    if (e.operator === "In" && !(has && e.values.includes(podLabels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(podLabels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  const types: string[] = (spec.policyTypes ?? []).map((t: string) => t.toLowerCase());
  return (
    (spec.ingress?.length ?? 0) >= 1 &&
    (spec.egress?.length ?? 0) >= 1 &&
    types.includes("ingress") &&
    types.includes("egress")
  );
}

const SENSITIVE = [
  /^AWS_SECRET_ACCESS_KEY$/i,
  /^GOOGLE_APPLICATION_CREDENTIALS$/i,
  /^AZURE_.+KEY$/i,
  /^OCI_CLI_KEY_CONTENT$/i,
  /password/i,
  /token/i,
  /bearer/i,
  /secret/i,
];
const PRIVATE_KEY = /\s*-BEGIN\s+.*PRIVATE KEY-\s*/i;

/** Failed Polaris checks as "Kind/name: check (detail)" strings; empty means clean. */
export function polarisFindings(objects: K8sObject[]): string[] {
  const findings: string[] = [];
  const fail = (obj: K8sObject, check: string, detail = "") => {
    if (!exempt(obj, check))
      findings.push(`${obj.kind}/${obj.metadata.name}: ${check}${detail ? ` (${detail})` : ""}`);
  };
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const hpas = byKind("HorizontalPodAutoscaler");
  const pdbs = byKind("PodDisruptionBudget");
  const nps = byKind("NetworkPolicy");
  const serviceAccounts = byKind("ServiceAccount");

  for (const w of workloads(objects)) {
    const { obj, podSpec: spec } = w;
    const isJob = w.kind === "Job" || w.kind === "CronJob";
    // Pod-spec checks.
    if (spec.hostIPC) fail(obj, "hostIPCSet");
    if (spec.hostPID) fail(obj, "hostPIDSet");
    if (spec.hostNetwork) fail(obj, "hostNetworkSet");
    if ((spec.volumes ?? []).some((v: Json) => v.hostPath)) fail(obj, "hostPathSet");
    if (spec.securityContext?.windowsOptions?.hostProcess) fail(obj, "hostProcess");
    if (spec.automountServiceAccountToken !== false) {
      if (spec.automountServiceAccountToken === true) fail(obj, "automountServiceAccountToken");
      const sa = serviceAccounts.find((s) => s.metadata.name === spec.serviceAccountName);
      if (sa?.automountServiceAccountToken !== false)
        fail(obj, "automountServiceAccountToken", "service account");
    }
    if (!spec.priorityClassName) fail(obj, "priorityClassNotSet");
    if (!isJob && !(spec.topologySpreadConstraints?.length >= 1)) fail(obj, "topologySpreadConstraint");
    const podSc = spec.securityContext ?? {};
    for (const { c, init } of allContainers(spec)) {
      const sc = c.securityContext ?? {};
      const d = c.name;
      if (!init) {
        if (!c.resources?.requests?.cpu) fail(obj, "cpuRequestsMissing", d);
        if (!c.resources?.limits?.cpu) fail(obj, "cpuLimitsMissing", d);
        if (!c.resources?.requests?.memory) fail(obj, "memoryRequestsMissing", d);
        if (!c.resources?.limits?.memory) fail(obj, "memoryLimitsMissing", d);
        if (!isJob && !c.livenessProbe) fail(obj, "livenessProbeMissing", d);
        if (!isJob && !c.readinessProbe) fail(obj, "readinessProbeMissing", d);
      }
      if (!/^.+:.+$/.test(c.image ?? "") || /:latest$/.test(c.image)) fail(obj, "tagNotSpecified", d);
      if (c.imagePullPolicy !== "Always") fail(obj, "pullPolicyNotAlways", d);
      if (sc.procMount && sc.procMount !== "Default") fail(obj, "procMount", d);
      if ((c.ports ?? []).some((p: Json) => p.hostPort)) fail(obj, "hostPortSet", d);
      if (sc.privileged === true || podSc.privileged === true) fail(obj, "runAsPrivileged", d);
      if (sc.allowPrivilegeEscalation !== false) fail(obj, "privilegeEscalationAllowed", d);
      const nonRoot = (x: Json) =>
        x.runAsNonRoot === true || (typeof x.runAsUser === "number" && x.runAsUser >= 1);
      const notBad = (x: Json) =>
        x.runAsNonRoot !== false && !(typeof x.runAsUser === "number" && x.runAsUser < 1);
      if (!((nonRoot(podSc) && notBad(sc)) || nonRoot(sc))) fail(obj, "runAsRootAllowed", d);
      if (
        !(
          sc.readOnlyRootFilesystem === true ||
          (podSc.readOnlyRootFilesystem === true && sc.readOnlyRootFilesystem !== false)
        )
      ) {
        fail(obj, "notReadOnlyRootFilesystem", d);
      }
      const drop: string[] = (sc.capabilities?.drop ?? []).map((x: string) => x.toUpperCase());
      const add: string[] = (sc.capabilities?.add ?? []).map((x: string) => x.toUpperCase());
      if (!drop.includes("ALL")) fail(obj, "insecureCapabilities", d);
      if (add.some((x) => ["ALL", "SYS_ADMIN", "NET_ADMIN"].includes(x)))
        fail(obj, "dangerousCapabilities", d);
      const seccomp = (p: Json) => p?.type && p.type !== "Unconfined";
      const hardened =
        seccomp(podSc.seccompProfile) ||
        seccomp(sc.seccompProfile) ||
        podSc.seLinuxOptions ||
        sc.seLinuxOptions ||
        (drop.length > 0 && !add.includes("ALL"));
      if (!hardened) fail(obj, "linuxHardening", d);
      for (const e of c.env ?? []) {
        if ("value" in e && SENSITIVE.some((re) => re.test(e.name)))
          fail(obj, "sensitiveContainerEnvVar", `${d} ${e.name}`);
        if (typeof e.value === "string" && PRIVATE_KEY.test(e.value))
          fail(obj, "sensitiveContainerEnvVar", `${d} ${e.name}`);
      }
    }
    // Controller checks.
    if (obj.metadata.labels?.["app.kubernetes.io/instance"] !== obj.metadata.name)
      fail(obj, "metadataAndInstanceMismatched");
    const labels = w.podMeta.labels ?? {};
    if (!nps.some((np) => networkPolicyCovers(np, labels))) fail(obj, "missingNetworkPolicy");
    if (w.kind === "Deployment") {
      if (!(typeof obj.spec.replicas === "number" && obj.spec.replicas >= 2))
        fail(obj, "deploymentMissingReplicas");
      const pdb = pdbs.find(
        (p) =>
          p.spec?.selector?.matchLabels &&
          Object.entries(p.spec.selector.matchLabels).some(([k, val]) => labels[k] === val) &&
          hasLabels(labels, p.spec.selector.matchLabels),
      );
      if (!pdb) fail(obj, "missingPodDisruptionBudget");
      const hpa = hpas.find(
        (h) =>
          h.spec.scaleTargetRef?.kind === "Deployment" && h.spec.scaleTargetRef.name === obj.metadata.name,
      );
      if (
        pdb &&
        hpa &&
        typeof pdb.spec.minAvailable === "number" &&
        pdb.spec.minAvailable > hpa.spec.minReplicas
      ) {
        fail(obj, "pdbMinAvailableGreaterThanHPAMinReplicas");
      }
    }
  }
  for (const h of hpas) {
    if (typeof h.spec.minReplicas === "number" && h.spec.minReplicas < 2) fail(h, "hpaMinAvailability");
    if (!(h.spec.maxReplicas >= 1) || (h.spec.minReplicas && !(h.spec.maxReplicas > h.spec.minReplicas)))
      fail(h, "hpaMaxAvailability");
  }
  for (const p of pdbs) {
    if (p.spec.minAvailable === "100%" || p.spec.maxUnavailable === 0 || p.spec.maxUnavailable === "0%")
      fail(p, "pdbDisruptionsIsZero");
  }
  for (const ing of byKind("Ingress")) if (!Array.isArray(ing.spec?.tls)) fail(ing, "tlsSettingsMissing");
  for (const cm of byKind("ConfigMap")) {
    for (const [k, val] of Object.entries(cm.data ?? {})) {
      if (SENSITIVE.some((re) => re.test(k)) || PRIVATE_KEY.test(String(val)))
        fail(cm, "sensitiveConfigmapContent", k);
    }
  }
  // RBAC checks (clusterrole*/role* PodExecAttach, ClusterAdmin): the chart must render no RBAC.
  for (const o of objects) {
    if (["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"].includes(o.kind))
      fail(o, "rbacNotExpected");
  }
  return findings;
}

// What a container's environment is inside the cluster: envFrom ConfigMaps and Secrets, then `env`
// entries (literal values and secretKeyRef/configMapKeyRef), resolved from the rendered objects.
import type { K8sObject } from "../../k8s/render";

export type EnvContainer = {
  name: string;
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: KeyRef; configMapKeyRef?: KeyRef } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
};
type KeyRef = { name: string; key: string; optional?: boolean };

function dataOf(objects: K8sObject[], kind: "ConfigMap" | "Secret", name: string): Record<string, string> {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind} ${name} is referenced but not rendered`);
  if (kind === "ConfigMap") return { ...(found.data ?? {}) };
  const decoded = Object.fromEntries(
    Object.entries((found.data ?? {}) as Record<string, string>).map(([k, v]) => [
      k,
      Buffer.from(v, "base64").toString("utf8"),
    ]),
  );
  return { ...decoded, ...(found.stringData ?? {}) };
}

export function resolvePodEnv(container: EnvContainer, objects: K8sObject[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) Object.assign(env, dataOf(objects, "ConfigMap", source.configMapRef.name));
    if (source.secretRef) Object.assign(env, dataOf(objects, "Secret", source.secretRef.name));
  }
  for (const entry of container.env ?? []) {
    if (entry.value !== undefined) {
      env[entry.name] = entry.value;
      continue;
    }
    const ref = entry.valueFrom?.secretKeyRef ?? entry.valueFrom?.configMapKeyRef;
    if (!ref) throw new Error(`${container.name}: env ${entry.name} has neither value nor a key reference`);
    const data = dataOf(objects, entry.valueFrom?.secretKeyRef ? "Secret" : "ConfigMap", ref.name);
    const value = data[ref.key];
    if (value === undefined) {
      if (ref.optional) continue;
      throw new Error(`${container.name}: env ${entry.name} refers to missing key ${ref.name}/${ref.key}`);
    }
    env[entry.name] = value;
  }
  return env;
}

/** Rewrites `<service>:<port>` after `//` or `@` in every value to the local address standing in for it. */
export function mapServiceHosts(
  env: Record<string, string>,
  services: Map<string, string>,
): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    let result = value;
    for (const [from, to] of services) {
      const pattern = new RegExp(`(//|@)${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=[/?]|$)`, "g");
      result = result.replace(pattern, `$1${to}`);
    }
    mapped[key] = result;
  }
  return mapped;
}

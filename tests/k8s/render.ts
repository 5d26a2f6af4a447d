// Renders the Taskflow chart offline with real helm and returns the parsed objects.
// Shared by the chart tests and the real-container suite (tests/containers).
import { execFile } from "node:child_process";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { chartDir, helm, helmBin, repoRoot } from "./tools";

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // biome-ignore lint/suspicious/noExplicitAny: rendered manifests are open-ended JSON
  [key: string]: any;
};

export const RELEASE = "taskflow";
export const NAMESPACE = "taskflow";

/** Absolute path of a values file in the chart directory ("values-dev.yaml"), or the path itself. */
export function valuesPath(file: string): string {
  return file.includes("/") ? file : join(chartDir, file);
}

/**
 * Booleans and integers keep their YAML type (--set) so the schema sees what a user's --set
 * gives; image tags and secrets stay strings (--set-string) even when they look numeric.
 */
function setFlag(key: string, value: string): "--set" | "--set-string" {
  if (/(\.tag|^secrets\.)/.test(key)) return "--set-string";
  return /^(true|false|-?\d+)$/.test(value) ? "--set" : "--set-string";
}

/** The Gateway API CRD as `--api-versions` announces it (what `helm template` assumes installed). */
export const HTTPROUTE_API = "gateway.networking.k8s.io/v1/HTTPRoute";

export function helmTemplateArgs(
  valuesFiles: string[],
  sets: Record<string, string> = {},
  release = RELEASE,
): string[] {
  const args = ["template", release, chartDir, "--namespace", NAMESPACE];
  // Scenarios that turn the HTTPRoute on render for a cluster that has the Gateway API CRDs.
  if (sets["gateway.enabled"] === "true") args.push("--api-versions", HTTPROUTE_API);
  for (const file of valuesFiles) args.push("-f", valuesPath(file));
  for (const [key, value] of Object.entries(sets)) args.push(setFlag(key, value), `${key}=${value}`);
  return args;
}

/** Raw `helm template` result (for tests that expect a failure). */
export function helmTemplate(valuesFiles: string[], sets: Record<string, string> = {}, release = RELEASE) {
  return helm(helmTemplateArgs(valuesFiles, sets, release));
}

export function parseManifests(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`invalid YAML from helm: ${doc.errors[0]?.message}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null && typeof o === "object");
}

/**
 * `helm template` with the given values files (names in the chart dir or paths) and string
 * `--set-string` overrides; resolves to the rendered objects, hooks and test pods included.
 */
export async function renderChart(
  valuesFiles: string[],
  sets?: Record<string, string>,
): Promise<K8sObject[]> {
  const result = helmTemplate(valuesFiles, sets);
  if (result.code !== 0) throw new Error(`helm template failed:\n${result.stderr}`);
  return parseManifests(result.stdout);
}

/**
 * `helm template --dry-run=server` against a cluster (tests/k8s/fake-apiserver.ts): the chart's
 * `lookup` calls and `.Capabilities.APIVersions` see that cluster's objects and APIs. Async, so
 * an in-process fake API server keeps answering while helm runs.
 */
export function helmTemplateAgainst(
  kubeconfig: string,
  valuesFiles: string[],
  sets: Record<string, string> = {},
  options: { upgrade?: boolean; command?: "template" | "install" } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = helmTemplateArgs(valuesFiles, sets).filter((a, i, all) => {
    // The cluster, not a flag, says which APIs exist.
    return a !== "--api-versions" && all[i - 1] !== "--api-versions";
  });
  if (options.command) args[0] = options.command;
  args.push("--dry-run=server", "--disable-openapi-validation", "--kubeconfig", kubeconfig);
  if (options.upgrade) args.push("--is-upgrade");
  const home = join(repoRoot, "node_modules/.cache/k8s-tools/helm-home");
  return new Promise((resolve) => {
    execFile(
      helmBin(),
      args,
      {
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          HELM_CONFIG_HOME: join(home, "config"),
          HELM_CACHE_HOME: join(home, "cache"),
          HELM_DATA_HOME: join(home, "data"),
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Rendered objects for a cluster's state; throws with helm's message when rendering fails. */
export async function renderAgainst(
  kubeconfig: string,
  valuesFiles: string[],
  sets: Record<string, string> = {},
  options: { upgrade?: boolean } = {},
): Promise<K8sObject[]> {
  const result = await helmTemplateAgainst(kubeconfig, valuesFiles, sets, options);
  if (result.code !== 0) throw new Error(`helm template failed:\n${result.stderr}`);
  return parseManifests(result.stdout);
}

/**
 * NOTES.txt as `helm install --dry-run` prints it: client-side, or against a fake cluster (needed
 * when the values turn on the HTTPRoute, whose CRD `install` cannot be told about).
 */
export async function helmNotes(valuesFiles: string[], sets: Record<string, string> = {}): Promise<string> {
  let result: { code: number; stdout: string; stderr: string };
  if (sets["gateway.enabled"] === "true") {
    const { startFakeApiServer } = await import("./fake-apiserver");
    const cluster = await startFakeApiServer({ gatewayApi: true });
    try {
      result = await helmTemplateAgainst(cluster.kubeconfig, valuesFiles, sets, { command: "install" });
    } finally {
      await cluster.close();
    }
  } else {
    const args = helmTemplateArgs(valuesFiles, sets);
    args[0] = "install";
    result = helm([...args, "--dry-run=client"]);
  }
  if (result.code !== 0) throw new Error(`helm install --dry-run failed:\n${result.stderr}`);
  return result.stdout.split("\nNOTES:\n")[1] ?? "";
}

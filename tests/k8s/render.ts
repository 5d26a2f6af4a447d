// Renders the Taskflow chart offline with real helm and returns the parsed objects.
// Shared by the chart tests and the cluster simulation.
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { chartDir, helm } from "./tools";

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

export function helmTemplateArgs(
  valuesFiles: string[],
  sets: Record<string, string> = {},
  release = RELEASE,
): string[] {
  const args = ["template", release, chartDir, "--namespace", NAMESPACE];
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

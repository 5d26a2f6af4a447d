// What the chart tests share: the repository and chart paths, and `helm` run with an isolated config.
// helm and kubectl themselves are found by the deploy CLI's lookup (PATH, else the npm-packaged layer).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { helmBin } from "@taskflow/deploy/local-tools";

export { helmBin, kubectlBin } from "@taskflow/deploy/local-tools";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const chartDir = join(repoRoot, "deploy/helm/taskflow");
const cacheDir = join(repoRoot, "node_modules/.cache/k8s-tools");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs helm with an isolated HOME-less config so a developer's repos/plugins never leak in. */
export function helm(args: string[]): RunResult {
  const cfg = join(cacheDir, "helm-home");
  mkdirSync(cfg, { recursive: true });
  try {
    const stdout = execFileSync(helmBin(), args, {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        HELM_CONFIG_HOME: join(cfg, "config"),
        HELM_CACHE_HOME: join(cfg, "cache"),
        HELM_DATA_HOME: join(cfg, "data"),
      },
    });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? 1, stdout: String(e.stdout ?? ""), stderr: String(e.stderr ?? "") };
  }
}

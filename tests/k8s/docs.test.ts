// docs/kubernetes.md stays in sync with the chart: every values.yaml key is documented in its
// values table, and every documented key exists.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { chartDir, repoRoot } from "./tools";

const doc = readFileSync(join(repoRoot, "docs/kubernetes.md"), "utf8");

/** Expands "{web,api,mcp}.x / y" into ["web.x", "web.y", "api.x", ...]. */
function expand(cell: string): string[] {
  const parts = cell.split(" / ").map((p) => p.trim().replace(/`/g, ""));
  const first = parts[0] ?? "";
  const m = first.match(/^\{([^}]+)\}\.(.*)$/);
  const prefixes = m ? (m[1] ?? "").split(",") : [""];
  const head = m ? (m[2] ?? "") : first;
  const dot = head.lastIndexOf(".");
  const parent = dot >= 0 ? head.slice(0, dot + 1) : "";
  const keys = [head, ...parts.slice(1).map((p) => parent + p)];
  return prefixes.flatMap((p) => keys.map((k) => (p ? `${p}.${k}` : k)));
}

function documentedKeys(): string[] {
  const section = doc.split("## Values")[1]?.split("\n## ")[0] ?? "";
  return section
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .flatMap((l) => expand(l.split("|")[1] ?? ""));
}

function valuePaths(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0
      ? [path, ...valuePaths(v as Record<string, unknown>, path)]
      : [path];
  });
}

describe("docs/kubernetes.md", () => {
  const values = parse(readFileSync(join(chartDir, "values.yaml"), "utf8"));
  const all = new Set(valuePaths(values));
  const leaves = valuePaths(values).filter((p) => !valuePaths(values).some((q) => q.startsWith(`${p}.`)));
  const documented = documentedKeys();

  it("documents every values.yaml key (itself or a parent)", () => {
    const undocumented = leaves.filter(
      (leaf) => !documented.some((d) => leaf === d || leaf.startsWith(`${d}.`)),
    );
    expect(undocumented).toEqual([]);
  });

  it("documents no key that values.yaml lacks", () => {
    expect(documented.filter((d) => !all.has(d))).toEqual([]);
  });

  it("covers the sections the issue asks for", () => {
    for (const heading of [
      "Prerequisites",
      "The one-command path",
      "What `up` does",
      "Values",
      "External database (Neon)",
      "TLS",
      "Scaling and HPA",
      "Upgrades and rollbacks",
      "Backup and restore",
      "Troubleshooting",
      "AI-assisted operations",
    ]) {
      expect(doc).toContain(`## ${heading}`);
    }
    for (const word of [
      "ImagePullBackOff",
      "Pending",
      "minikube tunnel",
      "<unknown>",
      "kubectl-ai",
      "kagent",
      "Gordon",
      "pg_dump",
    ])
      expect(doc).toContain(word);
  });
});

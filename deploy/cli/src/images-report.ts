// `npm run images:report`: no image can be built on machines without Docker, so this prints,
// per service, the size of what the Dockerfile's runtime stage copies in (the payload), next to
// the base image's published size, and checks both against our users' targets.
//   api/mcp: apps/<svc>/dist + the production dependency closure that
//            `npm ci --omit=dev --workspace @taskflow/<svc>` installs (from package-lock.json,
//            measured on disk under node_modules)
//   web:     apps/web/.next/standalone (already holds .next/static and public)
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const MB = 1_000_000;

/**
 * node:22-alpine (linux/amd64) as published on Docker Hub: ~55 MB compressed, ~160 MB unpacked
 * (`docker image ls`, node 22.20 / alpine 3.22). The runtime stage removes npm, npx, yarn and
 * corepack (~15 MB) from it, which this report does not subtract, so the totals are upper bounds.
 */
export const BASE_IMAGE = {
  name: "node:22.20.0-alpine3.22",
  bytes: 160 * MB,
  source: "Docker Hub library/node:22-alpine, linux/amd64, unpacked",
};
export const TARGETS_MB = { web: 200, api: 300, mcp: 300, total: 500 };

export function dirSize(path: string, skip: (p: string) => boolean = () => false): number {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(path);
  } catch {
    return 0;
  }
  if (st.isSymbolicLink()) return 0;
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const name of readdirSync(path)) {
    const child = join(path, name);
    if (!skip(child)) total += dirSize(child, skip);
  }
  return total;
}

interface LockPackage {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  link?: boolean;
  resolved?: string;
}

/** Lockfile paths ("node_modules/x", ...) of the production closure of one workspace. */
export function productionClosure(
  lock: { packages: Record<string, LockPackage> },
  workspace: string,
): string[] {
  const pkgs = lock.packages;
  const seen = new Set<string>();
  const resolveDep = (from: string, name: string): string | undefined => {
    // Node resolution: <from>/node_modules/<name>, then each ancestor's node_modules.
    let base = from;
    for (;;) {
      const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
      if (pkgs[candidate]) return candidate;
      if (!base) return undefined;
      const idx = base.lastIndexOf("/node_modules/");
      base = idx >= 0 ? base.slice(0, idx) : "";
    }
  };
  const visit = (path: string): void => {
    const entry = pkgs[path];
    if (!entry) return;
    const deps = { ...entry.dependencies, ...entry.optionalDependencies };
    for (const [name] of Object.entries(entry.peerDependencies ?? {})) {
      if (!entry.peerDependenciesMeta?.[name]?.optional) deps[name] = "*";
    }
    for (const name of Object.keys(deps)) {
      const target = resolveDep(path, name);
      if (!target || seen.has(target)) continue;
      seen.add(target);
      const t = pkgs[target];
      // A workspace link: its own dependencies are installed, its sources are bundled.
      if (t?.link && t.resolved) visit(t.resolved);
      else visit(target);
    }
  };
  visit(workspace);
  return [...seen].filter((p) => !pkgs[p]?.link);
}

function packageSize(root: string, lockPath: string): number {
  const abs = join(root, lockPath);
  // Nested node_modules are separate closure entries; do not count them twice.
  return dirSize(abs, (p) => p.endsWith(`${"/"}node_modules`) && p !== abs);
}

export interface ServiceReport {
  service: "web" | "api" | "mcp";
  payloadBytes: number | undefined;
  parts: { what: string; bytes: number }[];
  missing?: string;
}

export function measure(root: string = repoRoot): ServiceReport[] {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const reports: ServiceReport[] = [];
  for (const service of ["api", "mcp"] as const) {
    const dist = join(root, `apps/${service}/dist`);
    const closure = productionClosure(lock, `apps/${service}`);
    const missingModules = closure.filter((p) => !existsSync(join(root, p)));
    const deps = closure.reduce((n, p) => n + packageSize(root, p), 0);
    if (!existsSync(dist)) {
      reports.push({
        service,
        payloadBytes: undefined,
        parts: [{ what: `node_modules (${closure.length} packages)`, bytes: deps }],
        missing: `apps/${service}/dist`,
      });
      continue;
    }
    const parts = [
      { what: `apps/${service}/dist`, bytes: dirSize(dist) },
      {
        what: `node_modules, production closure (${closure.length} packages${missingModules.length ? `, ${missingModules.length} not installed here` : ""})`,
        bytes: deps,
      },
    ];
    reports.push({ service, payloadBytes: parts.reduce((n, p) => n + p.bytes, 0), parts });
  }
  const standalone = join(root, "apps/web/.next/standalone");
  if (existsSync(standalone)) {
    const bytes = dirSize(standalone);
    reports.unshift({
      service: "web",
      payloadBytes: bytes,
      parts: [{ what: "apps/web/.next/standalone", bytes }],
    });
  } else {
    reports.unshift({
      service: "web",
      payloadBytes: undefined,
      parts: [],
      missing: "apps/web/.next/standalone",
    });
  }
  return reports;
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

function main(): number {
  const reports = measure();
  const missing = reports.filter((r) => r.missing);
  console.log(`Base image ${BASE_IMAGE.name}: ${mb(BASE_IMAGE.bytes)} (${BASE_IMAGE.source})\n`);
  const rows = [["service", "payload", "base", "image ≈", "target", "verdict"]];
  let ok = true;
  for (const r of reports) {
    if (r.payloadBytes === undefined) {
      rows.push([r.service, "not built", mb(BASE_IMAGE.bytes), "?", `< ${TARGETS_MB[r.service]} MB`, "?"]);
      continue;
    }
    const image = r.payloadBytes + BASE_IMAGE.bytes;
    const pass = image < TARGETS_MB[r.service] * MB;
    ok &&= pass;
    rows.push([
      r.service,
      mb(r.payloadBytes),
      mb(BASE_IMAGE.bytes),
      mb(image),
      `< ${TARGETS_MB[r.service]} MB`,
      pass ? "ok" : "OVER",
    ]);
  }
  const built = reports.filter((r) => r.payloadBytes !== undefined);
  if (built.length === reports.length) {
    // The three images share the base layers, so the base counts once on a node or registry.
    const total = built.reduce((n, r) => n + (r.payloadBytes ?? 0), 0) + BASE_IMAGE.bytes;
    const pass = total < TARGETS_MB.total * MB;
    ok &&= pass;
    rows.push([
      "all three",
      mb(total - BASE_IMAGE.bytes),
      "shared",
      mb(total),
      `< ${TARGETS_MB.total} MB`,
      pass ? "ok" : "OVER",
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  for (const row of rows) console.log(row.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  "));
  console.log("");
  for (const r of reports) for (const p of r.parts) console.log(`  ${r.service}: ${p.what} ${mb(p.bytes)}`);
  if (missing.length > 0) {
    console.error(
      `\nNot built yet: ${missing.map((r) => r.missing).join(", ")}. Run \`npm run build\` first, then \`npm run images:report\`.`,
    );
    return 1;
  }
  return ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());

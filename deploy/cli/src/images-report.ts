// `npm run images:report [-- --tag <tag>] [-- --build]`: the size of each Taskflow image, checked
// against our users' targets.
//   With a container engine (podman or docker): measured on the built images taskflow-<svc>:<tag>
//   (default tag `test`, what `npm run test:containers` builds; `--build` builds them first with the
//   engine): the image size, the runtime base image's size, and the payload = image − base.
//   Without one: an ESTIMATE, said so on every line — the files the Dockerfile copies into the
//   runtime stage (apps/{api,mcp}/dist, apps/web/.next/standalone after `npm run build`) next to the
//   base image's size measured once (see BASE_ESTIMATE).
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const MB = 1_000_000;
export const SERVICES = ["web", "api", "mcp"] as const;
export type Service = (typeof SERVICES)[number];

/** Image size targets (whole image) and payload targets (over the runtime base), in MB. */
export const TARGETS_MB = { web: 200, api: 300, mcp: 300, total: 500 };
export const PAYLOAD_TARGETS_MB: Record<Service, number> = { web: 45, api: 35, mcp: 25 };

/**
 * The runtime base's size when no engine is here to measure it: the stand-in of
 * gcr.io/distroless/nodejs22-debian12:nonroot built by tests/containers/support/images.ts from the
 * same Debian packages and Node 22.23.5, as `podman image inspect` reported it on 2026-11-30.
 */
export const BASE_ESTIMATE = {
  bytes: 149.5 * MB,
  source: "distroless nodejs22-debian12 stand-in measured with podman on 2026-11-30",
};

/** Default of an ARG declared before the first FROM in deploy/docker/Dockerfile. */
export function dockerfileArg(name: string, root: string = repoRoot): string | undefined {
  const text = readFileSync(join(root, "deploy/docker/Dockerfile"), "utf8");
  return text.match(new RegExp(`^ARG ${name}=(\\S+)`, "m"))?.[1];
}

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

/** What the runtime stage of each target copies in (see the Dockerfile). */
export const PAYLOAD_DIRS: Record<Service, string> = {
  web: "apps/web/.next/standalone",
  api: "apps/api/dist",
  mcp: "apps/mcp/dist",
};

export interface ServiceReport {
  service: Service;
  /** Bytes over the runtime base; undefined when not built. */
  payloadBytes: number | undefined;
  /** Whole image; undefined when not built. */
  imageBytes: number | undefined;
  missing?: string;
}
export interface Report {
  measured: boolean;
  engine?: string;
  base: { name: string; bytes: number | undefined; source: string };
  services: ServiceReport[];
}

/** Estimate from the local build outputs (no engine). */
export function estimate(root: string = repoRoot): Report {
  const base = dockerfileArg("RUNTIME_IMAGE", root) ?? "runtime base";
  return {
    measured: false,
    base: { name: base, bytes: BASE_ESTIMATE.bytes, source: BASE_ESTIMATE.source },
    services: SERVICES.map((service) => {
      const dir = join(root, PAYLOAD_DIRS[service]);
      if (!existsSync(dir))
        return { service, payloadBytes: undefined, imageBytes: undefined, missing: PAYLOAD_DIRS[service] };
      const payloadBytes = dirSize(dir);
      return { service, payloadBytes, imageBytes: payloadBytes + BASE_ESTIMATE.bytes };
    }),
  };
}

/** podman or docker, whichever answers; undefined when neither does. */
export function findEngine(): string | undefined {
  for (const engine of [process.env.CONTAINER_ENGINE, "podman", "docker"].filter(Boolean) as string[]) {
    const probe = spawnSync(engine, ["version"], { encoding: "utf8", timeout: 30_000 });
    if (probe.status === 0) return engine;
  }
  return undefined;
}

function inspectSize(engine: string, image: string): number | undefined {
  const out = spawnSync(engine, ["image", "inspect", "--format", "{{.Size}}", image], {
    encoding: "utf8",
    timeout: 60_000,
  });
  const bytes = Number(out.stdout.trim());
  return out.status === 0 && Number.isFinite(bytes) && bytes > 0 ? bytes : undefined;
}

/** Measured on the built images. */
export function measureImages(engine: string, tag: string, root: string = repoRoot): Report {
  const base = dockerfileArg("RUNTIME_IMAGE", root) ?? "";
  const baseBytes = inspectSize(engine, base);
  return {
    measured: true,
    engine,
    base: { name: base, bytes: baseBytes, source: `${engine} image inspect` },
    services: SERVICES.map((service) => {
      const image = `taskflow-${service}:${tag}`;
      const imageBytes = inspectSize(engine, image);
      if (imageBytes === undefined)
        return { service, payloadBytes: undefined, imageBytes: undefined, missing: image };
      return {
        service,
        imageBytes,
        payloadBytes: baseBytes === undefined ? undefined : imageBytes - baseBytes,
      };
    }),
  };
}

const mb = (bytes: number | undefined) => (bytes === undefined ? "?" : `${(bytes / MB).toFixed(1)} MB`);

/** The table, and whether every target holds. */
export function format(report: Report): { lines: string[]; ok: boolean } {
  const est = report.measured ? "" : "≈ ";
  const lines: string[] = [];
  lines.push(
    report.measured
      ? `Measured on the built images with ${report.engine}.`
      : "ESTIMATE: no container engine (podman or docker) here, so no image was measured. Payload = the files the Dockerfile copies into the runtime stage; base = a size measured once.",
  );
  lines.push(`Runtime base ${report.base.name}: ${est}${mb(report.base.bytes)} (${report.base.source})`, "");
  const rows = [["service", "payload", "target", "image", "target", "verdict"]];
  let ok = true;
  for (const r of report.services) {
    if (r.imageBytes === undefined) {
      ok = false;
      rows.push([
        r.service,
        "not built",
        `≤ ${PAYLOAD_TARGETS_MB[r.service]} MB`,
        "?",
        `< ${TARGETS_MB[r.service]} MB`,
        "?",
      ]);
      continue;
    }
    const pass =
      r.imageBytes < TARGETS_MB[r.service] * MB &&
      r.payloadBytes !== undefined &&
      r.payloadBytes <= PAYLOAD_TARGETS_MB[r.service] * MB;
    ok &&= pass;
    rows.push([
      r.service,
      `${est}${mb(r.payloadBytes)}`,
      `≤ ${PAYLOAD_TARGETS_MB[r.service]} MB`,
      `${est}${mb(r.imageBytes)}`,
      `< ${TARGETS_MB[r.service]} MB`,
      pass ? (report.measured ? "ok" : "ok (estimate)") : "OVER",
    ]);
  }
  const built = report.services.filter((r) => r.payloadBytes !== undefined);
  if (built.length === report.services.length && report.base.bytes !== undefined) {
    // The three images share the base layers, so the base counts once on a node or in a registry.
    const payloads = built.reduce((n, r) => n + (r.payloadBytes ?? 0), 0);
    const total = payloads + report.base.bytes;
    const pass = total < TARGETS_MB.total * MB;
    ok &&= pass;
    rows.push([
      "all three",
      `${est}${mb(payloads)}`,
      "",
      `${est}${mb(total)}`,
      `< ${TARGETS_MB.total} MB`,
      pass ? (report.measured ? "ok" : "ok (estimate)") : "OVER",
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  for (const row of rows)
    lines.push(
      row
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    );
  const missing = report.services.filter((r) => r.missing).map((r) => r.missing);
  if (missing.length)
    lines.push(
      "",
      report.measured
        ? `Not built: ${missing.join(", ")}. Build them (npm run images:report -- --build, or npm run test:containers).`
        : `Not built: ${missing.join(", ")}. Run \`npm run build\` first.`,
    );
  return { lines, ok };
}

function build(engine: string, tag: string): boolean {
  for (const service of SERVICES) {
    const started = Date.now();
    console.log(`Building taskflow-${service}:${tag} with ${engine}…`);
    // podman writes OCI images by default, which have no HEALTHCHECK: ask for the Docker format.
    const format = engine.endsWith("podman") ? ["--format", "docker"] : [];
    const result = spawnSync(
      engine,
      [
        "build",
        ...format,
        "--target",
        service,
        "-t",
        `taskflow-${service}:${tag}`,
        "-f",
        "deploy/docker/Dockerfile",
        ".",
      ],
      { cwd: repoRoot, stdio: "inherit" },
    );
    if (result.status !== 0) return false;
    console.log(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return true;
}

function main(argv: string[]): number {
  const tagIndex = argv.indexOf("--tag");
  const tag = tagIndex >= 0 ? (argv[tagIndex + 1] ?? "test") : "test";
  const engine = findEngine();
  if (argv.includes("--build")) {
    if (!engine) {
      console.error("--build needs podman or docker.");
      return 1;
    }
    if (!build(engine, tag)) return 1;
  }
  const report = engine ? measureImages(engine, tag) : estimate();
  const { lines, ok } = format(report);
  for (const line of lines) console.log(line);
  return ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exit(main(process.argv.slice(2)));

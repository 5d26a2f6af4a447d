// Static checks of deploy/docker/Dockerfile and .dockerignore (no Docker engine here), the image
// size report, and the committed plain manifests in deploy/k8s.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { measure, productionClosure } from "../../deploy/cli/src/images-report";
import { outDir, RENDERS, renderFor } from "../../deploy/cli/src/render";
import { renderChart } from "./render";
import { repoRoot } from "./tools";

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  base: string;
  name: string;
  lines: Instruction[];
}

function parseDockerfile(text: string): { args: Instruction[]; stages: Stage[] } {
  const logical = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const stages: Stage[] = [];
  const args: Instruction[] = [];
  for (const line of logical) {
    const m = line.match(/^(\S+)\s+(.*)$/);
    if (!m) continue;
    const op = (m[1] ?? "").toUpperCase();
    const rest = m[2] ?? "";
    if (op === "FROM") {
      const f = rest.match(/^(\S+)(?:\s+AS\s+(\S+))?/i);
      stages.push({ base: f?.[1] ?? "", name: f?.[2] ?? String(stages.length), lines: [] });
    } else if (stages.length === 0) args.push({ op, args: rest });
    else stages.at(-1)?.lines.push({ op, args: rest });
  }
  return { args, stages };
}

const dockerfile = readFileSync(join(repoRoot, "deploy/docker/Dockerfile"), "utf8");
const { args: globalArgs, stages } = parseDockerfile(dockerfile);
const stage = (name: string) => stages.find((s) => s.name === name);
/** All instructions of a stage including those inherited from its FROM chain. */
function effective(name: string): Instruction[] {
  const s = stage(name);
  if (!s) return [];
  const parent = stages.find((x) => x.name === s.base);
  return [...(parent ? effective(parent.name) : []), ...s.lines];
}

describe("Dockerfile", () => {
  it("is multi-stage with web, api and mcp targets on a pinned, overridable base", () => {
    expect(stages.length).toBeGreaterThanOrEqual(6);
    for (const t of ["web", "api", "mcp"]) expect(stage(t), t).toBeDefined();
    const nodeArg = globalArgs.find((a) => a.op === "ARG" && a.args.startsWith("NODE_IMAGE="));
    expect(nodeArg?.args).toMatch(/^NODE_IMAGE=node:22\.\d+\.\d+-alpine3\.\d+$/);
    for (const s of stages) {
      // Every stage starts from the ARG-pinned base or from another stage.
      expect(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile ARG reference, not a template
        s.base === "${NODE_IMAGE}" || stages.some((x) => x.name === s.base),
        `${s.name} FROM ${s.base}`,
      ).toBe(true);
    }
  });

  it("installs dependencies from the manifests and lockfile before copying sources (cache layer)", () => {
    const manifests = stage("manifests")?.lines ?? [];
    expect(manifests.some((l) => l.op === "COPY" && /package-lock\.json/.test(l.args))).toBe(true);
    expect(
      manifests.every((l) => l.op !== "COPY" || /package\.json|package-lock\.json|\.npmrc/.test(l.args)),
    ).toBe(true);
    expect(stage("deps")?.lines.some((l) => l.op === "RUN" && /npm ci/.test(l.args))).toBe(true);
    // Every workspace's package.json is in the manifests stage, or `npm ci` breaks.
    const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    for (const pattern of root.workspaces as string[]) {
      const dirs = pattern.endsWith("/*")
        ? readdirSync(join(repoRoot, pattern.slice(0, -2))).map((d) => `${pattern.slice(0, -2)}/${d}`)
        : [pattern];
      for (const dir of dirs.filter((d) => existsSync(join(repoRoot, d, "package.json")))) {
        expect(
          manifests.some((l) => l.args.startsWith(`${dir}/package.json `)),
          `${dir}/package.json`,
        ).toBe(true);
      }
    }
    for (const svc of ["api", "mcp"]) {
      const prune = stage(`prune-${svc}`)?.lines.find((l) => l.op === "RUN")?.args ?? "";
      expect(prune).toContain(
        `npm ci --omit=dev --workspace @taskflow/${svc} --include-workspace-root=false`,
      );
    }
  });

  it("runtime targets run as numeric non-root uid > 10000 with a node HEALTHCHECK and OCI labels", () => {
    for (const t of ["web", "api", "mcp"]) {
      const lines = effective(t);
      const user = lines.filter((l) => l.op === "USER").at(-1)?.args ?? "";
      const uid = Number(user.split(":")[0]);
      expect(uid, `${t} USER`).toBeGreaterThan(10000);
      const hc = lines.filter((l) => l.op === "HEALTHCHECK").at(-1)?.args ?? "";
      expect(hc).toMatch(/CMD \["node", "-e", ".*\/healthz/);
      expect(hc).not.toMatch(/curl|wget/);
      const labels = lines
        .filter((l) => l.op === "LABEL")
        .map((l) => l.args)
        .join(" ");
      for (const key of ["title", "source", "version", "revision", "licenses"])
        expect(labels).toContain(`org.opencontainers.image.${key}=`);
      // Runtime copies only from build/prune stages or the root manifest, never the whole tree.
      for (const copy of stage(t)?.lines.filter((l) => l.op === "COPY") ?? []) {
        expect(copy.args).toMatch(/--from=(build|prune)-|package\.json \.\/package\.json$/);
      }
    }
  });

  it("bakes no secrets into any layer", () => {
    for (const s of stages) {
      for (const l of s.lines) {
        if (l.op === "ENV" || l.op === "ARG")
          expect(l.args, `${s.name}: ${l.op} ${l.args}`).not.toMatch(
            /SECRET|PASSWORD|TOKEN|API_KEY|DATABASE_URL/i,
          );
        if (l.op === "COPY" || l.op === "ADD") expect(l.args).not.toMatch(/\.env\b|\.pem\b|id_rsa/);
      }
    }
    const ignore = readFileSync(join(repoRoot, ".dockerignore"), "utf8").split("\n");
    for (const entry of ["**/node_modules", "**/.env", "**/.env.*", ".git", "**/dist", "**/.next"])
      expect(ignore).toContain(entry);
  });

  it("the runtime CMD of each target is the command the chart renders", async () => {
    const objects = await renderChart(["values-dev.yaml"]);
    for (const t of ["web", "api", "mcp"]) {
      const cmd =
        effective(t)
          .filter((l) => l.op === "CMD")
          .at(-1)?.args ?? "";
      const deployment = objects.find((o) => o.kind === "Deployment" && o.metadata.name === `taskflow-${t}`);
      expect(JSON.parse(cmd), t).toEqual(deployment?.spec.template.spec.containers[0].command);
      const port = effective(t).find((l) => l.op === "EXPOSE")?.args;
      expect(Number(port)).toBe(deployment?.spec.template.spec.containers[0].ports[0].containerPort);
    }
    const job = objects.find((o) => o.kind === "Job");
    expect(job?.spec.template.spec.containers[0].image).toMatch(/^taskflow-api:/);
  });
});

describe("images:report", () => {
  it("computes the production closure from package-lock.json (no dev tools)", () => {
    const lock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8"));
    const api = productionClosure(lock, "apps/api");
    expect(api).toContain("node_modules/fastify");
    expect(api).toContain("node_modules/pg");
    for (const dev of [
      "node_modules/vitest",
      "node_modules/typescript",
      "node_modules/drizzle-kit",
      "node_modules/@biomejs/biome",
    ])
      expect(api).not.toContain(dev);
    expect(api.some((p) => p.includes("@taskflow/"))).toBe(false);
  });

  it("reports each service's payload or says it is not built", () => {
    const reports = measure();
    expect(reports.map((r) => r.service)).toEqual(["web", "api", "mcp"]);
    for (const r of reports) {
      if (r.payloadBytes === undefined) expect(r.missing).toBeTruthy();
      else expect(r.payloadBytes).toBeGreaterThan(0);
    }
  });
});

describe("deploy/k8s plain manifests", () => {
  it.each(Object.entries(RENDERS))("%s -> %s is up to date and holds no Secret", (values, out) => {
    const fresh = renderFor(values);
    expect(fresh).not.toMatch(/^kind: Secret$/m);
    expect(fresh).not.toMatch(/BEGIN (RSA |EC )?PRIVATE KEY/);
    const file = join(outDir, out);
    expect(existsSync(file), `${file}: run npm run k8s:render`).toBe(true);
    expect(readFileSync(file, "utf8"), "stale: run npm run k8s:render").toBe(fresh);
  });
});

// Static checks of deploy/docker/Dockerfile and .dockerignore, of what the service bundles leave
// external, of the image size report, and of the committed plain manifests in deploy/k8s. The built
// images themselves are checked by tests/containers/images.test.ts (npm run test:containers).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { estimate, format, type Report } from "@taskflow/deploy/images-report";
import { outDir, RENDERS, renderFor } from "@taskflow/deploy/render";
import { describe, expect, it } from "vitest";
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

const runtimeTargets = ["web", "api", "mcp"] as const;
const NODE = "/nodejs/bin/node";

describe("Dockerfile", () => {
  it("builds on Debian bookworm Node 22 and runs on distroless Node 22, both overridable", () => {
    expect(stages.length).toBeGreaterThanOrEqual(6);
    for (const t of runtimeTargets) expect(stage(t), t).toBeDefined();
    const arg = (name: string) =>
      globalArgs.find((a) => a.op === "ARG" && a.args.startsWith(`${name}=`))?.args;
    expect(arg("BUILD_IMAGE")).toBe("BUILD_IMAGE=node:22-bookworm-slim");
    expect(arg("RUNTIME_IMAGE")).toMatch(
      /^RUNTIME_IMAGE=gcr\.io\/distroless\/nodejs22-debian12(:nonroot)?(@sha256:[0-9a-f]{64})?$/,
    );
    expect(dockerfile).not.toMatch(/alpine/i);
    for (const s of stages) {
      expect(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile ARG reference, not a template
        ["${BUILD_IMAGE}", "${RUNTIME_IMAGE}"].includes(s.base) || stages.some((x) => x.name === s.base),
        `${s.name} FROM ${s.base}`,
      ).toBe(true);
    }
    // Every runtime target descends from the distroless stage; nothing it runs needs a shell.
    for (const t of runtimeTargets) {
      let s = stage(t);
      while (s && stages.some((x) => x.name === s?.base)) s = stage(s.base);
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile ARG reference, not a template
      expect(s?.base, `${t} runs on the runtime base`).toBe("${RUNTIME_IMAGE}");
      expect(
        effective(t).filter((l) => l.op === "RUN"),
        `${t}: no RUN on distroless (no shell)`,
      ).toEqual([]);
    }
  });

  it("installs dependencies from the manifests and lockfile before copying sources (cache layer)", () => {
    const manifests = stage("manifests")?.lines ?? [];
    expect(manifests.some((l) => l.op === "COPY" && /package-lock\.json/.test(l.args))).toBe(true);
    expect(
      manifests.every(
        (l) => l.op !== "COPY" || /package\.json|package-lock\.json|\.npmrc|^patches\//.test(l.args),
      ),
    ).toBe(true);
    // `npm ci` applies our dependency patches (the root postinstall): they must be there when it runs.
    expect(manifests.some((l) => l.op === "COPY" && /^patches\/ patches\/$/.test(l.args))).toBe(true);
    const install = stage("deps")?.lines.find((l) => l.op === "RUN" && /npm ci/.test(l.args))?.args ?? "";
    expect(install).toMatch(/--mount=type=cache,target=\/root\/\.npm/);
    // A CA bundle for npm may only come in as a build secret, mounted for the one step.
    expect(install).toMatch(/--mount=type=secret,id=npm_ca/);
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
    const copyAll = stage("source")?.lines.findIndex((l) => l.op === "COPY" && /^\.\s+\.$/.test(l.args));
    expect(copyAll, "sources are copied after the dependency layer").toBeGreaterThanOrEqual(0);
  });

  it("runtime targets: numeric uid 10001 as the chart expects, node HEALTHCHECK, OCI labels, bundles only", async () => {
    const values = (await import("yaml")).parse(
      readFileSync(join(repoRoot, "deploy/helm/taskflow/values.yaml"), "utf8"),
    ) as { podSecurity: { runAsUser: number; runAsGroup: number } };
    for (const t of runtimeTargets) {
      const lines = effective(t);
      const user = lines.filter((l) => l.op === "USER").at(-1)?.args ?? "";
      expect(user, `${t} USER`).toBe(`${values.podSecurity.runAsUser}:${values.podSecurity.runAsGroup}`);
      const hc = lines.filter((l) => l.op === "HEALTHCHECK").at(-1)?.args ?? "";
      expect(hc).toMatch(new RegExp(`CMD \\["${NODE}", "-e", ".*\\/healthz`));
      expect(hc).not.toMatch(/curl|wget|sh -c/);
      const labels = lines
        .filter((l) => l.op === "LABEL")
        .map((l) => l.args)
        .join(" ");
      for (const key of ["title", "source", "version", "revision", "licenses"])
        expect(labels).toContain(`org.opencontainers.image.${key}=`);
      // The runtime copies only its own build output: no node_modules for api/mcp, no source tree.
      const copies = stage(t)?.lines.filter((l) => l.op === "COPY") ?? [];
      expect(copies.length).toBeGreaterThan(0);
      for (const copy of copies) {
        expect(copy.args).toMatch(new RegExp(`--from=build-${t} `));
        expect(copy.args).not.toMatch(/node_modules/);
      }
    }
  });

  it("bakes no secrets into any layer", () => {
    for (const s of stages) {
      for (const l of s.lines) {
        if (l.op === "ENV" || l.op === "ARG")
          expect(l.args, `${s.name}: ${l.op} ${l.args}`).not.toMatch(
            /SECRET|PASSWORD|TOKEN|API_KEY|DATABASE_URL|CAFILE/i,
          );
        if (l.op === "COPY" || l.op === "ADD") expect(l.args).not.toMatch(/\.env\b|\.pem\b|id_rsa|\.crt\b/);
      }
    }
    const ignore = readFileSync(join(repoRoot, ".dockerignore"), "utf8").split("\n");
    for (const entry of ["**/node_modules", "**/.env", "**/.env.*", ".git", "**/dist", "**/.next"])
      expect(ignore).toContain(entry);
  });

  it("ENTRYPOINT + CMD of each target is the command the chart renders; every chart pod on these images uses the image's node", async () => {
    const objects = await renderChart(["values-dev.yaml"]);
    const exec = (t: string, op: string) => {
      const args = effective(t)
        .filter((l) => l.op === op)
        .at(-1)?.args;
      return args ? (JSON.parse(args) as string[]) : [];
    };
    for (const t of runtimeTargets) {
      const deployment = objects.find((o) => o.kind === "Deployment" && o.metadata.name === `taskflow-${t}`);
      const container = deployment?.spec.template.spec.containers[0];
      expect(exec(t, "ENTRYPOINT"), t).toEqual([NODE]);
      expect([...exec(t, "ENTRYPOINT"), ...exec(t, "CMD")], t).toEqual(container?.command);
      const port = effective(t).find((l) => l.op === "EXPOSE")?.args;
      expect(Number(port)).toBe(container?.ports[0].containerPort);
      // No shell or sleep binary in the image: the preStop pause is the kubelet's.
      expect(container?.lifecycle?.preStop?.exec, `${t} preStop`).toBeUndefined();
      expect(container?.lifecycle?.preStop?.sleep?.seconds).toBeGreaterThan(0);
    }
    const job = objects.find((o) => o.kind === "Job");
    expect(job?.spec.template.spec.containers[0].image).toMatch(/^taskflow-api:/);
    expect(job?.spec.template.spec.containers[0].command).toEqual([NODE, "apps/api/dist/migrate.js"]);
    const pods = objects.filter((o) => o.kind === "Pod" || o.kind === "Job" || o.kind === "Deployment");
    for (const o of pods) {
      const spec = o.kind === "Pod" ? o.spec : o.spec.template.spec;
      for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
        if (!/^taskflow-(web|api|mcp):/.test(c.image)) continue;
        expect(c.command?.[0], `${o.metadata.name}/${c.name}`).toBe(NODE);
      }
    }
  });
});

describe("service bundles", () => {
  const bundles = ["api", "mcp"].map((s) => join(repoRoot, `apps/${s}/dist`));
  const built = bundles.every((d) => existsSync(join(d, "server.js")));

  // Skipped only before a build: the bundles are what it reads (npm test builds them first, always in CI).
  it.skipIf(!built)(
    "import nothing from node_modules but PGlite (the images ship no node_modules)",
    async () => {
      const { builtinModules } = await import("node:module");
      const { build } = await import("esbuild");
      const builtins = new Set(builtinModules);
      for (const dir of bundles) {
        // esbuild parses the output (entries and every chunk they import), so strings that merely look
        // like imports (better-auth's code samples) do not count; every bare import stays external.
        const entries = ["server.js", "migrate.js"].map((f) => join(dir, f)).filter((f) => existsSync(f));
        const { metafile } = await build({
          entryPoints: entries,
          bundle: true,
          write: false,
          metafile: true,
          platform: "node",
          format: "esm",
          packages: "external",
          outdir: "/tmp/unused",
          logLevel: "silent",
        });
        const external = new Set<string>();
        for (const input of Object.values(metafile.inputs))
          for (const imp of input.imports)
            if (imp.external) {
              // node:* is always built in (node:sqlite is scheme-only, unknown to Node 20's list).
              if (imp.path.startsWith("node:")) continue;
              if (!builtins.has(imp.path) && !builtins.has(imp.path.split("/")[0] as string))
                external.add(imp.path);
            }
        expect([...external].sort(), dir).toEqual(["@electric-sql/pglite"]);
        expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).type).toBe("module");
        expect(existsSync(join(dir, "migrations/meta/_journal.json"))).toBe(true);
      }
      expect(existsSync(join(bundles[0] as string, "assets/swagger-ui/static/swagger-ui.css"))).toBe(true);
    },
  );

  // Skipped only before a build: the bundles are what it reads (npm test builds them first, always in CI).
  it.skipIf(!built)(
    "load what most api starts never use on first use: the chat agents, chrono-node, nodemailer",
    () => {
      const dir = bundles[0] as string;
      // The files server.js reaches by static imports (`… from "./x.js"`, `import "./x.js"`); a dynamic
      // import("./x.js") is a chunk loaded when first needed.
      const reached = new Set<string>();
      const visit = (file: string) => {
        if (reached.has(file)) return;
        reached.add(file);
        const text = readFileSync(join(dir, file), "utf8");
        for (const m of text.matchAll(/(?:^|\})\s*from\s*"(\.{1,2}\/[^"]+)"|^import\s*"(\.{1,2}\/[^"]+)"/gm))
          visit(join(dirname(file), (m[1] ?? m[2]) as string));
      };
      visit("server.js");
      expect(reached.size).toBeGreaterThan(3);
      // esbuild marks where each package's modules begin (`// node_modules/<package>/…`).
      const loadedAtStart = new Set<string>();
      for (const file of reached)
        for (const m of readFileSync(join(dir, file), "utf8").matchAll(
          /^\/\/ node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm,
        ))
          loadedAtStart.add(m[1] as string);
      expect(loadedAtStart.has("fastify"), "the scan sees packages loaded at start").toBe(true);
      for (const lazy of [
        "chrono-node",
        "nodemailer",
        "ai",
        "@ai-sdk/openai-compatible",
        "@modelcontextprotocol/sdk",
      ])
        expect(loadedAtStart.has(lazy), `${lazy} is loaded at start`).toBe(false);
    },
  );

  // Skipped only before a build: the bundles are what it reads (npm test builds them first, always in CI).
  it.skipIf(!built)(
    "still open PGlite from the local node_modules without DATABASE_URL (npm start, tests)",
    async () => {
      const { mkdtempSync, rmSync } = await import("node:fs");
      const { tmpdir } = await import("node:os");
      const { spawnSync } = await import("node:child_process");
      const dataDir = mkdtempSync(join(tmpdir(), "taskflow-bundle-pglite-"));
      try {
        const { DATABASE_URL: _unset, ...env } = process.env;
        const run = spawnSync(process.execPath, [join(repoRoot, "apps/api/dist/migrate.js")], {
          cwd: repoRoot,
          env: { ...env, TASKFLOW_DATA_DIR: dataDir },
          encoding: "utf8",
          timeout: 60_000,
        });
        expect(run.status, run.stdout + run.stderr).toBe(0);
        expect(run.stdout + run.stderr).toMatch(/migrations current.*\(pglite\)/);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});

describe("images:report", () => {
  it("without an engine, reports an estimate and says so on every size", () => {
    const report = estimate();
    expect(report.measured).toBe(false);
    expect(report.services.map((r) => r.service)).toEqual(["web", "api", "mcp"]);
    for (const r of report.services) {
      if (r.payloadBytes === undefined) expect(r.missing).toBeTruthy();
      else expect(r.payloadBytes).toBeGreaterThan(0);
    }
    const { lines } = format(report);
    expect(lines[0]).toMatch(/^ESTIMATE: no container engine/);
    for (const row of lines.filter((l) => /^(web|api|mcp|all three) /.test(l)))
      expect(row).toMatch(/≈|not built/);
  });

  it("with measured images, checks payload and image targets and fails on any overshoot", () => {
    const MB = 1_000_000;
    const measured = (api: number): Report => ({
      measured: true,
      engine: "podman",
      base: { name: "distroless", bytes: 150 * MB, source: "podman image inspect" },
      services: [
        { service: "web", payloadBytes: 30 * MB, imageBytes: 180 * MB },
        { service: "api", payloadBytes: api * MB, imageBytes: (150 + api) * MB },
        { service: "mcp", payloadBytes: 10 * MB, imageBytes: 160 * MB },
      ],
    });
    const good = format(measured(20));
    expect(good.ok).toBe(true);
    expect(good.lines[0]).toMatch(/^Measured on the built images with podman/);
    expect(good.lines.find((l) => l.startsWith("all three"))).toMatch(/60\.0 MB.*210\.0 MB.*ok$/);
    // 36 MB of api payload is over its 35 MB target though the image is under 300 MB.
    const over = format(measured(36));
    expect(over.ok).toBe(false);
    expect(over.lines.find((l) => l.startsWith("api "))).toMatch(/OVER$/);
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

// The real images: builds taskflow-{api,mcp,web}:test from deploy/docker/Dockerfile with podman (on
// stand-ins of node:22-bookworm-slim and distroless nodejs22-debian12, see support/images.ts), then
// checks what is in them and runs them as the chart would: read-only root, uid 10001, no
// capabilities, no privilege escalation, only /tmp writable.
//   - config: numeric non-root USER, ENTRYPOINT /nodejs/bin/node, a HEALTHCHECK, OCI labels
//   - sizes: payload over the runtime base and whole images against the targets (measured)
//   - hygiene: no .env, .npmrc, key, CA bundle of the build, npm, shell or node_modules of the
//     build in any layer of any image; nothing in the history that carried a secret
//   - runtime: each image's young generation at its chart memory limit; api and mcp carry patches/
//   - behaviour: migrations, api and mcp on the machine's PostgreSQL, the web in front of them,
//     a sign-up, a task and an offline chat turn through the web; `podman healthcheck run` passes
//     (and fails on a container whose server does not answer); the api without DATABASE_URL stops
//     with a clear message
// Runs under `npm run test:containers` only (tests/containers/vitest.config.ts); `npm test` skips it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { IMAGE_ENV } from "@taskflow/testing/bundles";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  baseImages,
  buildImages,
  containerEngine,
  imageConfig,
  imageFiles,
  imageSize,
  podman,
  qualify,
  repoRoot,
  SERVICES,
  type Service,
} from "./support/images";

const enabled = process.env.TASKFLOW_CONTAINER_TESTS === "1";
const MB = 1_000_000;
const PAYLOAD_TARGET_MB: Record<Service, number> = { api: 35, mcp: 25, web: 45 };
const IMAGE_TARGET_MB: Record<Service, number> = { api: 300, mcp: 300, web: 200 };
const TOTAL_TARGET_MB = 500;
const NODE = "/nodejs/bin/node";
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const suffix = `${process.pid}_${Date.now().toString(36)}`;
const dbName = `tfimg_${suffix}`;
const SECRETS = {
  BETTER_AUTH_SECRET: "container-test-better-auth-secret-0123456789",
  MCP_TOKEN_SECRET: "container-test-mcp-token-secret-0123456789ab",
};
/** How the chart runs every pod (restricted PSS, read-only root, emptyDir /tmp). */
const HARDENED = [
  "--read-only",
  "--user",
  "10001:10001",
  "--cap-drop",
  "ALL",
  "--security-opt",
  "no-new-privileges",
  "--tmpfs",
  "/tmp:rw,mode=1777",
];

/** A one-off container with no network, hardened as the chart runs pods; `args` go after those options. */
const runOffline = (args: string[], opts: Parameters<typeof podman>[1]) =>
  podman(["run", "--rm", "--network", "none", ...HARDENED, ...args], opts);

/** A free port in 21000–21999 (the range this machine gives these tests). */
async function freePort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 21000 + Math.floor(Math.random() * 1000);
    if (taken.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
  throw new Error("no free port in 21000-21999");
}

async function waitFor(url: string, name: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    const status = await fetch(url).then(
      (r) => r.status,
      (e: Error) => e.message,
    );
    if (status === 200) return;
    last = String(status);
    const state = await podman(["inspect", "--format", "{{.State.Status}}", name], { check: false });
    if (state.stdout.trim() === "exited") {
      const logs = await podman(["logs", name], { check: false });
      throw new Error(`${name} exited before ${url} answered:\n${logs.stdout}${logs.stderr}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const logs = await podman(["logs", name], { check: false });
  throw new Error(`${url} not ready after ${timeoutMs} ms (last: ${last}):\n${logs.stdout}${logs.stderr}`);
}

function ensurePostgres() {
  if (spawnSync("pg_isready", ["-h", "127.0.0.1"]).status === 0) return;
  spawnSync("pg_ctlcluster", ["15", "main", "start"], { stdio: "inherit" });
  if (spawnSync("pg_isready", ["-h", "127.0.0.1", "-t", "20"]).status !== 0)
    throw new Error("PostgreSQL at 127.0.0.1:5432 is not answering (pg_ctlcluster 15 main start)");
}

describe.skipIf(!enabled)("Taskflow images (podman, real containers)", () => {
  let images: Record<Service, string>;
  const containers: string[] = [];
  const ports = new Set<number>();
  let databaseUrl = "";
  const port: Partial<Record<Service, number>> = {};
  const name = (what: string) => `tfimg-${what}-${suffix}`.replaceAll("_", "-");

  beforeAll(async () => {
    const engine = containerEngine();
    if (!engine.available) throw new Error(`no container engine: ${engine.reason}`);
    const started = Date.now();
    images = await buildImages();
    console.log(`containers: all three images built in ${Math.round((Date.now() - started) / 1000)} s`);
    ensurePostgres();
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    for (const service of SERVICES) port[service] = await freePort(ports);
  });

  afterAll(async () => {
    for (const container of containers) await podman(["rm", "-f", "-t", "2", container], { check: false });
    if (!databaseUrl) return;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  it("runs as numeric uid 10001 with node at /nodejs/bin/node, a node HEALTHCHECK and OCI labels", async () => {
    for (const service of SERVICES) {
      const config = await imageConfig(images[service]);
      expect(config.User, service).toBe("10001:10001");
      expect(config.Entrypoint, service).toEqual([NODE]);
      expect(config.Cmd?.[0], service).toMatch(/^apps\/(api|mcp|web)\/.*\.js$/);
      expect(config.Healthcheck?.Test, `${service}: HEALTHCHECK kept (--format docker)`).toEqual([
        "CMD",
        NODE,
        "-e",
        expect.stringContaining("/healthz"),
      ]);
      expect(config.Env).toContain("NODE_ENV=production");
      // The young generation, and on the api AsyncContextFrame (deploy/docker/Dockerfile).
      expect(config.Env, service).toContain(`NODE_OPTIONS=${IMAGE_ENV[service].NODE_OPTIONS}`);
      for (const key of ["title", "source", "version", "revision", "licenses", "created"])
        expect(config.Labels?.[`org.opencontainers.image.${key}`], `${service} label ${key}`).toBeTruthy();
      expect(config.Labels?.["org.opencontainers.image.title"]).toBe(`taskflow-${service}`);
    }
  });

  it("under the chart's memory limit, Node keeps a 16 MB young generation's semi-spaces (not V8's 1 MB)", async () => {
    const values = parseYaml(readFileSync(join(repoRoot, "deploy/helm/taskflow/values.yaml"), "utf8"));
    for (const service of SERVICES) {
      const limit = String(values[service].resources.limits.memory);
      expect(limit, `${service} memory limit`).toMatch(/^\d+Mi$/);
      // The heap V8 sizes inside the pod's memory cgroup, with the image's NODE_OPTIONS and without.
      const heapLimitMb = async (env: string[]) => {
        const run = await runOffline(
          [
            "--memory",
            limit.replace("Mi", "m"),
            ...env,
            "--entrypoint",
            NODE,
            images[service],
            "-e",
            "console.log(require('v8').getHeapStatistics().heap_size_limit / 2 ** 20)",
          ],
          { timeoutMs: 60_000 },
        );
        return Number(run.stdout.trim());
      };
      const withImageFlags = await heapLimitMb([]);
      const withoutFlags = await heapLimitMb(["-e", "NODE_OPTIONS="]);
      // The young generation is three semi-spaces: 3 × 16 MB with the flag, 3 × 1 MB as V8 sizes it there.
      expect(
        withImageFlags - withoutFlags,
        `${service} at ${limit}: heap ${withoutFlags} → ${withImageFlags} MB`,
      ).toBe(45);
    }
  });

  it("api and mcp bundle drizzle as patched by patches/ (npm ci's postinstall ran in the build)", async () => {
    for (const service of ["api", "mcp"] as const) {
      // The patched row mapper's cache and its generated flat-row mapper (patches/drizzle-orm+0.45.4.patch);
      // the bundles keep identifiers.
      const find = `const fs = require("fs"), dir = "/app/apps/${service}/dist";
        const files = fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(".js"));
        console.log(files.filter((f) => ["compiledColumns", "mapFlatRow"].every((name) =>
          fs.readFileSync(dir + "/" + f, "utf8").includes(name))).length);`;
      const run = await runOffline(["--entrypoint", NODE, images[service], "-e", find], {
        timeoutMs: 60_000,
      });
      expect(Number(run.stdout.trim()), `${service}: bundled files with the patched mapper`).toBeGreaterThan(
        0,
      );
    }
  });

  it("meets the size targets: payload over the runtime base and whole images, measured", async () => {
    const base = qualify(baseImages().runtime);
    const baseBytes = await imageSize(base);
    const rows: string[] = [`runtime base ${base}: ${(baseBytes / MB).toFixed(1)} MB`];
    let payloads = 0;
    for (const service of SERVICES) {
      const bytes = await imageSize(images[service]);
      const payload = bytes - baseBytes;
      payloads += payload;
      rows.push(
        `${service}: image ${(bytes / MB).toFixed(1)} MB, payload ${(payload / MB).toFixed(1)} MB (target ≤ ${PAYLOAD_TARGET_MB[service]} MB, image < ${IMAGE_TARGET_MB[service]} MB)`,
      );
      expect(payload, `${service} payload`).toBeGreaterThan(0);
      expect(payload, `${service} payload`).toBeLessThanOrEqual(PAYLOAD_TARGET_MB[service] * MB);
      expect(bytes, `${service} image`).toBeLessThan(IMAGE_TARGET_MB[service] * MB);
    }
    // The base layer is shared: on a node or in a registry the three images cost base + payloads.
    rows.push(`all three: ${((baseBytes + payloads) / MB).toFixed(1)} MB (target < ${TOTAL_TARGET_MB} MB)`);
    console.log(rows.join("\n"));
    expect(baseBytes + payloads).toBeLessThan(TOTAL_TARGET_MB * MB);
  });

  it("has no secret, .env, .npmrc, build CA, npm, shell or stray node_modules in any layer", async () => {
    for (const service of SERVICES) {
      const files = await imageFiles(images[service]);
      expect(files.length, service).toBeGreaterThan(100);
      const paths = files.map((f) => f.path);
      const offending = paths.filter(
        (p) =>
          /(^|\/)\.env(\.|$)/.test(p) ||
          /(^|\/)\.npmrc$/.test(p) ||
          /(^|\/)(id_rsa|id_ed25519)|\.pem$|\.key$/.test(p) ||
          /^run\/secrets\//.test(p) ||
          /^root\/\.npm\//.test(p) ||
          /(^|\/)node_modules\/(npm|corepack)\//.test(p) ||
          /^(usr\/)?bin\/(sh|bash|dash|busybox)$/.test(p),
      );
      expect(offending, `${service}: files that must not be in any layer`).toEqual([]);
      // Our files, not the base's: the payload layers hold only the service itself under /app.
      const ours = files.filter((f) => f.layer > 0 && !f.path.endsWith("/")).map((f) => f.path);
      expect(ours.length, service).toBeGreaterThan(0);
      expect(
        ours.filter((p) => !p.startsWith("app/")),
        `${service}: payload outside /app`,
      ).toEqual([]);
      if (service === "web") {
        expect(ours).toContain("app/apps/web/server.js");
        expect(ours.filter((p) => /node_modules\/(sharp|@img)\//.test(p))).toEqual([]);
      } else {
        expect(ours).toContain(`app/apps/${service}/dist/server.js`);
        expect(
          ours.filter((p) => p.includes("node_modules/")),
          `${service} ships no node_modules`,
        ).toEqual([]);
      }
      expect(paths.filter((p) => p.includes("@electric-sql/pglite"))).toEqual([]);
      // No history step of the image saw a secret's value or the build's npm configuration.
      const history = await podman(["history", "--no-trunc", "--format", "{{.CreatedBy}}", images[service]]);
      expect(history.stdout).not.toMatch(/cafile=|_authToken|BEGIN CERTIFICATE|SECRET=|PASSWORD=/);
    }
  });

  it("api: without DATABASE_URL it stops with a clear message, not a missing module", async () => {
    const run = await runOffline(
      [...Object.entries(SECRETS).flatMap(([k, v]) => ["-e", `${k}=${v}`]), images.api],
      { check: false, timeoutMs: 60_000 },
    );
    const output = run.stdout + run.stderr;
    expect(run.code, output).not.toBe(0);
    expect(output).toContain("DATABASE_URL is not set, and this build has no embedded database");
  });

  it("migrates, then runs api, mcp and web hardened on PostgreSQL; their HEALTHCHECKs pass", async () => {
    const common = ["--network", "host", ...HARDENED, "-e", "LOG_LEVEL=warn"];
    const dbEnv = ["-e", `DATABASE_URL=${databaseUrl}`];
    const migrate = await podman(
      [
        "run",
        "--rm",
        ...common,
        ...dbEnv,
        ...Object.entries(SECRETS).flatMap(([k, v]) => ["-e", `${k}=${v}`]),
        images.api,
        "apps/api/dist/migrate.js",
      ],
      { check: false, timeoutMs: 120_000 },
    );
    expect(migrate.code, migrate.stdout + migrate.stderr).toBe(0);
    expect(migrate.stdout + migrate.stderr).toMatch(/migrations current/);

    const webUrl = `http://127.0.0.1:${port.web}`;
    const mcpUrl = `http://127.0.0.1:${port.mcp}/mcp`;
    const env: Record<Service, string[]> = {
      mcp: [...dbEnv, "-e", `MCP_TOKEN_SECRET=${SECRETS.MCP_TOKEN_SECRET}`],
      api: [
        ...dbEnv,
        ...Object.entries(SECRETS).flatMap(([k, v]) => ["-e", `${k}=${v}`]),
        "-e",
        `BETTER_AUTH_URL=${webUrl}`,
        "-e",
        `MCP_URL=${mcpUrl}`,
        "-e",
        "AUTH_RATE_LIMIT=1000",
      ],
      // Next writes its cache under .next/cache: the chart mounts an emptyDir there.
      web: [
        "-e",
        `API_URL=http://127.0.0.1:${port.api}`,
        "--tmpfs",
        "/app/apps/web/.next/cache:rw,mode=1777",
      ],
    };
    for (const service of ["mcp", "api", "web"] as const) {
      const container = name(service);
      containers.push(container);
      await podman([
        "run",
        "-d",
        "--name",
        container,
        ...common,
        "-e",
        `PORT=${port[service]}`,
        ...env[service],
        images[service],
      ]);
      await waitFor(
        `http://127.0.0.1:${port[service]}/${service === "web" ? "healthz" : "readyz"}`,
        container,
      );
    }
    for (const service of SERVICES) {
      const check = await podman(["healthcheck", "run", name(service)], { check: false, timeoutMs: 30_000 });
      expect(check.code, `${service} healthcheck: ${check.stdout}${check.stderr}`).toBe(0);
    }
  });

  it("HEALTHCHECK fails when nothing answers /healthz on PORT (it is not a check that cannot fail)", async () => {
    const container = name("idle");
    containers.push(container);
    // The api image with node kept busy but no server listening.
    await podman([
      "run",
      "-d",
      "--name",
      container,
      "--network",
      "none",
      ...HARDENED,
      images.api,
      "-e",
      "setInterval(() => {}, 1000)",
    ]);
    const check = await podman(["healthcheck", "run", container], { check: false, timeoutMs: 30_000 });
    expect(check.code, check.stdout + check.stderr).not.toBe(0);
    expect(check.stdout + check.stderr).toMatch(/unhealthy/);
  });

  it("serves a sign-up, a REST task and an offline chat turn through the web container", async () => {
    const web = `http://127.0.0.1:${port.web}`;
    const page = await fetch(`${web}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const signUp = await fetch(`${web}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: web },
      body: JSON.stringify({
        name: "Img",
        email: `img-${suffix}@example.com`,
        password: "image test password",
      }),
    });
    expect(signUp.status, await signUp.clone().text()).toBe(200);
    const bearer = signUp.headers.get("set-auth-token") ?? "";
    expect(bearer).not.toBe("");
    const auth = { authorization: `Bearer ${bearer}`, "content-type": "application/json" };
    const rest = await fetch(`${web}/api/tasks`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ title: "From REST" }),
    });
    expect(rest.status, await rest.clone().text()).toBe(201);
    // The chat turn loads the agent chunk in the api and reaches the mcp container over MCP.
    const chat = await fetch(`${web}/api/chat`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ message: "add water the plants #home" }),
    });
    expect(chat.status, await chat.clone().text()).toBe(200);
    const list = (await (await fetch(`${web}/api/tasks?sort=created`, { headers: auth })).json()) as {
      items: { title: string }[];
    };
    expect(list.items.map((t) => t.title)).toEqual(["From REST", "water the plants"]);
    // Swagger UI's files come from the bundle's assets.
    const docs = await fetch(`http://127.0.0.1:${port.api}/api/docs/static/swagger-ui.css`);
    expect(docs.status).toBe(200);
  });
});

// Production builds for the bench (the services' own bundles are @taskflow/testing/bundles'
// ensureServiceBundles): the web's standalone server, an embedded api+mcp bundle for PGlite runs, and the same bundles of an older commit for
// the before/after comparison (extracted with `git archive`, so the work tree is never touched).
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";

/** The Next.js standalone server, built with `npm run build -w @taskflow/web` when missing. */
export function ensureWebBuild(root: string, log: (line: string) => void): string | undefined {
  const server = join(root, "apps/web/.next/standalone/apps/web/server.js");
  if (existsSync(server)) return server;
  log("building the web (Next.js standalone), about a minute");
  const result = spawnSync("npm", ["run", "build", "-w", "@taskflow/web"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return result.status === 0 && existsSync(server) ? server : undefined;
}

const externalDependencies: Plugin = {
  name: "external-dependencies",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@taskflow/") ? undefined : { path: args.path, external: true },
    );
  },
};

/** Same esbuild settings as scripts/bundle.ts: workspace packages inlined, the rest external. */
export async function bundle(root: string, entries: Record<string, string>, outdir: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(root, file)])),
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    sourcemap: false,
    outExtension: { ".js": ".js" },
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    plugins: [externalDependencies],
    logLevel: "warning",
  });
  // Bundled services find their migrations next to the bundle.
  cpSync(join(root, "packages/db/migrations"), join(outdir, "migrations"), { recursive: true });
}

/** api+mcp in one process (scripts/embedded.ts) as a production bundle, for PGlite runs. */
export async function ensureEmbeddedBundle(root: string, cacheDir: string): Promise<string> {
  const outdir = join(cacheDir, "embedded");
  await bundle(root, { embedded: "scripts/embedded.ts" }, outdir);
  return join(outdir, "embedded.js");
}

export interface BeforeTree {
  ref: string;
  commit: string;
  root: string;
  api: string;
  mcp: string;
  migrate: string;
  embedded: string;
}

/**
 * The bundles of commit `ref`, built in a cache directory inside node_modules (so third-party
 * packages resolve from the repository's node_modules, while @taskflow/* come from that commit).
 */
export async function buildBefore(repoRoot: string, ref: string, cacheDir: string): Promise<BeforeTree> {
  const commit = execFileSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], {
    cwd: repoRoot,
    encoding: "utf8",
  }).trim();
  const dir = join(cacheDir, `before-${commit.slice(0, 12)}`);
  const out = join(dir, "bench-dist");
  const tree: BeforeTree = {
    ref,
    commit,
    root: dir,
    api: join(out, "server.js"),
    mcp: join(out, "mcp.js"),
    migrate: join(out, "migrate.js"),
    embedded: join(out, "embedded.js"),
  };
  if (existsSync(tree.embedded)) {
    installDroppedDependencies(repoRoot, dir);
    return tree;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync(
    "git",
    ["archive", "--format=tar", commit, "apps/api", "apps/mcp", "packages", "scripts"],
    {
      cwd: repoRoot,
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  installDroppedDependencies(repoRoot, dir);
  // @taskflow/* of that commit; every other package resolves upwards to the repository's node_modules.
  const links = join(dir, "node_modules/@taskflow");
  mkdirSync(links, { recursive: true });
  for (const [name, path] of [
    ["api", "apps/api"],
    ["mcp", "apps/mcp"],
    ["agent", "packages/agent"],
    ["core", "packages/core"],
    ["db", "packages/db"],
    ["runtime", "packages/runtime"],
  ] as const) {
    if (existsSync(join(dir, path))) symlinkSync(join(dir, path), join(links, name));
  }
  await bundle(
    dir,
    {
      server: "apps/api/src/server.ts",
      mcp: "apps/mcp/src/server.ts",
      migrate: "packages/db/src/migrate-cli.ts",
      embedded: "scripts/embedded.ts",
    },
    out,
  );
  return tree;
}

/**
 * A third-party package the old commit uses but this tree no longer installs (a dependency replaced
 * since) is fetched into the old tree's own node_modules with `npm pack`; its own dependencies still
 * resolve from the repository's node_modules.
 */
function installDroppedDependencies(repoRoot: string, dir: string) {
  for (const workspace of [
    "apps/api",
    "apps/mcp",
    "packages/agent",
    "packages/core",
    "packages/db",
    "packages/runtime",
  ]) {
    const manifest = join(dir, workspace, "package.json");
    if (!existsSync(manifest)) continue;
    const { dependencies = {} } = JSON.parse(readFileSync(manifest, "utf8")) as {
      dependencies?: Record<string, string>;
    };
    for (const [name, version] of Object.entries(dependencies)) {
      const target = join(dir, "node_modules", name);
      if (
        name.startsWith("@taskflow/") ||
        existsSync(join(repoRoot, "node_modules", name)) ||
        existsSync(target)
      )
        continue;
      const tarball = execFileSync(
        "npm",
        ["pack", "--silent", `${name}@${version}`, "--pack-destination", dir],
        {
          cwd: dir,
          encoding: "utf8",
        },
      )
        .trim()
        .split("\n")
        .at(-1) as string;
      mkdirSync(target, { recursive: true });
      execFileSync("tar", ["-xzf", join(dir, tarball), "-C", target, "--strip-components=1"]);
      rmSync(join(dir, tarball));
    }
  }
}

// The services' production bundles (apps/api/dist, apps/mcp/dist), built with the repository's own
// bundler (scripts/bundle.ts) when missing or older than a source, for suites that run them as processes.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Every service image's young generation: 16 MB semi-spaces whatever the container's memory limit. */
const YOUNG_GENERATION = "--max-semi-space-size=16";

/**
 * What each service image adds to the service's environment (deploy/docker/Dockerfile; tests/containers
 * checks the images against this): the young generation, and on the api Better Auth's AsyncLocalStorage on
 * AsyncContextFrame instead of promise hooks. Suites and the bench that run a bundle as a process run it so too.
 */
export const IMAGE_ENV = {
  api: { NODE_OPTIONS: `${YOUNG_GENERATION} --experimental-async-context-frame` },
  mcp: { NODE_OPTIONS: YOUNG_GENERATION },
  web: { NODE_OPTIONS: YOUNG_GENERATION },
} as const;

const SOURCES = [
  "apps/api/src",
  "apps/mcp/src",
  "packages/core/src",
  "packages/db/src",
  "packages/db/migrations",
  "packages/runtime/src",
  "packages/agent/src",
  "packages/contracts/src",
];

/** Builds apps/<svc>/dist with the repository's own bundler when missing or older than any source. */
export function ensureServiceBundles(root: string, log: (line: string) => void): void {
  const newestSource = Math.max(...SOURCES.map((dir) => newestMtime(join(root, dir))));
  for (const service of ["api", "mcp"]) {
    const bundle = join(root, `apps/${service}/dist/server.js`);
    if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource) continue;
    log(`building apps/${service}/dist (missing or older than its sources)`);
    const result = spawnSync(
      process.execPath,
      [join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/bundle.ts", service],
      {
        cwd: root,
        stdio: "inherit",
      },
    );
    if (result.status !== 0) throw new Error(`bundling ${service} failed`);
  }
}

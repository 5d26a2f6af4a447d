// `npm test`: builds what the whole-stack tests run (web standalone, api and mcp bundles) when it is
// missing (always in CI), runs every Vitest suite, and ends with one plain summary line.
// `npm run test:reliability` (`tsx scripts/test.ts reliability`): the same for the reliability suite,
// building only what is missing.
// `npm run test:containers` (`tsx scripts/test.ts containers`): builds the images with podman and runs
// them as containers; nothing is built on the host (the Dockerfile builds the services in the images).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const mode =
  process.argv[2] === "reliability" || process.argv[2] === "containers" ? process.argv[2] : undefined;
const vitestArgs = mode
  ? ["--config", `tests/${mode}/vitest.config.ts`, ...process.argv.slice(3)]
  : process.argv.slice(2);
const ci = process.env.CI === "true" && !mode;
const run = (command: string, args: string[]) =>
  spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });

const artifacts = [
  "apps/web/.next/standalone/apps/web/server.js",
  "apps/api/dist/server.js",
  "apps/api/dist/migrate.js",
  "apps/mcp/dist/server.js",
];
if (mode !== "containers" && (ci || artifacts.some((file) => !existsSync(join(root, file))))) {
  console.log("Building web, api and mcp for the whole-stack tests…");
  const build = run("npm", ["run", "build"]);
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (mode !== "containers")
  console.log(
    process.env.TEST_DATABASE_URL
      ? "Database suites run on PGlite and on PostgreSQL (TEST_DATABASE_URL)."
      : "Database suites run on PGlite only; set TEST_DATABASE_URL=postgres://… to add PostgreSQL.",
  );
const report = join(mkdtempSync(join(tmpdir(), "taskflow-test-")), "vitest.json");
const vitest = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
  ...vitestArgs,
]);

let summary = "Tests: 0 passed, 0 failed";
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  const skipped = result.numPendingTests + result.numTodoTests;
  const failed = result.numFailedTests + (result.numFailedTests === 0 ? result.numFailedTestSuites : 0);
  summary = `Tests: ${result.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`;
}
console.log(`\n${summary}`);
process.exit(vitest.status ?? 1);

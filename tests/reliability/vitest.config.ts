// `npm run test:reliability`: load, crash, rolling restart, database and dependency outages, fuzz and
// security tests against real processes (production bundles) and a private PostgreSQL. Files run one
// after another (they all load the same two cores); every test is bounded and stops by itself.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["tests/reliability/**/*.test.ts"],
    globalSetup: ["tests/reliability/global-setup.ts"],
    fileParallelism: false,
    pool: "forks",
    maxWorkers: 1,
    testTimeout: 150_000,
    hookTimeout: 90_000,
    reporters: ["default"],
    // Each test prints what it did (requests sent, faults injected, writes verified): keep it visible.
    silent: false,
  },
});

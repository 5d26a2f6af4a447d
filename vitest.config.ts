import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      "apps/*/test/**/*.test.ts",
      "deploy/cli/**/*.test.ts",
      "bench/**/*.test.ts",
      "tests/**/*.test.ts",
    ],
    // The reliability and real-container suites have their own configs and npm scripts.
    exclude: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.next/**",
      "tests/reliability/**",
      "tests/containers/**",
    ],
    // expect.poll waits as long as `eventually` (10 s), not Vitest's 1 s: in CI a browser test's page shares
    // 2 cores with the stack and another test file, and a save and a render took more than a second there.
    expect: { poll: { timeout: 10_000 } },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default"],
  },
});

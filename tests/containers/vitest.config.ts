// `npm run test:containers`: builds the three images with podman from deploy/docker/Dockerfile (on
// stand-ins of its base images, see tests/containers/support/images.ts) and runs them as real
// containers. One file at a time: a build uses both cores of this machine.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    include: ["tests/containers/**/*.test.ts"],
    // The suites skip themselves under the root config (`npm test`); here they must run.
    env: { TASKFLOW_CONTAINER_TESTS: "1" },
    fileParallelism: false,
    pool: "forks",
    maxWorkers: 1,
    testTimeout: 300_000,
    // Building all three images from a cold cache (base stand-ins, npm ci, three builds).
    hookTimeout: 1_800_000,
    reporters: ["default"],
    silent: false,
  },
});

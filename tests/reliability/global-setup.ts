// Once per run: the production bundles (built when missing or stale) and a migrated template cluster
// that each test file copies, so every file gets its own PostgreSQL in about a second.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ensureServiceBundles } from "@taskflow/testing/bundles";
import { freePort } from "@taskflow/testing/processes";
import type { TestProject } from "vitest/node";
import { PgInstance } from "./harness/postgres";
import { root } from "./harness/root";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  ensureServiceBundles(root, (line) => console.log(`[reliability] ${line}`));
  const template = PgInstance.init(await freePort());
  template.start();
  try {
    await template.createDatabase("taskflow");
    const migrate = spawnSync(process.execPath, [join(root, "apps/api/dist/migrate.js")], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: template.url() },
      encoding: "utf8",
    });
    if (migrate.status !== 0) throw new Error(`migration failed: ${migrate.stdout}${migrate.stderr}`);
  } finally {
    template.stop();
  }
  console.log(
    `[reliability] template PostgreSQL cluster initialised and migrated in ${Date.now() - started} ms (${template.dir})`,
  );
  project.provide("pgTemplate", template.dir);
  return () => template.dispose();
}

// Bundles a Node service (api or mcp) into dist/ with esbuild: our workspace packages are inlined,
// third-party packages stay in node_modules (PGlite loads its WebAssembly from there).
import { cpSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const service = process.argv[2];
const entries: Record<string, Record<string, string>> = {
  api: { server: "apps/api/src/server.ts", migrate: "packages/db/src/migrate-cli.ts" },
  mcp: { server: "apps/mcp/src/server.ts" },
};
const entryPoints = service ? entries[service] : undefined;
if (!service || !entryPoints) {
  console.error(`usage: tsx scripts/bundle.ts <${Object.keys(entries).join("|")}>`);
  process.exit(2);
}

const externalDependencies: Plugin = {
  name: "external-dependencies",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@taskflow/") ? undefined : { path: args.path, external: true },
    );
  },
};

const outdir = `${root}apps/${service}/dist`;
rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(
    Object.entries(entryPoints).map(([name, file]) => [name, `${root}${file}`]),
  ),
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  outExtension: { ".js": ".js" },
  // Code behind a dynamic import() (the chat agent) becomes its own chunk, loaded on first use.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  plugins: [externalDependencies],
  logLevel: "warning",
});
// Both services carry the migrations: the api applies them, and /readyz of either checks the schema is current.
cpSync(`${root}packages/db/migrations`, `${outdir}/migrations`, { recursive: true });
console.log(`${service}: bundled to apps/${service}/dist in ${Date.now() - started} ms`);

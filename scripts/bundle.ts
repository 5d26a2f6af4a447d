// Bundles a Node service (api or mcp) into dist/ with esbuild, third-party code included, so the
// image ships dist/ and no node_modules (`npm ci --omit=dev --workspace` installed ~574 MB for the
// api, next and vitest among better-auth's optional peers). dist/ is self-contained:
//   server.js, migrate.js       entry points (ESM; dist/package.json says so)
//   chunks/                     code behind dynamic import() (the chat agents, the migrator), loaded on first use
//   migrations/                 the SQL migrations
//   assets/<package>/…          files a bundled package reads from its own directory at run time
// Left external, on purpose:
//   @electric-sql/pglite        the embedded database (WebAssembly + data files beside its code): only
//                               `npm start`/tests without DATABASE_URL use it, from the local node_modules.
//                               Images do not ship it; without DATABASE_URL they stop with a clear message.
//   pg-native                   an optional native driver `pg` tries and we never install.
import { cpSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";

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

/** Packages that cannot be bundled; see the header. */
const EXTERNAL = ["@electric-sql/pglite", "pg-native"];

/**
 * Packages that read files next to their own code (`__dirname`): their code is bundled, those files
 * are copied to dist/assets/<name>/ and `__dirname` in their modules points there.
 */
const ASSET_PACKAGES: { name: string; dir: string; copy: string[] }[] = [
  // Swagger UI's HTML, scripts and styles (/api/docs), and its default logo.
  { name: "swagger-ui", dir: "node_modules/@fastify/swagger-ui", copy: ["static"] },
];

const assetDirs: Plugin = {
  name: "asset-dirs",
  setup(b) {
    for (const pkg of ASSET_PACKAGES) {
      const base = join(root, pkg.dir);
      const filter = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/.*\\.[cm]?js$`);
      b.onLoad({ filter }, async (args) => {
        const { readFile } = await import("node:fs/promises");
        const source = await readFile(args.path, "utf8");
        const rel = relative(base, dirname(args.path)) || ".";
        const dir = `__taskflowAssetDir(${JSON.stringify(`${pkg.name}/${rel}`)})`;
        return {
          contents: source.replace(/\b__dirname\b/g, dir),
          loader: "js",
          resolveDir: dirname(args.path),
        };
      });
    }
  },
};

// ESM output running CommonJS dependencies: give them `require` (for Node built-ins) and a way to
// find copied assets. Chunks live in dist/chunks/, entries in dist/.
const banner = [
  'import { createRequire as __taskflowCreateRequire } from "node:module";',
  'import { fileURLToPath as __taskflowFileURLToPath } from "node:url";',
  "const require = __taskflowCreateRequire(import.meta.url);",
  "const __taskflowAssetDir = (p) => __taskflowFileURLToPath(new URL(`${import.meta.url.includes('/chunks/') ? '../' : './'}assets/${p}`, import.meta.url));",
].join("\n");

const outdir = `${root}apps/${service}/dist`;
rmSync(outdir, { recursive: true, force: true });
const started = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(
    Object.entries(entryPoints).map(([name, file]) => [name, `${root}${file}`]),
  ),
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  external: EXTERNAL,
  // Syntax only: readable lines in stack traces and crash output, a few MB smaller than none.
  minifySyntax: true,
  // No keepNames: it wraps every named function and class in __name(…), which also runs each time a
  // closure is created, and request paths full of small closures (Fastify, pino, drizzle, pg, zod) paid
  // for it on every request (GET -21 %, PATCH -13 % CPU without it; docs/benchmarks.md). Names stay
  // as written (no minifyIdentifiers), except a class esbuild renames to avoid a clash between two
  // packages (`APIError3`): logs take an error's type from `error.name` (packages/runtime/src/service.ts).
  keepNames: false,
  // Line-accurate stack traces via --enable-source-maps; sources are not embedded (smaller maps).
  sourcemap: "linked",
  sourcesContent: false,
  legalComments: "none",
  banner: { js: banner },
  outExtension: { ".js": ".js" },
  // Code behind a dynamic import() (the chat agent) becomes its own chunk, loaded on first use.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  plugins: [assetDirs],
  metafile: true,
  logLevel: "warning",
  logOverride: { "empty-import-meta": "silent" },
});
writeFileSync(`${outdir}/package.json`, `${JSON.stringify({ type: "module", private: true }, null, 2)}\n`);
// Both services carry the migrations: the api applies them, and /readyz of either checks the schema is current.
cpSync(`${root}packages/db/migrations`, `${outdir}/migrations`, { recursive: true });
for (const pkg of ASSET_PACKAGES) {
  for (const entry of pkg.copy) {
    mkdirSync(`${outdir}/assets/${pkg.name}`, { recursive: true });
    cpSync(join(root, pkg.dir, entry), `${outdir}/assets/${pkg.name}/${entry}`, { recursive: true });
  }
}

const bytes = (meta: Metafile) =>
  Object.entries(meta.outputs).reduce((n, [file]) => n + statSync(join(root, file)).size, 0);
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
console.log(
  `${service}: bundled to apps/${service}/dist in ${Date.now() - started} ms (${mb(bytes(result.metafile))} of JavaScript and maps; external: ${EXTERNAL.join(", ")})`,
);

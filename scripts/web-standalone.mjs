// Completes Next's standalone output so it runs on its own: `next build` leaves the static assets
// (.next/static) and public/ out of .next/standalone, expecting a CDN. We serve them from the same
// server, so copy them next to server.js:
//   node apps/web/.next/standalone/apps/web/server.js   (PORT and HOSTNAME from the environment)
// It also drops what the server can never load: sharp and its libvips binaries (@img, ~20 MB), which
// Next traces in for image optimisation, switched off in next.config.ts (`images.unoptimized`).
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const web = join(root, "apps/web");
const standaloneApp = join(web, ".next/standalone/apps/web");

if (!existsSync(join(standaloneApp, "server.js"))) {
  console.error(
    `web-standalone: ${standaloneApp}/server.js not found; run \`next build\` with output: "standalone" first.`,
  );
  process.exit(1);
}

const copies = [
  [join(web, ".next/static"), join(standaloneApp, ".next/static")],
  [join(web, "public"), join(standaloneApp, "public")],
];
for (const [from, to] of copies) {
  if (!existsSync(from)) continue;
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}
// Only while images stay unoptimised: the check reads the built config, so turning optimisation on
// keeps sharp in the output again.
const requiredServerFiles = join(web, ".next/required-server-files.json");
const unoptimized = existsSync(requiredServerFiles)
  ? JSON.parse(readFileSync(requiredServerFiles, "utf8")).config?.images?.unoptimized === true
  : false;
if (unoptimized) {
  for (const dir of ["node_modules/sharp", "node_modules/@img"])
    rmSync(join(web, ".next/standalone", dir), { recursive: true, force: true });
}
console.log(`web-standalone: ready — node ${standaloneApp.slice(root.length + 1)}/server.js`);

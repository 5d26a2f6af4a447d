// Completes Next's standalone output so it runs on its own: `next build` leaves the static assets
// (.next/static) and public/ out of .next/standalone, expecting a CDN. We serve them from the same
// server, so copy them next to server.js:
//   node apps/web/.next/standalone/apps/web/server.js   (PORT and HOSTNAME from the environment)
import { cpSync, existsSync, rmSync } from "node:fs";
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
console.log(`web-standalone: ready — node ${standaloneApp.slice(root.length + 1)}/server.js`);

// Content hash of everything that goes into the images, used as the image tag. Re-using one tag
// for different content is a known Minikube trap (the node keeps the old image), so every change
// to the sources gives a new tag and an unchanged tree re-uses the images already built.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const INPUTS = [
  "package.json",
  "package-lock.json",
  ".npmrc",
  ".dockerignore",
  "apps",
  "packages",
  "scripts",
  "deploy/docker",
  "deploy/cli/package.json",
  "tsconfig.base.json",
];
const SKIP = new Set([
  "node_modules",
  "dist",
  ".next",
  ".data",
  ".test-data",
  "test-artifacts",
  "coverage",
  ".turbo",
  ".git",
]);

function walk(root: string, path: string, out: string[]): void {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (!SKIP.has(name)) walk(root, join(path, name), out);
    }
  } else if (st.isFile()) {
    out.push(relative(root, path).split(sep).join("/"));
  }
}

/** 12 hex characters of a SHA-256 over the build inputs' paths and contents. */
export function sourceHash(repoRoot: string): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(repoRoot, join(repoRoot, input), files);
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(file);
    hash.update("\0");
    hash.update(readFileSync(join(repoRoot, file)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 12);
}

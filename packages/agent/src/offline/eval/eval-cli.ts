/**
 * Scores the offline parser on a JSONL corpus: `npm run agent:eval -- [file.jsonl]`.
 * Without a file it reads ../shared/agent-corpus/public.jsonl next to the repo root.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluateCase, parseCorpus } from "./eval-case.js";

function findRepoRoot(start: string): string | undefined {
  let dir = start;
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const pkg: unknown = JSON.parse(readFileSync(manifest, "utf8"));
      if (typeof pkg === "object" && pkg !== null && "workspaces" in pkg) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function corpusPath(arg: string | undefined): string {
  if (arg !== undefined) return resolve(process.cwd(), arg);
  const root = findRepoRoot(dirname(fileURLToPath(import.meta.url))) ?? findRepoRoot(process.cwd());
  if (root === undefined)
    throw new Error("could not find the repository root (a package.json with workspaces)");
  return resolve(root, "..", "shared", "agent-corpus", "public.jsonl");
}

function main(): number {
  const path = corpusPath(process.argv[2]);
  if (!existsSync(path)) {
    console.error(`Corpus not found: ${path}\nPass a file: npm run agent:eval -- path/to/corpus.jsonl`);
    return 2;
  }
  const cases = parseCorpus(readFileSync(path, "utf8"));
  let failed = 0;
  for (const c of cases) {
    const result = evaluateCase(c);
    if (result.passed) continue;
    failed++;
    console.log(
      `FAIL ${result.id}: "${result.say}"\n  expected: ${result.expected}\n  got:      ${result.got}`,
    );
  }
  console.log(`${cases.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}

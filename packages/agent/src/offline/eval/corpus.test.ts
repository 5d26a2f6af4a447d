import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { evaluateCase, parseCorpus } from "./eval-case.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../../../../..");
const publicCorpus = resolve(repoRoot, "../shared/agent-corpus/public.jsonl");
const variantsCorpus = join(here, "fixtures/variants.jsonl");
const variantsCorpus2 = join(here, "fixtures/variants-2.jsonl");
const variantsCorpus3 = join(here, "fixtures/variants-3.jsonl");
/** Unclear or unsupported requests that must call no tool, and clear adds that must still add. */
const unclearCorpus = join(here, "fixtures/unclear.jsonl");
/** Time zones, time questions, follow-ups on the stored conversation, undo, several actions at once. */
const conversationCorpus = join(here, "fixtures/conversation.jsonl");
/** Repeats, reminders, skip and stop repeating, and titles that only hold "weekly". */
const repeatsCorpus = join(here, "fixtures/repeats.jsonl");
/** Lists: adding to, showing, moving between, creating, renaming and deleting them; unknown lists asked about. */
const listsCorpus = join(here, "fixtures/lists.jsonl");

function corpusSuite(name: string, path: string): void {
  // Skipped only when the file is absent: the public corpus lives outside this repository
  // (../shared/agent-corpus), so a clone without it still runs every fixture kept here.
  describe.skipIf(!existsSync(path))(name, () => {
    const cases = existsSync(path) ? parseCorpus(readFileSync(path, "utf8")) : [];
    it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
      const result = evaluateCase(c);
      expect(result.passed, `"${c.say}": expected ${result.expected}, got ${result.got}`).toBe(true);
    });
  });
}

corpusSuite("public corpus", publicCorpus);
corpusSuite("variants corpus", variantsCorpus);
corpusSuite("variants-2 corpus", variantsCorpus2);
corpusSuite("variants-3 corpus", variantsCorpus3);
corpusSuite("unclear-requests corpus", unclearCorpus);
corpusSuite("conversation corpus", conversationCorpus);
corpusSuite("repeats corpus", repeatsCorpus);
corpusSuite("lists corpus", listsCorpus);

describe("variants corpus sizes", () => {
  it.each([
    [variantsCorpus, 60],
    [variantsCorpus2, 150],
    [variantsCorpus3, 200],
    [unclearCorpus, 40],
    [conversationCorpus, 60],
    [repeatsCorpus, 60],
    [listsCorpus, 30],
  ] as const)("%s holds at least %i phrasings", (path, min) => {
    expect(parseCorpus(readFileSync(path, "utf8")).length).toBeGreaterThanOrEqual(min);
  });
});

describe("eval CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "taskflow-eval-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports failures, the summary line and exit code 1", async () => {
    const file = join(dir, "mini.jsonl");
    const lines = [
      {
        id: "ok",
        now: "2026-01-15T09:00:00Z",
        say: "add buy milk",
        expect: { tool: "add_task", args: { title: "buy milk" } },
      },
      {
        id: "bad",
        now: "2026-01-15T09:00:00Z",
        say: "add buy milk",
        expect: { tool: "delete_task", args: { task_id: 1 } },
      },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((done) => {
      execFile(
        "npx",
        ["tsx", "packages/agent/src/offline/eval/eval-cli.ts", file],
        { cwd: repoRoot },
        (error, out) => {
          done({
            code: error === null ? 0 : typeof error.code === "number" ? error.code : null,
            stdout: out,
          });
        },
      );
    });
    expect(stdout).toContain("FAIL bad");
    expect(stdout.trim().split("\n").at(-1)).toBe("1 passed, 1 failed");
    expect(code).toBe(1);
  }, 60_000);
});

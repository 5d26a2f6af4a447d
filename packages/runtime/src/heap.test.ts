// The heap tuning every service applies at start (heap.ts): checked against V8 itself, in a child process
// that allocates like a busy server, with V8's own pretenuring trace. The child loads heap.ts through Node's
// own type stripping (Node 22.18+), so no loader allocates and collects before the tuning.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";

vi.mock("./heap", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./heap")>()),
  tuneHeapForServing: vi.fn(),
}));
const { tuneHeapForServing } = await import("./heap");
const { startService } = await import("./service");

const heapModule = fileURLToPath(new URL("./heap.ts", import.meta.url));

/** How many pretenuring decisions V8 traces for a workload whose objects outlive young collections. */
function pretenuringTrace(tune: boolean): number {
  const script = `
    ${tune ? `(await import(${JSON.stringify(heapModule)})).tuneHeapForServing();` : ""}
    const row = (i) => ({ id: i, cells: [i, String(i)] });
    let kept = [];
    for (let i = 0; i < 2_000_000; i++) {
      kept.push(row(i));
      if (kept.length > 200_000) kept = [];
    }
    console.log(kept.length);`;
  const out = execFileSync(
    process.execPath,
    ["--trace-pretenuring-statistics", "--input-type=module", "-e", script],
    { encoding: "utf8", timeout: 60_000 },
  );
  return out.split("\n").filter((line) => line.includes("pretenuring:")).length;
}

describe("heap tuning", () => {
  it("V8 pretenures long-lived allocation sites by default, and not once the service has tuned its heap", () => {
    // The control: without it the same workload is pretenured, so the check below can fail.
    expect(pretenuringTrace(false)).toBeGreaterThan(0);
    expect(pretenuringTrace(true)).toBe(0);
  });

  it("is the first thing a service does, before its env is read", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const build = vi.fn();
      await expect(
        startService({
          name: "heap-test",
          parseEnv() {
            expect(tuneHeapForServing).toHaveBeenCalledOnce();
            throw new Error("PORT: required");
          },
          build,
        }),
      ).rejects.toThrow("exit 1");
      expect(build).not.toHaveBeenCalled();
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});

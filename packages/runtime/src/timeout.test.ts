import type { Database } from "@taskflow/db/client";
import { describe, expect, it } from "vitest";
import { databaseAnswers, pingDatabase } from "./database";
import { withTimeout } from "./timeout";

const never = () => new Promise<never>(() => {});

/** A database whose ping and queries answer (or hang, or fail) as told. */
function fakeDatabase(answer: "ok" | "hang" | "fail"): Database {
  const reply = () =>
    answer === "ok"
      ? Promise.resolve([])
      : answer === "hang"
        ? never()
        : Promise.reject(new Error("refused"));
  return {
    execute: reply,
    ping: async () => {
      await reply();
    },
  } as unknown as Database;
}

describe("withTimeout", () => {
  it("passes a value or a rejection through when it comes in time", async () => {
    await expect(withTimeout(Promise.resolve(42), 1000)).resolves.toBe(42);
    await expect(withTimeout(Promise.reject(new Error("boom")), 1000)).rejects.toThrow("boom");
  });

  it("rejects with 'timed out after <ms> ms' when the promise hangs", async () => {
    const started = performance.now();
    await expect(withTimeout(never(), 50)).rejects.toThrow("timed out after 50 ms");
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("pingDatabase and databaseAnswers", () => {
  it("a database that answers", async () => {
    await expect(pingDatabase(fakeDatabase("ok"), 100)).resolves.toBeUndefined();
    await expect(databaseAnswers(fakeDatabase("ok"), 100)).resolves.toBe(true);
  });

  it("a database that hangs: the ping gives up, the question answers false, both within the limit", async () => {
    const started = performance.now();
    await expect(pingDatabase(fakeDatabase("hang"), 50)).rejects.toThrow("timed out after 50 ms");
    await expect(databaseAnswers(fakeDatabase("hang"), 50)).resolves.toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("a database that refuses", async () => {
    await expect(pingDatabase(fakeDatabase("fail"), 100)).rejects.toThrow("refused");
    await expect(databaseAnswers(fakeDatabase("fail"), 100)).resolves.toBe(false);
  });
});

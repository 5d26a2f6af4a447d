// The `type` of a logged error: the name the error gives itself, so a class renamed by the bundler to
// avoid a clash (esbuild without keepNames: `class APIError3`) still logs as what it is.
import { describe, expect, it } from "vitest";
import { serializeError } from "./service";

describe("serializeError's type", () => {
  it("is the error's own name when it sets one, whatever its class is called", () => {
    const Renamed = class APIError3 extends Error {
      constructor(message: string) {
        super(message);
        this.name = "APIError";
      }
    };
    expect(serializeError(new Renamed("nope"))).toMatchObject({ type: "APIError", message: "nope" });
  });

  it("is the class name of an error that keeps the default name", () => {
    class ParseFailure extends Error {}
    expect(serializeError(new ParseFailure("bad"))).toMatchObject({ type: "ParseFailure" });
    expect(serializeError(new Error("plain"))).toMatchObject({ type: "Error" });
    expect(serializeError(new TypeError("typed"))).toMatchObject({ type: "TypeError" });
  });

  it("keeps the type of a failed query whose parameters it drops", () => {
    class DrizzleQueryError extends Error {
      constructor(
        readonly query: string,
        readonly params: unknown[],
      ) {
        super(`Failed query: ${query}\nparams: ${params.join(",")}`);
        this.name = "DrizzleQueryError";
      }
    }
    const serialized = serializeError(new DrizzleQueryError("select 1 where token = $1", ["secret-token"]));
    expect(serialized).toMatchObject({ type: "DrizzleQueryError" });
    expect(JSON.stringify(serialized)).not.toContain("secret-token");
  });
});

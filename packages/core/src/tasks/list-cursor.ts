import { invalid } from "../errors";

/** Opaque keyset cursor: the sort value and id of the last task on the previous page. */
export type CursorValue = string | number | null;

export function encodeCursor(value: CursorValue, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

export function decodeCursor(cursor: string): { value: CursorValue; id: number } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && Number.isSafeInteger(parsed[1])) {
      const [value, id] = parsed as [unknown, number];
      // U+0000 cannot reach PostgreSQL as text, and no stored title holds one.
      if (
        value === null ||
        typeof value === "number" ||
        (typeof value === "string" && !value.includes("\u0000"))
      ) {
        return { value, id };
      }
    }
  } catch {
    // fall through to the validation error below
  }
  throw invalid("cursor", "is not a cursor returned by this API");
}

import { timingSafeEqual } from "node:crypto";

/**
 * Constant-time equality of two strings as UTF-8 bytes. `timingSafeEqual` throws on buffers of different
 * lengths, and a string's length in characters says nothing about its length in bytes (a 44-character
 * signature of "é"s is 88 bytes): compare the byte lengths first, so junk is "not equal", never a throw.
 */
export function equalSecrets(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

import { createHash, randomBytes } from "node:crypto";

/** Personal tokens look like `tfp_<43 url-safe characters>`; only their SHA-256 is stored. */
export const PERSONAL_TOKEN_PREFIX = "tfp_";

export function generateTokenSecret(): string {
  return PERSONAL_TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

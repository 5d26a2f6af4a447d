/**
 * `secret` with one character changed, always to a different one: the fifth from the end, which carries
 * only data in base64 (the last one may carry padding bits that decoding ignores). Replacing the tail with
 * fixed characters instead gave the secret back unchanged whenever it already ended in them.
 */
export function tampered(secret: string): string {
  const at = Math.max(0, secret.length - 5);
  const swap = secret[at] === "A" ? "B" : "A";
  return `${secret.slice(0, at)}${swap}${secret.slice(at + 1)}`;
}

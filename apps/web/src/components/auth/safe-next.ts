// Where to go after signing in (`?next=`), limited to this site. A prefix check ("starts with / but
// not //") is not enough: browsers read a backslash as a slash (`/\evil.example`) and drop tabs and
// newlines (`/<TAB>/evil.example`) before resolving, and `/.//evil.example` normalises to `//evil.example`.
// So the path is resolved the way the browser will resolve it and kept only if it stays on our origin,
// and what is returned is that resolved form, which the browser reads the same way again.

/** Any origin serves: only whether `next` leaves it matters. `.invalid` never resolves (RFC 2606). */
const HOME = "https://taskflow.invalid";

/** A same-origin path (with query and fragment) to send the browser to after sign-in, else "/". */
export function safeNextPath(next: string | null | undefined): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2048) return "/";
  // Only a path: not a scheme (`https:`, `javascript:`), not `//host`.
  if (!next.startsWith("/") || next.startsWith("//")) return "/";
  // Backslashes, ASCII control characters (tab, CR, LF, NUL…) and DEL never belong in a path we made.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return "/";
  let resolved: URL;
  try {
    resolved = new URL(next, HOME);
  } catch {
    return "/";
  }
  if (resolved.origin !== HOME) return "/";
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // The resolved path itself must not read as `//host` either.
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

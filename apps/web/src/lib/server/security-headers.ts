// The page's Content-Security-Policy (src/proxy.ts sends it); the headers that are the same on every
// response are in next.config.ts.

/**
 * The page's Content-Security-Policy. Next's inline bootstrap scripts carry the per-request nonce
 * (Next reads it from this header on the request, see proxy.ts) and the chunks they load are trusted
 * through 'strict-dynamic', so no script runs that the server did not send with this page.
 * Styles allow 'unsafe-inline': React renders `style` attributes (progress widths, animation delays),
 * which nonces cannot cover, and a style cannot run code. `next dev` also needs 'unsafe-eval'.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // Workers (the service worker, public/sw.js) and the manifest come from this origin only, said
    // outright rather than left to the script-src and default-src fallbacks.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

// Next's request proxy (formerly middleware): gives every page its Content-Security-Policy with a
// fresh nonce. Next finds the nonce in the CSP header of the request it renders and puts it on its
// own scripts, so the same header goes on the request (for Next) and on the response (for the browser).
import { type NextRequest, NextResponse } from "next/server";
import { isDevelopment } from "@/env";
import { contentSecurityPolicy, newNonce } from "@/lib/server/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy(newNonce(), isDevelopment());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    // Pages only: not the /api proxy, not the built assets, not the probes, not the service worker,
    // the manifest and the icons (public/; the worker must not carry the page's nonce policy).
    {
      source:
        "/((?!api/|api$|_next/static|_next/image|healthz|readyz|icon.svg|favicon.ico|sw.js|manifest.webmanifest|icon-|apple-touch-icon).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

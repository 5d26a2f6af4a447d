// Same-origin proxy: the browser talks to /api/* on the web server, which forwards to the api.
// Same origin means Better Auth's session cookie just works, with no CORS and no public API URL
// baked into the bundle. API_URL is read per request (rewrites would freeze it at build time).
import { forwardToApi } from "@/lib/server/api-proxy";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = forwardToApi;
export const HEAD = forwardToApi;
export const POST = forwardToApi;
export const PUT = forwardToApi;
export const PATCH = forwardToApi;
export const DELETE = forwardToApi;
export const OPTIONS = forwardToApi;

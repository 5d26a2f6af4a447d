// RFC 8414 authorization server metadata on the public origin (the issuer): MCP clients (claude.ai,
// ChatGPT, VS Code…) read it after the mcp service's protected resource metadata names this origin.
// The api answers it; this forwards the request the way /api/* is forwarded (API_URL read per request).
import { forwardToApi } from "@/lib/server/api-proxy";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = forwardToApi;

// The mcp service as an OAuth 2.1 protected resource (MCP authorization, 2025-11-25): Protected
// Resource Metadata (RFC 9728) at /.well-known/oauth-protected-resource[/mcp], the 401 challenge that
// points to it, and who may call what: personal and agent tokens act as their user in full; an OAuth
// token only within its scopes (tasks:read reads, tasks:write also changes tasks).
import { MCP_SCOPES, OAUTH_SCOPES } from "@taskflow/contracts";
import { READ_ONLY_TOOLS } from "@taskflow/contracts/mcp-tools";
import type { Db } from "@taskflow/db/client";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authenticateCaller, type Caller } from "./authenticate";
import { createOAuthVerifier, type McpOAuthOptions } from "./oauth-tokens";

export type { McpOAuthOptions } from "./oauth-tokens";

declare module "fastify" {
  interface FastifyRequest {
    mcpUserId?: string;
    mcpCaller?: Caller;
  }
}

/** RFC 9728 §3.1: the metadata URL of a resource is its path appended to the well-known prefix. */
export function resourceMetadataUrl(resource: string): string {
  const url = new URL(resource);
  const path = url.pathname === "/" ? "" : url.pathname.replace(/\/$/, "");
  return `${url.origin}/.well-known/oauth-protected-resource${path}`;
}

/** Without a configured public URL (an app built in-process for a test): the URL this request reached. */
function resourceOf(request: FastifyRequest, oauth: McpOAuthOptions | undefined): string {
  return oauth?.resource ?? `${request.protocol}://${request.host}/mcp`;
}

export function protectedResourceMetadata(resource: string, issuer: string) {
  return {
    resource,
    authorization_servers: [issuer],
    scopes_supported: [...OAUTH_SCOPES],
    bearer_methods_supported: ["header"],
    resource_name: "Taskflow",
  };
}

/** The PRM routes; `issuer` defaults to BETTER_AUTH_URL's default origin. */
export function registerOAuthResource(app: FastifyInstance, oauth: McpOAuthOptions | undefined) {
  const issuer = oauth?.issuer ?? "http://localhost:3000";
  for (const url of ["/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"]) {
    app.get(url, async (request, reply) => {
      reply.header("access-control-allow-origin", "*").header("cache-control", "public, max-age=300");
      return protectedResourceMetadata(resourceOf(request, oauth), issuer);
    });
  }
}

const REFUSALS = {
  missing:
    "Unauthorized: sign in through your MCP client (OAuth), or send Authorization: Bearer <personal token>.",
  personal:
    "Unauthorized: this personal token no longer works: it was revoked, it expired, or it was mistyped. Create a new one on Taskflow's Connect AI tools page and update your client's configuration.",
  oauth:
    "Unauthorized: this connection's access token is not valid here (expired, revoked on the Connect AI tools page, or issued for another server). Reconnect Taskflow in your MCP client.",
  invalid: "Unauthorized: the bearer token is not one Taskflow issued.",
} as const;

function unauthorized(reply: FastifyReply, resource: string, refused: keyof typeof REFUSALS) {
  // A static personal token is not an OAuth matter: no metadata pointer that would start a sign-in flow
  // in the client instead of showing this message.
  const challenge =
    refused === "personal"
      ? 'Bearer realm="taskflow-mcp", error="invalid_token", error_description="personal token revoked or expired"'
      : `Bearer resource_metadata="${resourceMetadataUrl(resource)}"${refused === "missing" ? "" : ', error="invalid_token"'}, scope="${OAUTH_SCOPES.join(" ")}"`;
  reply.header("www-authenticate", challenge);
  return reply
    .code(401)
    .send({ jsonrpc: "2.0", error: { code: -32001, message: REFUSALS[refused] }, id: null });
}

interface RpcMessage {
  method?: unknown;
  id?: unknown;
  params?: { name?: unknown };
}

/** The tools/call messages of a body (one message or a batch) naming a tool that changes tasks. */
function writeCalls(body: unknown): RpcMessage[] {
  const messages = (Array.isArray(body) ? body : [body]) as RpcMessage[];
  return messages.filter(
    (m) =>
      m &&
      m.method === "tools/call" &&
      typeof m.params?.name === "string" &&
      !READ_ONLY_TOOLS.has(m.params.name),
  );
}

/**
 * The preHandler of POST /mcp: who is calling (401 with the RFC 9728 challenge otherwise), then, for an
 * OAuth token, its scopes: no task scope → 403 insufficient_scope; tasks:read only → a tool that changes
 * tasks answers with a tool error the model can relay (reconnect with write access).
 */
export function mcpAuthentication(options: {
  db: Db;
  tokenSecret: string;
  oauth?: McpOAuthOptions | undefined;
}) {
  const verifyOAuth = options.oauth ? createOAuthVerifier(options.db, options.oauth) : undefined;
  const verifierFor = new Map<string, ReturnType<typeof createOAuthVerifier>>();
  return async function authenticateMcp(request: FastifyRequest, reply: FastifyReply) {
    const resource = resourceOf(request, options.oauth);
    let verifier = verifyOAuth;
    if (!verifier) {
      verifier =
        verifierFor.get(resource) ??
        createOAuthVerifier(options.db, { resource, issuer: "http://localhost:3000" });
      // The Host header chose this one: keep a few, not one per name a client makes up.
      if (verifierFor.size >= 8) verifierFor.clear();
      verifierFor.set(resource, verifier);
    }
    const caller = await authenticateCaller(
      options.db,
      options.tokenSecret,
      request.headers.authorization,
      verifier,
    );
    if ("refused" in caller) return unauthorized(reply, resource, caller.refused);
    request.mcpUserId = caller.userId;
    request.mcpCaller = caller;
    if (!caller.scopes) return;
    const scopes = new Set(caller.scopes);
    if (!MCP_SCOPES.some((scope) => scopes.has(scope))) {
      reply.header(
        "www-authenticate",
        `Bearer error="insufficient_scope", scope="${MCP_SCOPES.join(" ")}", resource_metadata="${resourceMetadataUrl(resource)}"`,
      );
      return reply.code(403).send({
        jsonrpc: "2.0",
        error: {
          code: -32001,
          message: "This connection was granted no access to tasks; reconnect Taskflow.",
        },
        id: null,
      });
    }
    if (scopes.has("tasks:write")) return;
    const refused = writeCalls(request.body);
    if (refused.length === 0) return;
    const result = (m: RpcMessage) => ({
      jsonrpc: "2.0",
      id: m.id ?? null,
      result: {
        content: [
          {
            type: "text",
            text: `${String(m.params?.name)} changes tasks, and this connection was granted read-only access (tasks:read). Ask the user to reconnect Taskflow and tick "Allow it to change tasks" on its consent page.`,
          },
        ],
        isError: true,
      },
    });
    return reply
      .code(200)
      .send(Array.isArray(request.body) ? refused.map(result) : result(refused[0] as RpcMessage));
  };
}

// The short-lived token the api mints for its own chat agent, so the agent reaches the MCP server as the
// signed-in user and nothing else. HS256 with MCP_TOKEN_SECRET, audience-checked, minutes to live.
import { jwtVerify, SignJWT } from "jose";

const ISSUER = "taskflow-api";
const AUDIENCE = "taskflow-mcp";
const encoder = new TextEncoder();

export async function signAgentToken(secret: string, userId: string, ttlSeconds = 300): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(encoder.encode(secret));
}

/** The user id of a valid agent token, or null for anything forged, expired or meant for someone else. */
export async function verifyAgentToken(secret: string, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
    });
    return typeof payload.sub === "string" && payload.sub ? payload.sub : null;
  } catch {
    return null;
  }
}

// The only module of the mcp service that reads process.env.
import {
  databaseEnvShape,
  EMBEDDED_DEV_SECRETS,
  parseEnv,
  requireRealSecrets,
  secretSchema,
  serviceEnvShape,
} from "@taskflow/runtime/env";
import { z } from "zod";

const schema = z
  .object({
    ...serviceEnvShape(8080),
    ...databaseEnvShape,
    MCP_TOKEN_SECRET: secretSchema,
    // Tool calls (MCP requests) per user per minute, across all of their tokens; then 429.
    MCP_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(300),
  })
  .superRefine(requireRealSecrets(["MCP_TOKEN_SECRET"]))
  .transform((env) => ({
    ...env,
    MCP_TOKEN_SECRET: env.MCP_TOKEN_SECRET ?? EMBEDDED_DEV_SECRETS.MCP_TOKEN_SECRET,
  }));

export type McpEnv = z.output<typeof schema>;

export const parseMcpEnv = (source: Record<string, string | undefined>): McpEnv =>
  parseEnv("mcp", schema, source);

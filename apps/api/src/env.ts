// The only module of the api that reads process.env. A bad or missing variable stops the start with
// one message naming every problem.
import {
  databaseEnvShape,
  EMBEDDED_DEV_SECRETS,
  parseEnv,
  requireRealSecrets,
  secretSchema,
  serviceEnvShape,
} from "@taskflow/runtime/env";
import { z } from "zod";
import { oneHopTrust, trustProxyProblems } from "./trusted-proxy";

const schema = z
  .object({
    ...serviceEnvShape(8000),
    ...databaseEnvShape,
    BETTER_AUTH_SECRET: secretSchema,
    BETTER_AUTH_URL: z.url().default("http://localhost:3000"),
    BETTER_AUTH_TRUSTED_ORIGINS: z
      .string()
      .default("")
      .transform((list) =>
        list
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ error: "must be a comma-separated list of URLs" }))),
    MCP_URL: z.url().default("http://localhost:8080/mcp"),
    // Shown to users on the tokens page; without it, the address the api itself reaches mcp at.
    MCP_PUBLIC_URL: z.url().optional(),
    MCP_TOKEN_SECRET: secretSchema,
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_BASE_URL: z.url().default("https://api.openai.com/v1"),
    OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
    // The whole turn (every model step and tool call); CHAT_STEP_TIMEOUT_MS bounds each model step, so a
    // slow local model gets time per step without a turn hanging for ever.
    CHAT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(120_000),
    CHAT_STEP_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    // Earlier turns sent with each message, in estimated tokens (four characters a token).
    CHAT_HISTORY_TOKENS: z.coerce.number().int().min(0).max(1_000_000).default(4000),
    AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
    // Per signed-in user (see plugins/rate-limits.ts): chat turns a minute, token creations an hour,
    // imports (previews included) an hour, and the most personal tokens one user may hold.
    CHAT_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
    TOKEN_CREATE_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
    IMPORT_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
    PERSONAL_TOKEN_LIMIT: z.coerce.number().int().min(1).max(100_000).default(50),
    // GET /api/events and reminders (docs/events.md): how often each replica claims the reminders that
    // came due (at most 4 s, so one arrives within 5 s of remind_at), the comment line that keeps a quiet
    // stream open through proxies, and how many streams one user, and this replica, may hold open.
    REMINDER_POLL_MS: z.coerce.number().int().min(50).max(4000).default(1000),
    EVENT_HEARTBEAT_MS: z.coerce.number().int().min(1000).max(60_000).default(15_000),
    EVENT_STREAMS_PER_USER: z.coerce.number().int().min(1).max(1000).default(10),
    EVENT_STREAMS_MAX: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
    // However often a session slides forward with use, it ends this many days after sign-in.
    SESSION_MAX_AGE_DAYS: z.coerce.number().min(1).max(3650).default(30),
    // Password-reset mail; without it, `npm run reset-password -- <email>` issues the token.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Taskflow <no-reply@localhost>"),
    // The one peer whose X-Forwarded-For is believed (the web proxy, an ingress): `false`, `true` (any
    // peer) or a comma list of addresses, CIDRs and loopback/linklocal/uniquelocal. Only that hop is
    // trusted: its last X-Forwarded-For entry is the client, so neither a made-up header from anyone
    // else nor extra entries passed along by the proxy can pick a new sign-in rate-limit bucket.
    TRUST_PROXY: z
      .string()
      .trim()
      .min(1)
      .default("loopback,linklocal,uniquelocal")
      .superRefine((value, ctx) => {
        for (const problem of trustProxyProblems(value))
          ctx.addIssue({ code: "custom", message: `must be true, false or a list of peers: ${problem}` });
      })
      .transform(oneHopTrust),
  })
  .superRefine(requireRealSecrets(["BETTER_AUTH_SECRET", "MCP_TOKEN_SECRET"]))
  .transform((env) => ({
    ...env,
    BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET ?? EMBEDDED_DEV_SECRETS.BETTER_AUTH_SECRET,
    MCP_TOKEN_SECRET: env.MCP_TOKEN_SECRET ?? EMBEDDED_DEV_SECRETS.MCP_TOKEN_SECRET,
    OPENAI_API_KEY: env.OPENAI_API_KEY || undefined,
    MCP_PUBLIC_URL: env.MCP_PUBLIC_URL ?? env.MCP_URL,
  }));

export type ApiEnv = z.output<typeof schema>;

export const parseApiEnv = (source: Record<string, string | undefined>): ApiEnv =>
  parseEnv("api", schema, source);

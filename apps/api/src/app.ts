// Builds the api as a Fastify instance without listening: server.ts owns ports and signals, tests
// call buildApp() and talk to it over real HTTP or inject().
import { type ChatAgent, createChatAgent } from "@taskflow/agent";
import { appConfigSchema } from "@taskflow/contracts";
import { createAgentTokenMinter } from "@taskflow/core/agent-token";
import type { Database } from "@taskflow/db/client";
import { databaseAnswers } from "@taskflow/runtime/database";
import { createServiceApp } from "@taskflow/runtime/service-app";
import type { FastifyServerOptions } from "fastify";
import { registerConnectedAppRoutes } from "./auth/connected-apps";
import { createAuth } from "./auth/create-auth";
import { registerOAuthRoutes } from "./auth/oauth-routes";
import { createResetMailer } from "./auth/password-reset";
import { createSessionLookup } from "./auth/session-lookup";
import type { ApiEnv } from "./env";
import { registerAuth, requireUser } from "./plugins/auth";
import { registerLiveEvents } from "./plugins/events";
import { ownUserIdOnly } from "./plugins/hackathon-paths";
import { registerOpenApi } from "./plugins/openapi";
import { registerUserRateLimits } from "./plugins/rate-limits";
import { registerSecurityHeaders } from "./plugins/security-headers";
import { registerTrashSweeper } from "./plugins/trash-sweeper";
import { registerChatRoutes } from "./routes/chat";
import { registerConversationRoutes } from "./routes/conversations";
import { registerDataRoutes } from "./routes/data";
import { registerEventRoutes } from "./routes/events";
import { registerListRoutes } from "./routes/lists";
import { registerMeRoutes } from "./routes/me";
import { registerQuickAddRoutes } from "./routes/quick-add";
import { registerTaskRoutes } from "./routes/tasks";
import { registerTokenRoutes } from "./routes/tokens";

export interface BuildApiOptions {
  env: ApiEnv;
  database: Database;
  /** Defaults to the agent the environment asks for (LLM with a key, offline without). */
  agent?: ChatAgent;
  logger?: FastifyServerOptions["logger"];
}

export async function buildApp(options: BuildApiOptions) {
  const { env, database } = options;
  const { app, readiness } = createServiceApp({
    name: "api",
    database,
    logger: options.logger,
    trustProxy: env.TRUST_PROXY,
  });
  // JSON is the only body the contract speaks. Fastify also parses text/plain by default, which is a
  // CORS-"simple" type a cross-site form can send without a preflight: refuse it with a 415.
  app.removeContentTypeParser("text/plain");
  registerSecurityHeaders(app);
  await registerOpenApi(app);

  const sessionMaxAgeMs = env.SESSION_MAX_AGE_DAYS * 86_400_000;
  const auth = createAuth({
    db: database.db,
    secret: env.BETTER_AUTH_SECRET,
    baseUrl: env.BETTER_AUTH_URL,
    mcpResource: env.MCP_PUBLIC_URL,
    extraTrustedOrigins: env.BETTER_AUTH_TRUSTED_ORIGINS,
    rateLimitPerMinute: env.AUTH_RATE_LIMIT,
    sendResetPassword: env.SMTP_URL
      ? createResetMailer(env.SMTP_URL, env.MAIL_FROM, env.BETTER_AUTH_URL)
      : undefined,
    sessionMaxAgeMs,
  });
  registerAuth(app, auth, env.BETTER_AUTH_URL, () => databaseAnswers(database, 1000));
  await registerOAuthRoutes(app, auth, env.BETTER_AUTH_URL);
  const signedIn = requireUser(
    auth,
    createSessionLookup(auth, database.db, sessionMaxAgeMs),
    sessionMaxAgeMs,
  );
  const agent =
    options.agent ??
    createChatAgent({
      mcpUrl: env.MCP_URL,
      openai: env.OPENAI_API_KEY
        ? { apiKey: env.OPENAI_API_KEY, baseUrl: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL }
        : undefined,
      stepTimeoutMs: env.CHAT_STEP_TIMEOUT_MS,
      historyTokens: env.CHAT_HISTORY_TOKENS,
    });
  const chatDeps = {
    db: database.db,
    agent,
    // A turn may take CHAT_TIMEOUT_MS; its token outlives that by at least a minute.
    agentToken: createAgentTokenMinter(env.MCP_TOKEN_SECRET, Math.ceil(env.CHAT_TIMEOUT_MS / 1000) + 60),
    timeoutMs: env.CHAT_TIMEOUT_MS,
  };

  await registerUserRateLimits(app, {
    chatPerMinute: env.CHAT_RATE_LIMIT,
    tokenCreationsPerHour: env.TOKEN_CREATE_RATE_LIMIT,
    importsPerHour: env.IMPORT_RATE_LIMIT,
  });
  registerTrashSweeper(app, database.db);
  const liveEvents = registerLiveEvents(app, database, {
    reminderPollMs: env.REMINDER_POLL_MS,
    heartbeatMs: env.EVENT_HEARTBEAT_MS,
    perUser: env.EVENT_STREAMS_PER_USER,
    max: env.EVENT_STREAMS_MAX,
  });

  // Every route in this scope needs a signed-in user: one onRequest hook (identity is settled before the
  // body is read or validated, so an anonymous caller learns nothing but 401, whatever it sends).
  await app.register(
    async (api) => {
      api.addHook("onRequest", signedIn);
      registerQuickAddRoutes(api, database.db);
      registerTaskRoutes(api, database.db);
      registerMeRoutes(api, database.db);
      registerChatRoutes(api, chatDeps);
      registerConversationRoutes(api, database.db);
      registerTokenRoutes(api, database.db, { maxTokensPerUser: env.PERSONAL_TOKEN_LIMIT });
      registerConnectedAppRoutes(api, database.db);
      registerEventRoutes(api, liveEvents);
      registerListRoutes(api, database.db);
      await registerDataRoutes(api, database.db);
      // The hackathon's /api/{user_id}/… paths: the same task and chat routes, for the caller's own id.
      await api.register(
        async (own) => {
          ownUserIdOnly(own);
          registerTaskRoutes(own, database.db);
          registerChatRoutes(own, chatDeps);
        },
        { prefix: "/:user_id" },
      );
    },
    { prefix: "/api" },
  );
  app.get("/api/config", { schema: { hide: true, response: { 200: appConfigSchema } } }, async () => ({
    mcp_url: env.MCP_PUBLIC_URL,
    assistant: agent.mode,
  }));

  return { app, readiness };
}

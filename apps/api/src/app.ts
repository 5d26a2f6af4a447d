// Builds the api as a Fastify instance without listening: server.ts owns ports and signals, tests
// call buildApp() and talk to it over real HTTP or inject().
import { randomUUID } from "node:crypto";
import { type ChatAgent, createChatAgent } from "@taskflow/agent";
import { createAgentTokenMinter } from "@taskflow/core/agent-token";
import type { Database } from "@taskflow/db/client";
import { type Readiness, registerHealth } from "@taskflow/runtime/health";
import { registerMetrics } from "@taskflow/runtime/metrics";
import {
  clientErrorHandler,
  frameworkErrorHandler,
  registerProblemHandlers,
  sendProblem,
} from "@taskflow/runtime/problem";
import Fastify, { type FastifyRequest, type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import helmet from "helmet";
import { registerConnectedAppRoutes } from "./auth/connected-apps";
import { createAuth } from "./auth/create-auth";
import { registerOAuthRoutes } from "./auth/oauth-routes";
import { createResetMailer } from "./auth/password-reset";
import { createSessionLookup } from "./auth/session-lookup";
import type { ApiEnv } from "./env";
import { type Guard, registerAuth, requireUser } from "./plugins/auth";
import { registerOpenApi } from "./plugins/openapi";
import { registerUserRateLimits } from "./plugins/rate-limits";
import { registerTrashSweeper } from "./plugins/trash-sweeper";
import { registerChatRoutes } from "./routes/chat";
import { registerConversationRoutes } from "./routes/conversations";
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

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export async function buildApp(options: BuildApiOptions) {
  const { env, database } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    trustProxy: env.TRUST_PROXY,
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // During a drain, requests already on a kept-alive connection are served rather than refused.
    return503OnClosing: false,
    forceCloseConnections: "idle",
  });
  // JSON is the only body the contract speaks. Fastify also parses text/plain by default, which is a
  // CORS-"simple" type a cross-site form can send without a preflight: refuse it with a 415.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header("x-request-id", request.id);
    // Answered before the body arrived (a guard's 401): a half-read keep-alive connection would hold
    // the server's close (and the drain) open, so end it with this response.
    if (!request.raw.complete) reply.header("connection", "close");
    done(null, payload);
  });

  const readiness: Readiness = { shuttingDown: false };
  registerProblemHandlers(app);
  // The security headers are the same on every response, so helmet's middleware is built once here
  // (@fastify/helmet rebuilt it, CSP directives included, on every request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: null,
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  app.addHook("onRequest", (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, () => done());
  });
  await registerOpenApi(app);
  registerMetrics(app, "api");
  registerHealth(app, database, readiness);

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
    sessionMaxAgeMs: env.SESSION_MAX_AGE_DAYS * 86_400_000,
  });
  const databaseUp = () =>
    Promise.race([
      database.execute("select 1"),
      new Promise((_, reject) => setTimeout(reject, 1000).unref()),
    ]).then(
      () => true,
      () => false,
    );
  registerAuth(app, auth, env.BETTER_AUTH_URL, databaseUp);
  await registerOAuthRoutes(app, auth, env.BETTER_AUTH_URL);
  const sessionMaxAgeMs = env.SESSION_MAX_AGE_DAYS * 86_400_000;
  const signedIn = requireUser(
    auth,
    createSessionLookup(auth, database.db, sessionMaxAgeMs),
    sessionMaxAgeMs,
  );
  // The hackathon paths carry the user id; it must be the caller's own.
  const ownPath: Guard = async (request: FastifyRequest, reply) => {
    const { user_id: pathUser } = request.params as { user_id?: string };
    if (pathUser !== request.user?.id)
      return sendProblem(reply, 403, "The user id in the path is not yours.");
  };

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
  });
  registerQuickAddRoutes(app, database.db, [signedIn]);
  registerTaskRoutes(app, database.db, [signedIn], "/api");
  registerTaskRoutes(app, database.db, [signedIn, ownPath], "/api/:user_id");
  registerTrashSweeper(app, database.db);
  registerMeRoutes(app, database.db, [signedIn]);
  registerChatRoutes(app, chatDeps, [signedIn], "/api");
  registerChatRoutes(app, chatDeps, [signedIn, ownPath], "/api/:user_id");
  registerConversationRoutes(app, database.db, [signedIn]);
  registerTokenRoutes(app, database.db, [signedIn], { maxTokensPerUser: env.PERSONAL_TOKEN_LIMIT });
  await app.register(
    async (api) => {
      api.addHook("onRequest", signedIn);
      registerConnectedAppRoutes(api, database.db);
    },
    { prefix: "/api" },
  );
  app.get("/api/config", { schema: { hide: true } }, async () => ({
    mcp_url: env.MCP_PUBLIC_URL,
    assistant: agent.mode,
  }));

  return { app, readiness };
}

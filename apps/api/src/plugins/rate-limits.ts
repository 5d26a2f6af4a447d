// Limits per signed-in user, for what costs us per call (a chat turn runs a model and tools; a token is a
// standing credential). Keyed by user id, not address: one NAT hides many users and one user has many
// addresses. A route opts in by name with `config: { userRateLimit: "chat" }`; routes sharing a name share
// one allowance (the chat route and its hackathon twin are one budget). Counted per api replica, in memory:
// with N replicas behind a balancer a user gets up to N times the figure, which is fine for a cost guard
// (the sign-in limit, which guards against guessing, is Better Auth's and lives in the database).
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from "fastify";

export interface UserRateLimits {
  /** Chat turns per user per minute. */
  chatPerMinute: number;
  /** Personal tokens a user may create per hour. */
  tokenCreationsPerHour: number;
  /** Imports (dry runs included) a user may send per hour: each reads up to 5 MB and writes thousands of rows. */
  importsPerHour: number;
}

export type UserRateLimitName = "chat" | "token-create" | "import";

declare module "fastify" {
  interface FastifyContextConfig {
    userRateLimit?: UserRateLimitName;
  }
}

const WHAT: Record<UserRateLimitName, string> = {
  chat: "chat messages",
  "token-create": "personal tokens created",
  import: "imports",
};

export async function registerUserRateLimits(app: FastifyInstance, limits: UserRateLimits) {
  await app.register(rateLimit, {
    global: false,
    // Only routes behind requireUser opt in, so a user is always there; the address is a fallback only.
    keyGenerator: (request: FastifyRequest) => request.user?.id ?? `ip:${request.ip}`,
    // Thrown to the one error handler, which answers problem+json with this status and message; the
    // plugin has already set Retry-After.
    errorResponseBuilder: (request, context) => {
      const name = request.routeOptions.config.userRateLimit;
      const what = name ? WHAT[name] : "requests";
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return Object.assign(
        new Error(`Too many ${what}: at most ${context.max} per ${window(name)}. Try again in ${seconds} s.`),
        { statusCode: context.statusCode },
      );
    },
  });
  const limiters: Record<UserRateLimitName, onRequestHookHandler> = {
    chat: app.rateLimit({ max: limits.chatPerMinute, timeWindow: 60_000 }) as onRequestHookHandler,
    "token-create": app.rateLimit({
      max: limits.tokenCreationsPerHour,
      timeWindow: 3_600_000,
    }) as onRequestHookHandler,
    import: app.rateLimit({ max: limits.importsPerHour, timeWindow: 3_600_000 }) as onRequestHookHandler,
  };
  // After the guards (onRequest), so the user is known; before validation, so junk bodies count too.
  app.addHook("onRoute", (route) => {
    const name = route.config?.userRateLimit;
    if (!name) return;
    const existing = route.preValidation;
    route.preValidation = [
      ...(Array.isArray(existing) ? existing : existing ? [existing] : []),
      limiters[name],
    ];
  });
}

const window = (name: UserRateLimitName | undefined) =>
  name === "token-create" || name === "import" ? "hour" : "minute";

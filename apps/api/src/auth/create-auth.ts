import type { Db } from "@taskflow/db/client";
import * as schema from "@taskflow/db/schema";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { bearer } from "better-auth/plugins";

export interface AuthOptions {
  db: Db;
  secret: string;
  baseUrl: string;
  /** Sign-in and sign-up attempts allowed per client address per minute. */
  rateLimitPerMinute: number;
}

export function createAuth(options: AuthOptions) {
  return betterAuth({
    appName: "Taskflow",
    secret: options.secret,
    baseURL: options.baseUrl,
    basePath: "/api/auth",
    trustedOrigins: [new URL(options.baseUrl).origin],
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        rateLimit: schema.rateLimit,
      },
    }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Stored in the database so the limit holds across every api replica.
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: options.rateLimitPerMinute },
        "/sign-up/email": { window: 60, max: options.rateLimitPerMinute },
      },
    },
    advanced: {
      useSecureCookies: options.baseUrl.startsWith("https://"),
      database: { generateId: () => crypto.randomUUID() },
    },
    telemetry: { enabled: false },
    plugins: [bearer()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

// The web server's environment, validated in one place. Nothing else reads `process.env`.
//
// Read per call, not once at import: the same built image runs against whatever API_URL the chart
// or `npm start` gives it, and Next would otherwise freeze values it can see at build time.
import { z } from "zod";

const milliseconds = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

const schema = z.object({
  API_URL: z
    .url({ error: "API_URL must be an absolute http(s) URL, e.g. http://localhost:8000" })
    .refine((value) => /^https?:\/\//i.test(value), "API_URL must start with http:// or https://")
    .default("http://localhost:8000"),
  // How long the /api proxy waits for the api to start answering (and between two pieces of an
  // answer) before telling the browser that the server is not answering.
  API_TIMEOUT_MS: milliseconds(1000, 600_000, 15_000),
  // The api's own limit on a chat turn (the same variable, and the same default, as the api's): a chat
  // turn is given that long on top of API_TIMEOUT_MS, so the api's clear "the assistant took too long"
  // arrives first.
  CHAT_TIMEOUT_MS: milliseconds(1000, 600_000, 120_000),
});

export type ServerEnv = { apiUrl: string; apiTimeoutMs: number; chatTimeoutMs: number };

const NAMES = ["API_URL", "API_TIMEOUT_MS", "CHAT_TIMEOUT_MS"] as const;

let cached: { raw: string; env: ServerEnv } | undefined;

export function serverEnv(): ServerEnv {
  const values = Object.fromEntries(
    NAMES.map((name) => [name, process.env[name] === "" ? undefined : process.env[name]]),
  );
  const raw = JSON.stringify(values);
  if (cached && cached.raw === raw) return cached.env;
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment for the web server:\n${problems}`);
  }
  const env = {
    apiUrl: parsed.data.API_URL.replace(/\/+$/, ""),
    apiTimeoutMs: parsed.data.API_TIMEOUT_MS,
    chatTimeoutMs: parsed.data.CHAT_TIMEOUT_MS,
  };
  cached = { raw, env };
  return env;
}

/** `${API_URL}${path}` — path starts with "/". */
export function apiUrl(path: string): string {
  return `${serverEnv().apiUrl}${path}`;
}

/** Whether this is `next dev` (Next inlines NODE_ENV at build time). */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

// The web server's environment, validated in one place. Nothing else reads `process.env`.
//
// Read per call, not once at import: the same built image runs against whatever API_URL the chart
// or `npm start` gives it, and Next would otherwise freeze values it can see at build time.
import { z } from "zod";

const schema = z.object({
  API_URL: z
    .url({ error: "API_URL must be an absolute http(s) URL, e.g. http://localhost:8000" })
    .refine((value) => /^https?:\/\//i.test(value), "API_URL must start with http:// or https://")
    .default("http://localhost:8000"),
});

export type ServerEnv = { apiUrl: string };

let cached: { raw: string | undefined; env: ServerEnv } | undefined;

export function serverEnv(): ServerEnv {
  const raw = process.env.API_URL;
  if (cached && cached.raw === raw) return cached.env;
  const parsed = schema.safeParse({ API_URL: raw === "" ? undefined : raw });
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment for the web server:\n${problems}`);
  }
  const env = { apiUrl: parsed.data.API_URL.replace(/\/+$/, "") };
  cached = { raw, env };
  return env;
}

/** `${API_URL}${path}` — path starts with "/". */
export function apiUrl(path: string): string {
  return `${serverEnv().apiUrl}${path}`;
}

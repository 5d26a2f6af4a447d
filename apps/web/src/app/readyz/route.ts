// Readiness: this pod is only useful while the api answers, so take it out of the Service otherwise.
import { apiUrl } from "@/env";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 1000;

export async function GET(): Promise<Response> {
  const headers = { "cache-control": "no-store" };
  try {
    const response = await fetch(apiUrl("/healthz"), {
      cache: "no-store",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.ok) return Response.json({ status: "ok", api: "ok" }, { headers });
    return Response.json(
      { status: "unavailable", api: `answered ${response.status}` },
      { status: 503, headers },
    );
  } catch (error) {
    const detail =
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${TIMEOUT_MS} ms`
        : "unreachable";
    return Response.json({ status: "unavailable", api: detail }, { status: 503, headers });
  }
}

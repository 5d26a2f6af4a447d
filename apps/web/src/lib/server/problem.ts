import type { Problem } from "@taskflow/contracts";

/** An RFC 9457 problem+json response, the error shape the whole system speaks. */
export function problemResponse(status: number, title: string, detail: string): Response {
  return Response.json({ type: "about:blank", status, title, detail } satisfies Problem, {
    status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

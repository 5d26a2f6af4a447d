// Liveness: answers as long as the process serves requests; checks no dependency on purpose, so a
// slow api never gets healthy web pods restarted.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}

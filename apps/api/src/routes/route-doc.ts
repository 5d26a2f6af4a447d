/** Sign-in is by session cookie or bearer token; every documented route says so the same way. */
const SIGNED_IN: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];

/**
 * OpenAPI tags, summary and security of a route that needs a signed-in user. The hackathon scope
 * re-documents its copies as deprecated aliases (see plugins/hackathon-paths.ts).
 */
export function routeDoc(tag: string, summary: string) {
  return { tags: [tag], summary, security: SIGNED_IN };
}

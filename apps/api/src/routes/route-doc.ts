/** Sign-in is by session cookie or bearer token; every documented route says so the same way. */
const SIGNED_IN: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];

/** OpenAPI tags, summary and security of a route that needs a signed-in user. */
export function routeDoc(tag: string, summary: string, hide = false) {
  return { tags: [tag], summary, hide, security: SIGNED_IN };
}

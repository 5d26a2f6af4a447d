/** Sign-in is by session cookie or bearer token; every documented route says so the same way. */
const SIGNED_IN: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];

/**
 * OpenAPI tags, summary and security of a route that needs a signed-in user. The hackathon's
 * `/api/{user_id}/…` aliases are documented too (they are part of the contract), as deprecated.
 */
export function routeDoc(tag: string, summary: string, hackathonAlias = false) {
  return hackathonAlias
    ? {
        tags: ["hackathon compatibility"],
        summary: `${summary} (hackathon path; user_id must be your own)`,
        deprecated: true,
        security: SIGNED_IN,
      }
    : { tags: [tag], summary, security: SIGNED_IN };
}

// What each OAuth scope lets an app do, in the words the consent page and the Connect AI tools page use.
export const SCOPE_WORDS: Record<string, string> = {
  "tasks:read": "See your tasks: titles, notes, tags, due dates and what you finished",
  "tasks:write": "Add, change, complete, delete and restore your tasks",
  offline_access: "Stay connected without asking you again (until you revoke it)",
};

export function scopeWords(scope: string): string {
  return SCOPE_WORDS[scope] ?? scope;
}

/** The parameters of the signed authorization request Better Auth sent the browser here with. */
const SIGNED = new Set(["sig", "ba_param"]);
export function signedOAuthQuery(search: string): string {
  const params = new URLSearchParams(search);
  const names = new Set(params.getAll("ba_param"));
  const kept = new URLSearchParams();
  for (const [key, value] of params) if (SIGNED.has(key) || names.has(key)) kept.append(key, value);
  return kept.toString();
}

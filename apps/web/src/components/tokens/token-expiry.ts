// A personal token's optional lifetime: the choices offered when creating one, and how a row says it.

export const EXPIRY_CHOICES = [
  { days: null, label: "Never" },
  { days: 30, label: "In 30 days" },
  { days: 90, label: "In 90 days" },
  { days: 365, label: "In 1 year" },
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** "expires in 30 days", "expires in 1 day", "expired", or null for a token that works until revoked. */
export function expiryLabel(expiresAt: string | null, now: Date = new Date()): string | null {
  if (!expiresAt) return null;
  const left = Date.parse(expiresAt) - now.getTime();
  if (Number.isNaN(left)) return null;
  if (left <= 0) return "expired";
  // Rounded up: a token made "for 30 days" a few seconds ago still has 30 days to go.
  const days = Math.ceil(left / DAY_MS);
  return `expires in ${days} day${days === 1 ? "" : "s"}`;
}

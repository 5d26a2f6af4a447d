// Messages the sign-in page shows on arrival (`/sign-in?notice=…`): a fixed set, so the URL cannot put
// arbitrary words on the page.
export const AUTH_NOTICES = {
  "signed-up":
    "If this email is new, your account is ready — sign in. If you already had an account, sign in with your password or reset it.",
  "password-reset": "Your password is changed, and every device was signed out. Sign in with the new one.",
} as const;

export type AuthNotice = keyof typeof AUTH_NOTICES;

export function authNotice(value: unknown): AuthNotice | undefined {
  return typeof value === "string" && Object.hasOwn(AUTH_NOTICES, value) ? (value as AuthNotice) : undefined;
}

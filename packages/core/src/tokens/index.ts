export { createPersonalToken, type NewTokenOptions } from "./create-personal-token";
export { listPersonalTokens } from "./list-personal-tokens";
export { resolvePersonalToken } from "./resolve-personal-token";
export { revokePersonalToken } from "./revoke-personal-token";
export { hashToken, PERSONAL_TOKEN_PREFIX } from "./token-secret";

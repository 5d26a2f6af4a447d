export {
  createPersonalToken,
  listPersonalTokens,
  resolvePersonalToken,
  revokePersonalToken,
} from "./personal-tokens";
export { hashToken, PERSONAL_TOKEN_PREFIX } from "./token-secret";

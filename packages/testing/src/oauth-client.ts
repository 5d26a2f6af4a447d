// An MCP client's OAuth state in memory, as the MCP SDK's `auth()` and transports use it: what
// Claude Desktop or VS Code keep in their settings (registration, tokens, PKCE verifier), and the
// authorization URL the SDK would open in a browser, kept for the test to follow.
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from "@modelcontextprotocol/sdk/shared/auth.js";

export interface MemoryOAuthClientOptions {
  /** The client_name it registers with, which the consent page shows. */
  clientName: string;
  /** Its callback, the only redirect_uri it registers. */
  redirectUrl: string;
  /** More registration metadata (grant_types, response_types…). */
  metadata?: Partial<OAuthClientMetadata>;
}

/** A public client (no secret, PKCE) for dynamic registration, everything kept in memory. */
export class MemoryOAuthClient implements OAuthClientProvider {
  client?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier = "";
  /** Where the SDK sent the user to authorize, once it has. */
  authorizationUrl?: URL;
  constructor(private readonly options: MemoryOAuthClientOptions) {}
  get redirectUrl() {
    return this.options.redirectUrl;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.options.clientName,
      redirect_uris: [this.options.redirectUrl],
      ...this.options.metadata,
      token_endpoint_auth_method: "none",
    };
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.client = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

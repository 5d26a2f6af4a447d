// Runs once when the server starts, before it handles a request: refuse to start with a bad
// environment, with one clear message, instead of failing on the first request; and start recording
// each connection's peer address for the /api proxy (see lib/server/peer-address.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvOrExit } = await import("./lib/server/check-env");
    checkEnvOrExit();
    const { recordPeerAddresses } = await import("./lib/server/peer-address");
    recordPeerAddresses();
  }
}

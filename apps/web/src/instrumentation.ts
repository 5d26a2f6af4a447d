// Runs once when the server starts: refuse to start with a bad environment, with one clear message,
// instead of failing on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvOrExit } = await import("./lib/server/check-env");
    checkEnvOrExit();
  }
}

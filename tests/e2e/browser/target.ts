// What the browser tests run against: the whole built stack from tests/e2e/stack.ts, or an already
// running web server when E2E_WEB_URL is set (handy while developing the UI).
export type Target = { webUrl: string; stop(): Promise<void> };

/** `options` go to startStack (extra env…); an external server is used as it is. */
export async function startTarget(
  options: Parameters<typeof import("../stack").startStack>[0] = {},
): Promise<Target> {
  const external = process.env.E2E_WEB_URL;
  if (external) return { webUrl: external.replace(/\/+$/, ""), stop: async () => {} };
  const { startStack } = await import("../stack");
  const stack = await startStack(options);
  return { webUrl: stack.webUrl, stop: () => stack.stop() };
}

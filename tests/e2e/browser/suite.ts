// The built stack (or the target, see target.ts) and the browser a test file shares: started together
// before its tests (240 s for the stack to come up), closed after them (the browser first; 60 s).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type Stack, startStack } from "../stack";
import { launchChromium } from "./chromium";
import { startTarget } from "./target";

export type StackAndBrowser = {
  readonly stack: Stack;
  readonly browser: Browser;
  /** The stack's web origin, what the pages are loaded from. */
  readonly webUrl: string;
};

export type TargetAndBrowser = Omit<StackAndBrowser, "stack">;

type Server = { readonly webUrl: string; stop(): Promise<void> };

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started (read it inside a test or hook)`);
  return value;
}

/** Registers the file's beforeAll and afterAll around `start`; the getters work once beforeAll has run. */
function useServerAndBrowser<S extends Server>(start: () => Promise<S>) {
  let server: S | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([start(), launchChromium()]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  return {
    get server() {
      return started(server, "the server");
    },
    get browser() {
      return started(browser, "the browser");
    },
    get webUrl() {
      return started(server, "the server").webUrl;
    },
  };
}

/** The whole built stack and a browser; what it returns can be read once beforeAll has run. */
export function useStackAndBrowser(options: Parameters<typeof startStack>[0] = {}): StackAndBrowser {
  const suite = useServerAndBrowser(() => startStack(options));
  return {
    get stack() {
      return suite.server;
    },
    get browser() {
      return suite.browser;
    },
    get webUrl() {
      return suite.webUrl;
    },
  };
}

/**
 * For files that only load pages, so they can also run against an already running web server
 * (E2E_WEB_URL, see target.ts); `options` go to the stack when one is started.
 */
export function useTargetAndBrowser(options: Parameters<typeof startTarget>[0] = {}): TargetAndBrowser {
  return useServerAndBrowser(() => startTarget(options));
}

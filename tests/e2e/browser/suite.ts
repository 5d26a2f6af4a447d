// The built stack (or the target, see target.ts) and the browser a test file shares: started together
// before its tests (240 s for the stack to come up), closed after them (the browser first; 60 s).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type Stack, startStack } from "../stack";
import { launchChromium } from "./chromium";
import { startTarget, type Target } from "./target";

export type StackAndBrowser = {
  readonly stack: Stack;
  readonly browser: Browser;
  /** The stack's web origin, what the pages are loaded from. */
  readonly webUrl: string;
};

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started (read it inside a test or hook)`);
  return value;
}

/** Registers the file's beforeAll and afterAll; what it returns can be read once beforeAll has run. */
export function useStackAndBrowser(options: Parameters<typeof startStack>[0] = {}): StackAndBrowser {
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(options), launchChromium()]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  return {
    get stack() {
      return started(stack, "the stack");
    },
    get browser() {
      return started(browser, "the browser");
    },
    get webUrl() {
      return started(stack, "the stack").webUrl;
    },
  };
}

export type TargetAndBrowser = Omit<StackAndBrowser, "stack">;

/**
 * The same for files that only load pages, so they can also run against an already running web server
 * (E2E_WEB_URL, see target.ts); `options` go to the stack when one is started.
 */
export function useTargetAndBrowser(options: Parameters<typeof startTarget>[0] = {}): TargetAndBrowser {
  let target: Target | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [target, browser] = await Promise.all([startTarget(options), launchChromium()]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await target?.stop();
  }, 60_000);

  return {
    get browser() {
      return started(browser, "the browser");
    },
    get webUrl() {
      return started(target, "the target").webUrl;
    },
  };
}

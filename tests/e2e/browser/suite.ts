// The built stack and the browser a test file shares: started together before its tests (240 s for
// the stack to come up), closed after them (the browser first, then the stack; 60 s).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type Stack, startStack } from "../stack";
import { launchChromium } from "./chromium";

export type StackAndBrowser = {
  readonly stack: Stack;
  readonly browser: Browser;
  /** The stack's web origin, what the pages are loaded from. */
  readonly webUrl: string;
};

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

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (read it inside a test or hook)`);
    return value;
  };
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

// Small page helpers for the browser tests; selectors are the app's data-testid attributes.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { dayFromToday } from "@taskflow/testing/zoned-clock";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const screenshotDir = join(repoRoot, "test-artifacts/screenshots");

export type User = { name: string; email: string; password: string };

let userSeq = 0;
export function newUser(name: string): User {
  userSeq += 1;
  const slug = name.toLowerCase().replace(/[^a-z]+/g, ".");
  return {
    name,
    email: `${slug}.${Date.now().toString(36)}${userSeq}@example.com`,
    password: "correct horse battery",
  };
}

/**
 * A fresh context (own cookies) pinned to UTC, so "tomorrow" means the same day to the page and the test;
 * `timezoneId` puts the browser in another zone (the app then stores that zone as the user's).
 */
export async function newContext(
  browser: Browser,
  viewport = { width: 1366, height: 900 },
  timezoneId = "UTC",
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport,
    timezoneId,
    locale: "en-US",
    deviceScaleFactor: 1,
  });
  context.setDefaultTimeout(15_000);
  return context;
}

export async function signUp(page: Page, webUrl: string, user: User): Promise<void> {
  await page.goto(`${webUrl}/sign-up`);
  const form = page.getByTestId("sign-up-form");
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Password").fill(user.password);
  await page.getByTestId("auth-submit").click();
  await page.waitForURL(`${webUrl}/`);
  await addTaskForm(page).waitFor();
}

/**
 * The board's add-task form, the visible one: while the board's first render settles (after a sign-in
 * or a reload on a busy machine), React may briefly hold a hidden copy, which a strict locator trips on.
 */
export const addTaskForm = (page: Page) => page.getByTestId("add-task-form").filter({ visible: true });

export async function signIn(page: Page, webUrl: string, user: User): Promise<void> {
  await page.goto(`${webUrl}/sign-in`);
  const form = page.getByTestId("sign-in-form");
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Password").fill(user.password);
  await page.getByTestId("auth-submit").click();
  await page.waitForURL(`${webUrl}/`);
}

export type NewTask = {
  title: string;
  description?: string;
  priority?: "none" | "low" | "medium" | "high";
  tags?: string;
  due?: string;
  /** HH:MM beside the due date (a timed task); none: all-day. */
  time?: string;
};

/** Adds a task through the form and waits for it to be on the board. */
export async function addTaskViaForm(page: Page, task: NewTask): Promise<Locator> {
  await page.getByTestId("new-title").fill(task.title);
  if (task.description) await page.getByTestId("new-description").fill(task.description);
  if (task.priority) await page.getByTestId("new-priority").selectOption(task.priority);
  if (task.tags) await page.getByTestId("new-tags").fill(task.tags);
  if (task.due) await page.getByTestId("new-due").fill(task.due);
  if (task.time) await page.getByTestId("new-time").fill(task.time);
  await page.getByTestId("new-title").press("Enter");
  const row = taskRow(page, task.title);
  await row.waitFor();
  // The row can come by the live stream before the add is answered; until then the form is busy (the
  // next Enter would do nothing), so the next step starts once it is free again.
  await expect.poll(() => addTaskForm(page).getByTestId("add-task").isEnabled()).toBe(true);
  return row;
}

/** Creates tasks straight through the api (same cookies as the page), for fast setup. */
export async function seedTasks(page: Page, webUrl: string, tasks: Record<string, unknown>[]): Promise<void> {
  for (const task of tasks) {
    const response = await page.request.post(`${webUrl}/api/tasks`, { data: task });
    if (response.status() !== 201)
      throw new Error(
        `seeding ${JSON.stringify(task)} failed: ${response.status()} ${await response.text()}`,
      );
  }
}

export function taskRow(page: Page, title: string): Locator {
  return page
    .getByTestId("task-item")
    .filter({ has: page.getByTestId("task-title").getByText(title, { exact: true }) });
}

/** Titles on the board, once any refetch in flight has settled. */
export async function boardTitles(page: Page): Promise<string[]> {
  await page.locator('[data-testid="board-results"][data-refreshing="false"]').waitFor();
  return page.getByTestId("task-title").allTextContents();
}

export { eventually } from "@taskflow/testing/wait";

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** YYYY-MM-DD of today + `days` in an IANA zone (what a browser in that zone calls that day). */
export const zoneDay = (timeZone: string, days = 0): string => dayFromToday(timeZone, days);

/** The instant a wall-clock time in a zone means (Intl only: find the zone's offset at that time). */
export function wallToInstant(wall: string, timeZone: string): string {
  const asUtc = (date: Date) =>
    Date.parse(`${date.toLocaleString("sv-SE", { timeZone, hourCycle: "h23" }).replace(" ", "T")}Z`);
  let guess = Date.parse(`${wall}:00Z`);
  for (let i = 0; i < 2; i++) guess -= asUtc(new Date(guess)) - Date.parse(`${wall}:00Z`);
  return new Date(guess).toISOString();
}

/** YYYY-MM-DD of today + `days`, in UTC (the browser context runs in UTC too). */
export function utcDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// The accessibility scan: axe-core (injected from node_modules, nothing fetched) runs on every page of
// the built stack in real Chromium, in the light and the dark theme — the system's scheme
// (emulateMedia) and the toggle — and fails on any WCAG 2.0 A/AA or 2.1 AA violation, colour contrast
// included (placeholders and completed tasks are on the pages scanned). Dark-mode screenshots go to
// test-artifacts/screenshots/dark-*.png. The theme script itself is checked under the real CSP.
import { createRequire } from "node:module";
import { auth } from "@modelcontextprotocol/sdk/client/auth.js";
import { MemoryOAuthClient } from "@taskflow/testing/oauth-client";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addTaskForm, newContext, newUser, screenshot, signUp, taskRow, utcDay } from "./browser/pages";
import { useStackAndBrowser } from "./browser/suite";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21aa"];

type Violation = {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

const suite = useStackAndBrowser();

/**
 * A page whose context bypasses the CSP: only so that page.addScriptTag can inject axe (the page's
 * nonce policy would refuse any script it did not send). The CSP itself is tested below without it.
 */
async function scanPage(): Promise<Page> {
  const context = await suite.browser.newContext({
    viewport: { width: 1366, height: 900 },
    timezoneId: "UTC",
    locale: "en-US",
    bypassCSP: true,
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

async function isDark(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.classList.contains("dark"));
}

/** The axe violations on the page as it is now, one readable line per element. */
async function violations(page: Page): Promise<string[]> {
  // Let entrance animations (toasts, rows) finish so colours are the settled ones.
  await page.waitForTimeout(250);
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    })) as { violations: Violation[] };
    return result.violations;
  }, TAGS);
  return found.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.help}) at ${JSON.stringify(node.target)}: ${node.failureSummary ?? ""}`,
    ),
  );
}

/** Scans in the system's light scheme, then its dark one (the page follows live), and saves the dark look. */
async function scanBothThemes(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => isDark(page)).toBe(false);
  expect(await violations(page), `${name}, light`).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(() => isDark(page)).toBe(true);
  expect(await violations(page), `${name}, dark`).toEqual([]);
  await screenshot(page, `dark-${name}`, true);
}

/** Switches the board to a view and waits until the URL says so and its tasks have loaded. */
async function showView(page: Page, view: string): Promise<void> {
  await page.getByTestId(`view-${view}`).click();
  await page.waitForURL((url) => (url.searchParams.get("view") ?? "all") === view);
  await page.locator('[data-testid="board-results"][data-refreshing="false"]').waitFor();
}

describe("accessibility scan (axe-core, WCAG 2.0 A/AA and 2.1 AA) in both themes", () => {
  it("the signed-out pages: sign in, sign up, forgot and reset password", async () => {
    const page = await scanPage();
    for (const path of ["sign-in", "sign-up", "forgot-password", "reset-password?token=abc123"]) {
      await page.goto(`${suite.webUrl}/${path}`);
      await page.locator("form").first().waitFor();
      await scanBothThemes(page, path.replace(/\?.*/, ""));
    }
    // The scan is not blind: faint text put on the page is reported.
    await page.evaluate(() => {
      const faint = document.createElement("p");
      faint.textContent = "Hard to read";
      faint.style.color = "#999";
      faint.style.background = "#fff";
      document.querySelector("main")?.append(faint);
    });
    expect((await violations(page)).join("\n")).toContain("color-contrast");
  });

  it("the board (All, Today, Upcoming, a completed task, the editor, a refused title), the chat, Connect AI tools and the consent page", async () => {
    const page = await scanPage();
    await signUp(page, suite.webUrl, newUser("Scan Person"));
    // A list with a task in it: the sidebar's list and the row's list chip are on the board scanned.
    const created = await page.request.post(`${suite.webUrl}/api/lists`, { data: { name: "Health" } });
    expect(created.status()).toBe(201);
    const health = (await created.json()) as { id: number };
    const seed = [
      {
        title: "Call the dentist",
        due_at: utcDay(0),
        priority: "high",
        tags: ["health"],
        list_id: health.id,
      },
      {
        title: "Plan the trip",
        description: "Trains, the hotel and a map",
        due_at: `${utcDay(2)}T09:00:00Z`,
        priority: "medium",
        tags: ["travel", "family"],
      },
      { title: "Buy milk", due_at: utcDay(0), priority: "low" },
    ];
    const ids: number[] = [];
    for (const task of seed) {
      const response = await page.request.post(`${suite.webUrl}/api/tasks`, { data: task });
      expect(response.status()).toBe(201);
      ids.push(((await response.json()) as { id: number }).id);
    }
    const done = await page.request.patch(`${suite.webUrl}/api/tasks/${ids[2]}/complete`);
    expect(done.status()).toBe(200);

    await page.goto(`${suite.webUrl}/`);
    await taskRow(page, "Buy milk").waitFor();
    expect(await taskRow(page, "Buy milk").getByTestId("task-toggle").isChecked()).toBe(true);
    await page.locator('[data-testid="board-results"][data-refreshing="false"]').waitFor();
    // The add form's placeholder and the tags hint are on the page in both scans.
    await scanBothThemes(page, "board-all");

    for (const view of ["today", "upcoming"]) {
      await showView(page, view);
      await scanBothThemes(page, `board-${view}`);
    }

    // Not before the view has changed: the editor is scanned in the All view, not in the Upcoming row
    // the switch then replaces (CI clicked that one once).
    await showView(page, "all");
    await taskRow(page, "Plan the trip").getByTestId("task-edit").click();
    await page.getByTestId("task-editor").waitFor();
    await scanBothThemes(page, "board-editor");
    await page.keyboard.press("Escape");

    // One list shown, its rename form with a refused name, then its delete confirm.
    await page.goto(`${suite.webUrl}/?list=${health.id}`);
    await taskRow(page, "Call the dentist").waitFor();
    await page.getByTestId("list-rename").click();
    await page.getByTestId("rename-list-name").fill(" ");
    await page.getByTestId("rename-list-name").press("Enter");
    await page.getByTestId("rename-list-error").waitFor();
    await scanBothThemes(page, "board-list-rename");
    await page.getByTestId("rename-list-name").press("Escape");
    await page.getByTestId("list-delete").click();
    await page.getByTestId("list-delete-confirm").waitFor();
    await scanBothThemes(page, "board-list-delete");
    await page.getByTestId("list-delete-no").click();

    // The keyboard shortcuts dialog (?), a modal over the board.
    await page.keyboard.press("?");
    await page.getByTestId("shortcuts-help").waitFor();
    await scanBothThemes(page, "shortcuts-help");
    await page.keyboard.press("Escape");
    await page.getByTestId("shortcuts-help").waitFor({ state: "hidden" });

    // A refused title: its message is on screen (and must be readable in both themes).
    await page.getByTestId("new-title").fill("x".repeat(201));
    await page.getByTestId("add-task").click();
    await page.getByTestId("new-errors").waitFor();
    await scanBothThemes(page, "board-refused-title");
    await page.getByTestId("new-title").fill("");

    // The chat panel (beside the board at this width) with a question and the assistant's answer.
    await page.getByTestId("chat-input").fill("what's pending?");
    await page.getByTestId("chat-input").press("Enter");
    await page.locator('[data-testid="chat-message"][data-role="assistant"][data-status="done"]').waitFor();
    await scanBothThemes(page, "chat");

    await page.goto(`${suite.webUrl}/tokens`);
    await page.getByTestId("nav-tokens").waitFor();
    await page.locator("main form, main h1").first().waitFor();
    await scanBothThemes(page, "tokens");

    // A pending OAuth request (an MCP client registering and asking for access) shows the consent page.
    const client = new MemoryOAuthClient({
      clientName: "Scan client",
      redirectUrl: "http://127.0.0.1:46097/callback",
    });
    expect(await auth(client, { serverUrl: suite.stack.mcpUrl })).toBe("REDIRECT");
    if (!client.authorizationUrl) throw new Error("no authorization URL");
    await page.goto(client.authorizationUrl.toString());
    await page.waitForURL((url) => url.pathname === "/oauth/consent");
    await page.getByTestId("oauth-consent").waitFor();
    await scanBothThemes(page, "oauth-consent");
  });

  it("Settings as it opens, with a Todoist file's import preview (list name, counts, titles) and with a refused file", async () => {
    const page = await scanPage();
    await signUp(page, suite.webUrl, newUser("Settings Scan"));
    await page.goto(`${suite.webUrl}/settings`);
    await page.getByTestId("import-section").waitFor();
    await scanBothThemes(page, "settings");
    const todoist = "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE\r\n";
    await page.getByLabel("File to import").setInputFiles({
      name: "Errands.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${todoist}task,Post the letters,,4,1,Scan (1),,,en,UTC\r\n`),
    });
    await page.getByTestId("import-preview").waitFor();
    await scanBothThemes(page, "settings-preview");
    await page.getByLabel("File to import").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"tasks": ['),
    });
    await page.getByTestId("import-error").waitFor();
    await scanBothThemes(page, "settings-error");
  });

  it("the toggle overrides the system, is remembered, and the board passes the scan either way", async () => {
    const page = await scanPage();
    await signUp(page, suite.webUrl, newUser("Toggle Person"));
    await page.emulateMedia({ colorScheme: "light" });
    await page.getByTestId("theme-dark").click();
    await expect.poll(() => isDark(page)).toBe(true);
    await expect.poll(() => page.getByTestId("theme-dark").getAttribute("aria-pressed")).toBe("true");
    expect(await violations(page), "toggle Dark, system light").toEqual([]);
    await page.reload();
    await addTaskForm(page).waitFor();
    expect(await isDark(page)).toBe(true);
    // The server cannot know the stored choice: the pressed button is set once the page hydrates.
    await expect.poll(() => page.getByTestId("theme-dark").getAttribute("aria-pressed")).toBe("true");

    await page.emulateMedia({ colorScheme: "dark" });
    await page.getByTestId("theme-light").click();
    await expect.poll(() => isDark(page)).toBe(false);
    expect(await violations(page), "toggle Light, system dark").toEqual([]);
    await page.reload();
    await addTaskForm(page).waitFor();
    expect(await isDark(page)).toBe(false);
    await expect.poll(() => page.getByTestId("theme-light").getAttribute("aria-pressed")).toBe("true");

    // Back to System: the page follows the scheme again.
    await page.getByTestId("theme-system").click();
    await expect.poll(() => isDark(page)).toBe(true);
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(() => isDark(page)).toBe(false);
  });
});

it("at phone width one header button steps System → Light → Dark, and the dark board passes the scan", async () => {
  const page = await scanPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page, suite.webUrl, newUser("Phone Person"));
  await page.emulateMedia({ colorScheme: "light" });
  const next = page.getByTestId("theme-next");
  expect(await next.getAttribute("aria-label")).toBe("System theme (switch to light theme)");
  await next.click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
  await next.click();
  await expect.poll(() => isDark(page)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await violations(page), "phone, dark").toEqual([]);
  await screenshot(page, "dark-phone-board");
  // The assistant open as a modal over the phone board.
  await page.getByTestId("chat-open").click();
  await page.locator('[data-testid="chat-aside"][aria-modal="true"]').waitFor();
  expect(await violations(page), "phone assistant, dark").toEqual([]);
  await screenshot(page, "dark-phone-chat");
  await page.keyboard.press("Escape");
  await page.getByTestId("chat-aside").waitFor({ state: "hidden" });
  await next.click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe("system");
});

describe("theme script under the real Content-Security-Policy", () => {
  it("runs with the page's nonce before the body is parsed (no light flash), and nothing is refused", async () => {
    const context = await newContext(suite.browser);
    await context.addInitScript(() => {
      // Record the theme class at the moment <body> first exists, i.e. before anything is painted.
      const record = new MutationObserver(() => {
        if (document.body) {
          (window as unknown as { darkAtBody: boolean }).darkAtBody =
            document.documentElement.classList.contains("dark");
          record.disconnect();
        }
      });
      record.observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${suite.webUrl}/sign-in`);
    await page.getByTestId("sign-in-form").waitFor();
    expect(await page.evaluate(() => (window as unknown as { darkAtBody?: boolean }).darkAtBody)).toBe(true);

    // A remembered Light wins over the dark system from the first paint too.
    await page.getByTestId("theme-light").click();
    await page.reload();
    await page.getByTestId("sign-in-form").waitFor();
    expect(await page.evaluate(() => (window as unknown as { darkAtBody?: boolean }).darkAtBody)).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem("taskflow-theme"))).toBe("light");
    expect(refused).toEqual([]);
  });
});

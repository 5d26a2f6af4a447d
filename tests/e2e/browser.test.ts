// The web app in a real browser (Debian chromium via playwright-core) against the whole built stack:
// sign-up/in/out, the board, the chat assistant, the tokens page and the phone layout.
// Screenshots land in test-artifacts/screenshots/; with UPDATE_SCREENSHOTS=1 the board one also
// replaces the README's picture in docs/.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  addTaskViaForm,
  boardTitles,
  eventually,
  newContext,
  newUser,
  repoRoot,
  screenshot,
  seedTasks,
  signIn,
  signUp,
  taskRow,
  utcDay,
} from "./browser/pages";
import { useTargetAndBrowser } from "./browser/suite";

const suite = useTargetAndBrowser();

describe("web app in a browser", () => {
  it("sends signed-out visitors to sign-in and shows the api's error for a wrong password", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await page.goto(`${suite.webUrl}/`);
    await page.waitForURL(`${suite.webUrl}/sign-in`);
    await page.getByTestId("auth-submit").click();
    expect(await page.getByTestId("sign-in-form").getByText("Enter a valid email address.").isVisible()).toBe(
      true,
    );
    await page.getByTestId("sign-in-form").getByLabel("Email").fill("nobody@example.com");
    await page.getByTestId("sign-in-form").getByLabel("Password").fill("not the password");
    await page.getByTestId("auth-submit").click();
    await page.getByTestId("auth-error").waitFor();
    expect(page.url()).toBe(`${suite.webUrl}/sign-in`);
    await screenshot(page, "sign-in-error");
    await context.close();
  }, 60_000);

  it("adds, filters, searches and completes tasks; state survives reload; users are isolated", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const alice = newUser("Alice Example");
    await signUp(page, suite.webUrl, alice);
    expect(await page.getByTestId("user-name").textContent()).toBe(alice.name);
    await page.getByTestId("board-empty").waitFor();

    const due = utcDay(3);
    const row = await addTaskViaForm(page, {
      title: "Write quarterly report",
      priority: "high",
      tags: "work, #q3",
      due,
    });
    expect(await row.getByTestId("priority-chip").getAttribute("data-priority")).toBe("high");
    expect(await row.getByTestId("tag-chip").allTextContents()).toEqual(["#work", "#q3"]);
    expect(await row.getByTestId("due-chip").getAttribute("data-due")).toBe(due);
    expect(await row.getByTestId("due-chip").getAttribute("data-overdue")).toBe("false");
    // The form is ready for the next task.
    expect(await page.getByTestId("new-title").inputValue()).toBe("");

    await addTaskViaForm(page, { title: "Water the plants", priority: "low", tags: "home" });
    await addTaskViaForm(page, { title: "Call the dentist", description: "Ask about the Tuesday slot" });
    expect(await boardTitles(page)).toEqual([
      "Call the dentist",
      "Water the plants",
      "Write quarterly report",
    ]);

    // Filter by priority, then by tag, then search.
    await page.getByTestId("filter-priority").selectOption("high");
    await eventually(
      async () => JSON.stringify(await boardTitles(page)) === JSON.stringify(["Write quarterly report"]),
      "priority filter",
    );
    await page.getByTestId("filter-priority").selectOption("");
    await page.getByTestId("filter-tag").selectOption("home");
    await eventually(
      async () => JSON.stringify(await boardTitles(page)) === JSON.stringify(["Water the plants"]),
      "tag filter",
    );
    await page.getByTestId("clear-filters").click();
    await page.getByTestId("search").fill("dentist");
    await eventually(
      async () => JSON.stringify(await boardTitles(page)) === JSON.stringify(["Call the dentist"]),
      "search",
    );
    await page.getByTestId("search").fill("");
    await eventually(async () => (await boardTitles(page)).length === 3, "search cleared");

    // Sort by title.
    await page.getByTestId("sort").selectOption("title");
    await eventually(
      async () =>
        JSON.stringify(await boardTitles(page)) ===
        JSON.stringify(["Call the dentist", "Water the plants", "Write quarterly report"]),
      "sort by title",
    );

    // Inline edit: Escape cancels, Enter saves.
    await taskRow(page, "Water the plants").getByTestId("task-edit").click();
    await page.getByTestId("edit-title").fill("Something else");
    await page.getByTestId("edit-title").press("Escape");
    await taskRow(page, "Water the plants").waitFor();
    await taskRow(page, "Water the plants").getByTestId("task-edit").click();
    await page.getByTestId("edit-title").fill("Water the plants and the herbs");
    await page.getByTestId("edit-priority").selectOption("medium");
    await page.getByTestId("edit-title").press("Enter");
    const edited = taskRow(page, "Water the plants and the herbs");
    await edited.waitFor();
    expect(await edited.getByTestId("priority-chip").getAttribute("data-priority")).toBe("medium");

    // Complete, then reload: the state comes from the server.
    await taskRow(page, "Call the dentist").getByTestId("task-toggle").check();
    await eventually(
      async () => (await taskRow(page, "Call the dentist").getAttribute("data-completed")) === "true",
      "completed",
    );
    await page.waitForLoadState("networkidle");
    await page.reload();
    await taskRow(page, "Call the dentist").waitFor();
    expect(await taskRow(page, "Call the dentist").getAttribute("data-completed")).toBe("true");
    expect(await taskRow(page, "Write quarterly report").getAttribute("data-completed")).toBe("false");
    await page.getByTestId("status-completed").check({ force: true });
    await eventually(
      async () => JSON.stringify(await boardTitles(page)) === JSON.stringify(["Call the dentist"]),
      "status filter",
    );
    await screenshot(page, "board-filtered");

    // Sign out → sign-in page; the board is no longer reachable.
    await page.getByTestId("sign-out").click();
    await page.waitForURL(`${suite.webUrl}/sign-in`);
    await page.goto(`${suite.webUrl}/`);
    await page.waitForURL(`${suite.webUrl}/sign-in`);

    // A second user sees none of the first user's tasks, and can't read them through the api.
    const bob = newUser("Bob Example");
    await signUp(page, suite.webUrl, bob);
    await page.getByTestId("board-empty").waitFor();
    expect(await page.getByTestId("task-item").count()).toBe(0);
    const list = await page.request.get(`${suite.webUrl}/api/tasks?status=all`);
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);

    // And the first user signs back in to find everything as left.
    await page.getByTestId("sign-out").click();
    await page.waitForURL(`${suite.webUrl}/sign-in`);
    await signIn(page, suite.webUrl, alice);
    await taskRow(page, "Write quarterly report").waitFor();
    expect((await boardTitles(page)).length).toBe(3);
    await context.close();
  }, 120_000);

  it("makes overdue tasks stand out", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await signUp(page, suite.webUrl, newUser("Olive Overdue"));
    await seedTasks(page, suite.webUrl, [
      { title: "Renew passport", due_at: utcDay(-2), priority: "high" },
      { title: "Plan the trip", due_at: utcDay(5) },
    ]);
    await page.reload();
    const late = taskRow(page, "Renew passport");
    await late.waitFor();
    expect(await late.getAttribute("data-overdue")).toBe("true");
    expect(await late.getByTestId("due-chip").getAttribute("data-overdue")).toBe("true");
    expect(await late.getByTestId("due-chip").textContent()).toContain("Overdue");
    const chipColor = await late
      .getByTestId("due-chip")
      .evaluate((element) => getComputedStyle(element).color);
    expect(isReddish(chipColor), `due chip colour ${chipColor}`).toBe(true);
    expect(await taskRow(page, "Plan the trip").getAttribute("data-overdue")).toBe("false");
    // Done tasks are not overdue any more.
    await late.getByTestId("task-toggle").check();
    await eventually(
      async () => (await late.getAttribute("data-overdue")) === "false",
      "completed task not overdue",
    );
    await context.close();
  }, 60_000);

  it("pages with load more, and a lost session sends the user to sign-in", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await signUp(page, suite.webUrl, newUser("Lena Long"));
    await seedTasks(
      page,
      suite.webUrl,
      Array.from({ length: 30 }, (_, index) => ({ title: `Task ${String(index + 1).padStart(2, "0")}` })),
    );
    await page.reload();
    await taskRow(page, "Task 30").waitFor();
    expect(await page.getByTestId("task-item").count()).toBe(25);
    await page.getByTestId("load-more").click();
    await taskRow(page, "Task 01").waitFor();
    expect(await page.getByTestId("task-item").count()).toBe(30);
    await page.getByTestId("load-more").waitFor({ state: "detached" });

    // The session ends (cookie gone): the next api call answers 401 and the app goes to sign-in.
    await context.clearCookies();
    await page.getByTestId("new-title").fill("Will not be saved");
    await page.getByTestId("new-title").press("Enter");
    await page.waitForURL(`${suite.webUrl}/sign-in`);
    await context.close();
  }, 60_000);

  it("deletes to the trash with an undo, and restores from the Trash view", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await signUp(page, suite.webUrl, newUser("Dora Delete"));
    await seedTasks(page, suite.webUrl, [{ title: "Keep me" }, { title: "Remove me" }]);
    await page.reload();
    await taskRow(page, "Keep me").waitFor();
    const apiCall = (method: string, path: RegExp) =>
      page.waitForResponse(
        (response) => response.request().method() === method && path.test(new URL(response.url()).pathname),
        { timeout: 15_000 },
      );

    // The delete reaches the server at once (the task is in the trash); Undo restores it.
    const trashed = apiCall("DELETE", /^\/api\/tasks\/\d+$/);
    await taskRow(page, "Keep me").getByTestId("task-delete").click();
    expect((await trashed).status()).toBe(204);
    await page.getByTestId("undo-toast").waitFor();
    expect(await taskRow(page, "Keep me").count()).toBe(0);
    await screenshot(page, "undo-toast");
    const restored = apiCall("POST", /^\/api\/tasks\/\d+\/restore$/);
    await page.getByTestId("undo-delete").click();
    expect((await restored).status()).toBe(200);
    await taskRow(page, "Keep me").waitFor();
    await page.reload();
    await taskRow(page, "Keep me").waitFor();

    // No undo: the task stays in the trash, off the board, listed in the Trash view, restorable there.
    const removed = apiCall("DELETE", /^\/api\/tasks\/\d+$/);
    await taskRow(page, "Remove me").getByTestId("task-delete").click();
    expect((await removed).status()).toBe(204);
    await page.reload();
    await taskRow(page, "Keep me").waitFor();
    expect(await boardTitles(page)).toEqual(["Keep me"]);
    await page.getByTestId("status-deleted").check({ force: true });
    const trashItem = page.getByTestId("trash-item").filter({ hasText: "Remove me" });
    await trashItem.waitFor();
    expect(await page.getByTestId("trash-item").count()).toBe(1);
    await screenshot(page, "trash");
    await trashItem.getByTestId("trash-restore").click();
    await trashItem.waitFor({ state: "detached" });
    await page.getByTestId("board-empty").waitFor();
    await page.getByTestId("status-all").check({ force: true });
    await taskRow(page, "Remove me").waitFor();
    expect((await boardTitles(page)).sort()).toEqual(["Keep me", "Remove me"]);
    await context.close();
  }, 60_000);

  it("keeps the undo toast while focus or the pointer is on it, and lets it go its full time after they leave", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await signUp(page, suite.webUrl, newUser("Toby Toast"));
    await seedTasks(page, suite.webUrl, [{ title: "Slow reader" }, { title: "Stays" }]);
    await page.reload();
    await taskRow(page, "Slow reader").waitFor();
    await taskRow(page, "Slow reader").getByTestId("task-delete").click();
    const toast = page.getByTestId("undo-toast");
    await toast.waitFor();
    // Focus on Undo (as after tabbing to it) for longer than the toast's 8 s: it stays.
    await page.getByTestId("undo-delete").focus();
    await page.waitForTimeout(9_000);
    expect(await toast.count(), "the toast stays while its Undo has focus").toBe(1);
    // The pointer on it holds it too, even once focus has left.
    await toast.hover();
    await taskRow(page, "Stays").getByTestId("task-edit").focus();
    await page.waitForTimeout(9_000);
    expect(await toast.count(), "the toast stays while the pointer is on it").toBe(1);
    // Both gone: the toast has its 8 s again, then goes.
    const left = Date.now();
    await page.mouse.move(0, 0);
    await toast.waitFor({ state: "detached", timeout: 15_000 });
    expect(Date.now() - left, "the full 8 s after focus left").toBeGreaterThanOrEqual(7_500);
    await context.close();
  }, 60_000);

  it("chat: the assistant adds a task and the board shows it", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await signUp(page, suite.webUrl, newUser("Chad Chat"));
    await page.getByTestId("chat-empty").waitFor();
    // "Tomorrow" is read from the clock by the server (the due date) and by the page (the label): taken
    // before and after, so a run that crosses midnight UTC meanwhile accepts either day.
    const tomorrowBefore = utcDay(1);
    await page.getByTestId("chat-input").fill("add buy milk tomorrow #groceries");
    await page.getByTestId("chat-input").press("Enter");

    const chip = page.getByTestId("tool-chip").first();
    await chip.waitFor({ timeout: 30_000 });
    expect(await chip.getAttribute("data-tool")).toBe("add_task");
    expect((await chip.textContent())?.toLowerCase()).toContain("added ‘buy milk’");
    await page
      .locator('[data-testid="chat-message"][data-role="assistant"][data-status="done"]')
      .waitFor({ timeout: 30_000 });

    const row = taskRow(page, "buy milk").or(taskRow(page, "Buy milk"));
    await row.waitFor();
    expect(await row.getByTestId("tag-chip").allTextContents()).toEqual(["#groceries"]);
    const dueDay = await row.getByTestId("due-chip").getAttribute("data-due");
    const dueLabel = await row.getByTestId("due-chip").textContent();
    const tomorrowAfter = utcDay(1);
    if (tomorrowBefore === tomorrowAfter) {
      expect(dueDay).toBe(tomorrowAfter);
      expect(dueLabel).toContain("Tomorrow");
    } else {
      // Midnight passed during the turn: the server may have meant either day, and the page labels the
      // day after the one it renders on as "Tomorrow" (the old tomorrow is "Today" by then).
      expect([tomorrowBefore, tomorrowAfter]).toContain(dueDay);
      expect(dueLabel).toMatch(/Tomorrow|Today/);
    }
    await screenshot(page, "chat-added-task");

    // The conversation is listed and can be resumed after a reload.
    await page.reload();
    await page.getByTestId("chat-history").click();
    await page.getByTestId("conversation-item").first().waitFor();
    await page.getByTestId("conversation-item").first().locator("button").first().click();
    await page
      .locator('[data-testid="chat-message"][data-role="user"]')
      .getByText("add buy milk tomorrow #groceries")
      .waitFor();
    await context.close();
  }, 90_000);

  it("tokens page: create shows the token once with config snippets; revoke removes it", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await signUp(page, suite.webUrl, newUser("Tom Token"));
    await page.getByTestId("nav-tokens").click();
    await page.waitForURL(`${suite.webUrl}/tokens`);
    await page.getByRole("heading", { name: "Connect your AI tools" }).waitFor();
    await eventually(
      async () => ((await page.getByTestId("mcp-url").textContent()) ?? "").includes("/mcp"),
      "mcp url",
    );
    const mcpUrl = (await page.getByTestId("mcp-url").textContent()) ?? "";

    await page.getByTestId("token-name").fill("Claude on my laptop");
    await page.getByTestId("token-create").click();
    await page.getByTestId("token-created").waitFor();
    const token = ((await page.getByTestId("token-value").textContent()) ?? "").trim();
    expect(token.length).toBeGreaterThan(20);

    const claude = (await page.getByTestId("snippet-code").textContent()) ?? "";
    expect(JSON.parse(claude)).toEqual({
      mcpServers: {
        taskflow: {
          command: "npx",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: mcp-remote fills it in from env
          args: ["mcp-remote", mcpUrl, "--header", "Authorization:${AUTH_HEADER}"],
          env: { AUTH_HEADER: `Bearer ${token}` },
        },
      },
    });
    await page.getByTestId("snippet-tab-cursor").click();
    expect(JSON.parse((await page.getByTestId("snippet-code").textContent()) ?? "")).toEqual({
      mcpServers: { taskflow: { url: mcpUrl, headers: { Authorization: `Bearer ${token}` } } },
    });
    await page.getByTestId("snippet-tab-inspector").click();
    expect(await page.getByTestId("snippet-code").textContent()).toContain(
      `--header "Authorization: Bearer ${token}"`,
    );
    await page.getByTestId("snippet-tab-claude").click();
    await screenshot(page, "tokens", true);

    const item = page.getByTestId("token-item").filter({ hasText: "Claude on my laptop" });
    await item.waitFor();
    // Reloading never shows the token again, only its prefix.
    await page.reload();
    await item.waitFor();
    expect(await page.getByText(token).count()).toBe(0);

    await item.getByTestId("token-revoke").click();
    await item.getByTestId("token-revoke-confirm").click();
    await item.waitFor({ state: "detached" });
    await page.reload();
    await page.getByTestId("tokens-empty").waitFor();
    await context.close();
  }, 60_000);

  it("phone-width layout: no horizontal scroll, assistant opens as a sheet", async () => {
    const context = await newContext(suite.browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signUp(page, suite.webUrl, newUser("Pia Phone"));
    await seedTasks(page, suite.webUrl, [
      { title: "Pick up dry cleaning", due_at: utcDay(0), tags: ["errands"] },
      { title: "Book flights to Lisbon", priority: "high", due_at: utcDay(-1), tags: ["travel"] },
      {
        title: "Send birthday card to Sam",
        priority: "medium",
        due_at: utcDay(2),
        tags: ["family", "errands"],
      },
    ]);
    await page.reload();
    await taskRow(page, "Pick up dry cleaning").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await page.getByTestId("chat-aside").isVisible()).toBe(false);
    await screenshot(page, "phone-board");
    await page.getByTestId("chat-open").click();
    await page.getByTestId("chat-input").waitFor();
    expect(await page.getByTestId("chat-aside").isVisible()).toBe(true);
    await screenshot(page, "phone-chat");
    await page.getByTestId("chat-close").click();
    expect(await page.getByTestId("chat-aside").isVisible()).toBe(false);
    await context.close();
  }, 60_000);

  it("board screenshot for the README", async () => {
    const context = await newContext(suite.browser, { width: 1440, height: 900 });
    const page = await context.newPage();
    await signUp(page, suite.webUrl, newUser("Maya Patel"));
    await seedTasks(page, suite.webUrl, [
      { title: "Renew car insurance", priority: "medium", tags: ["admin"], due_at: utcDay(-1) },
      {
        title: "Prepare slides for Monday review",
        description: "Roadmap, Q3 metrics, hiring plan",
        priority: "high",
        tags: ["work"],
        due_at: utcDay(2),
      },
      { title: "Book dentist appointment", priority: "low", tags: ["health"] },
      { title: "Call mom", tags: ["family"], due_at: utcDay(0) },
    ]);
    await page.reload();
    await taskRow(page, "Call mom").waitFor();
    await page.getByTestId("chat-input").fill("add buy milk tomorrow #groceries");
    await page.getByTestId("chat-input").press("Enter");
    await page
      .locator('[data-testid="chat-message"][data-role="assistant"][data-status="done"]')
      .waitFor({ timeout: 30_000 });
    await taskRow(page, "buy milk").or(taskRow(page, "Buy milk")).waitFor();
    await page.getByTestId("chat-input").fill("what's pending?");
    await page.getByTestId("chat-input").press("Enter");
    await page.locator('[data-testid="tool-chip"][data-tool="list_tasks"]').waitFor({ timeout: 30_000 });
    await page
      .locator('[data-testid="chat-message"][data-role="assistant"]')
      .last()
      .locator('[data-testid="assistant-text"]')
      .waitFor();
    await taskRow(page, "Book dentist appointment").getByTestId("task-toggle").check();
    await eventually(
      async () => (await taskRow(page, "Book dentist appointment").getAttribute("data-completed")) === "true",
      "done",
    );
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await new Promise((resolve) => setTimeout(resolve, 400));
    const path = await screenshot(page, "board");
    // Refreshing the README's picture is opt-in, so a test run leaves the work tree as it found it.
    if (process.env.UPDATE_SCREENSHOTS === "1")
      copyFileSync(path, join(repoRoot, "docs/screenshot-board.png"));
    await context.close();
  }, 90_000);
});

function isReddish(cssColor: string): boolean {
  const srgb = cssColor.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)/);
  if (srgb) return Number(srgb[1]) > 150 && Number(srgb[2]) < 100;
  // Tailwind 4 colours compute to lab(L a b) or oklch(L C H): reds have a large a, or a hue near 25.
  const lab = cssColor.match(/^lab\(([\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)/);
  if (lab) return Number(lab[2]) > 35;
  const oklch = cssColor.match(/oklch\(([\d.]+)\s+([\d.]+)\s+([\d.]+)/);
  if (oklch) return Number(oklch[2]) > 0.1 && (Number(oklch[3]) < 40 || Number(oklch[3]) > 340);
  return false;
}

// The live board in a real browser (Debian chromium via playwright-core) against the whole built stack:
// a task added over MCP shows up on an open board without a reload; a reminder is shown in the page
// (and as a browser notification when allowed) once; Today and Upcoming hold the right tasks for a
// user in Los Angeles and one in Tokyo; the view and filters live in the URL; completing a repeating
// task moves it to its next date; an open editor and what is typed in it survive its row moving.
import { mcpToolCall } from "@taskflow/testing/mcp-http";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  boardTitles,
  eventually,
  newContext,
  newUser,
  screenshot,
  seedTasks,
  signUp,
  taskRow,
  wallToInstant,
  zoneDay,
} from "./browser/pages";
import { useStackAndBrowser } from "./browser/suite";

const LA = "America/Los_Angeles";
const TOKYO = "Asia/Tokyo";

// Reminders are claimed every 200 ms, so the test waits for the page, not for the poll.
const suite = useStackAndBrowser({ env: { REMINDER_POLL_MS: "200" } });

/** A signed-up user on the board, with the app's stored zone settled to the browser's. */
async function onBoard(zone: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(suite.browser, undefined, zone);
  const page = await context.newPage();
  await signUp(page, suite.webUrl, newUser(name));
  await eventually(async () => {
    const me = (await (await page.request.get(`${suite.webUrl}/api/me`)).json()) as { time_zone: string };
    return me.time_zone === zone;
  }, `the stored zone to be ${zone}`);
  return { context, page };
}

async function live(page: Page) {
  await page.locator('[data-testid="live-status"][data-status="live"]').waitFor();
}

async function countOf(page: Page, view: string): Promise<string> {
  return ((await page.getByTestId(`view-count-${view}`).textContent()) ?? "").trim();
}

describe("the live board", () => {
  it("shows a task added over MCP within 2 s, without a reload", async () => {
    const { context, page } = await onBoard("UTC", "Mona Live");
    await live(page);
    const created = await page.request.post(`${suite.webUrl}/api/tokens`, { data: { name: "e2e" } });
    expect(created.status()).toBe(201);
    const { token } = (await created.json()) as { token: string };
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const before = await countOf(page, "all");

    const response = await mcpToolCall(suite.stack.mcpUrl, token, "add_task", {
      title: "Added from my AI tool",
    });
    expect(response.status).toBe(200);
    const sent = performance.now();
    await taskRow(page, "Added from my AI tool").waitFor({ timeout: 2000 });
    expect(performance.now() - sent).toBeLessThan(2000);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    // The count follows, from the server.
    await eventually(async () => (await countOf(page, "all")) === String(Number(before) + 1), "the count");

    // A change and a deletion made elsewhere apply in place too.
    const { items } = (await (await page.request.get(`${suite.webUrl}/api/tasks?q=AI+tool`)).json()) as {
      items: { id: number }[];
    };
    const id = items[0]?.id;
    await page.request.patch(`${suite.webUrl}/api/tasks/${id}`, { data: { title: "Renamed elsewhere" } });
    await taskRow(page, "Renamed elsewhere").waitFor({ timeout: 2000 });
    await page.request.delete(`${suite.webUrl}/api/tasks/${id}`);
    await taskRow(page, "Renamed elsewhere").waitFor({ state: "detached", timeout: 2000 });
    await context.close();
  }, 90_000);

  it("does not show a task created elsewhere that the view's filters leave out", async () => {
    const { context, page } = await onBoard("UTC", "Fil Ter");
    await page.goto(`${suite.webUrl}/?tag=work`);
    await live(page);
    await seedTasks(page, suite.webUrl, [
      { title: "Home chore", tags: ["home"] },
      { title: "Work item", tags: ["work"] },
    ]);
    await taskRow(page, "Work item").waitFor({ timeout: 2000 });
    expect(await taskRow(page, "Home chore").count()).toBe(0);
    await context.close();
  }, 60_000);

  it("shows a reminder in the page once, and as a notification when allowed", async () => {
    const { context, page } = await onBoard("UTC", "Remy Nder");
    await context.grantPermissions(["notifications"], { origin: suite.webUrl });
    await context.addInitScript(() => {
      const Real = window.Notification;
      const shown: string[] = [];
      (window as unknown as { shown: string[] }).shown = shown;
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          shown.push(title);
          super(title, options);
        }
      }
      window.Notification = Recorded as typeof Notification;
    });
    await page.reload();
    await live(page);
    // Allowed already: no need to ask.
    expect(await page.getByTestId("enable-notifications").count()).toBe(0);
    const remindAt = new Date(Date.now() + 2000).toISOString();
    await seedTasks(page, suite.webUrl, [
      { title: "Call the bank", due_at: zoneDay("UTC", 1), remind_at: remindAt },
    ]);
    const toast = page.getByTestId("reminder-toast");
    await toast.waitFor({ timeout: 10_000 });
    expect(await toast.getByTestId("reminder-title").textContent()).toBe("Call the bank");
    await screenshot(page, "live-board-reminder");
    expect(await taskRow(page, "Call the bank").getByTestId("remind-chip").count()).toBe(1);
    await eventually(
      async () => (await page.evaluate(() => (window as unknown as { shown: string[] }).shown)).length > 0,
      "the browser notification",
    );
    expect(await page.evaluate(() => (window as unknown as { shown: string[] }).shown)).toEqual([
      "Reminder: Call the bank",
    ]);
    await page.waitForTimeout(1500);
    expect(await toast.count()).toBe(1);
    // Done from the reminder completes the task.
    await toast.getByTestId("reminder-done").click();
    await toast.waitFor({ state: "detached" });
    await eventually(
      async () => (await taskRow(page, "Call the bank").getAttribute("data-completed")) === "true",
      "the task to be done",
    );
    await context.close();
  }, 90_000);

  it("Today and Upcoming hold the user's days, in Los Angeles and in Tokyo", async () => {
    for (const [zone, name] of [
      [LA, "Lou Angeles"],
      [TOKYO, "Toko Yo"],
    ] as const) {
      const { context, page } = await onBoard(zone, name);
      const day = (n: number) => zoneDay(zone, n);
      await seedTasks(page, suite.webUrl, [
        { title: "Overdue since yesterday", due_at: day(-1) },
        { title: "All day today", due_at: day(0) },
        // Late tonight and just after midnight in the user's zone: another UTC day than the user's.
        { title: "Late tonight", due_at: wallToInstant(`${day(0)}T23:30`, zone) },
        { title: "Just after midnight", due_at: wallToInstant(`${day(1)}T00:30`, zone) },
        { title: "In three days", due_at: day(3) },
        { title: "In a week", due_at: day(7) },
        { title: "Done today", due_at: day(0) },
        { title: "Someday" },
      ]);
      const { items } = (await (await page.request.get(`${suite.webUrl}/api/tasks?q=Done+today`)).json()) as {
        items: { id: number }[];
      };
      await page.request.patch(`${suite.webUrl}/api/tasks/${items[0]?.id}/complete`);

      await page.goto(`${suite.webUrl}/?view=today`);
      expect((await boardTitles(page)).sort()).toEqual([
        "All day today",
        "Late tonight",
        "Overdue since yesterday",
      ]);
      await eventually(async () => (await countOf(page, "today")) === "3", "Today's count");

      await page.getByTestId("view-upcoming").click();
      await page.waitForURL(/view=upcoming/);
      await eventually(async () => (await page.getByTestId("day-heading").count()) === 3, "three day groups");
      const groups = await page.getByTestId("day-group").evaluateAll((sections) =>
        sections.map((section) => ({
          heading: section.querySelector('[data-testid="day-heading"]')?.textContent,
          titles: [...section.querySelectorAll('[data-testid="task-title"]')].map((t) => t.textContent),
        })),
      );
      const third = new Date(`${day(3)}T12:00:00Z`).toLocaleDateString("en-GB", {
        weekday: "long",
        day: "numeric",
        month: "long",
        timeZone: "UTC",
      });
      expect(groups).toEqual([
        { heading: "Today", titles: expect.arrayContaining(["All day today", "Late tonight"]) },
        { heading: "Tomorrow", titles: ["Just after midnight"] },
        { heading: third.replace(",", ""), titles: ["In three days"] },
      ]);
      expect(groups[0]?.titles).toHaveLength(2);
      await screenshot(page, `live-board-upcoming-${zone.split("/")[1]}`, true);
      await eventually(
        async () => (await countOf(page, "upcoming")) === "4" && (await countOf(page, "all")) === "8",
        "the Upcoming and All counts",
      );
      await context.close();
    }
  }, 150_000);

  it("keeps the view, filters and sort in the URL across a reload, and back goes to the previous ones", async () => {
    const { context, page } = await onBoard("UTC", "Uri Params");
    await seedTasks(page, suite.webUrl, [
      { title: "Pay rent", priority: "high", due_at: zoneDay("UTC", 1) },
      { title: "Pay the gym", priority: "low", due_at: zoneDay("UTC", 2) },
      { title: "Buy paint", priority: "high" },
    ]);
    await page.reload();
    await page.getByTestId("view-upcoming").click();
    await page.waitForURL(/view=upcoming/);
    await page.getByTestId("filter-priority").selectOption("high");
    await page.waitForURL(/priority=high/);
    await page.getByTestId("search").fill("pay");
    await page.waitForURL(/q=pay/);
    expect(await boardTitles(page)).toEqual(["Pay rent"]);
    // The counts follow the filters (their own request may settle after the list's).
    await eventually(
      async () => (await countOf(page, "upcoming")) === "1" && (await countOf(page, "all")) === "1",
      "the counts under the filters",
    );

    await page.reload();
    expect(await boardTitles(page)).toEqual(["Pay rent"]);
    expect(await page.getByTestId("filter-priority").inputValue()).toBe("high");
    expect(await page.getByTestId("search").inputValue()).toBe("pay");
    expect(await page.getByTestId("view-upcoming").getAttribute("aria-current")).toBe("page");

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("q=pay"));
    await eventually(
      async () => (await page.getByTestId("search").inputValue()) === "",
      "the search cleared",
    );
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("priority"));
    await eventually(
      async () => (await boardTitles(page)).sort().join() === "Pay rent,Pay the gym",
      "both upcoming tasks",
    );
    await context.close();
  }, 90_000);

  it("completing a repeating task added with the form moves it to its next date and says when", async () => {
    const { context, page } = await onBoard(TOKYO, "Rita Peat");
    await page.getByTestId("new-title").fill("Water the plants");
    await page.getByTestId("new-due").fill(zoneDay(TOKYO, 1));
    await page.getByTestId("new-repeat").fill("every day");
    await page.getByTestId("new-remind").selectOption("1h");
    await page.getByTestId("new-title").press("Enter");
    const row = taskRow(page, "Water the plants");
    await row.waitFor();
    expect(await row.getByTestId("repeat-chip").getAttribute("title")).toBe("Repeats every day");
    expect(await row.getByTestId("due-chip").getAttribute("data-due")).toBe(zoneDay(TOKYO, 1));
    expect(await row.getByTestId("remind-chip").count()).toBe(1);
    // The counts follow a task added on this page.
    await eventually(
      async () =>
        (await countOf(page, "all")) === "1" &&
        (await countOf(page, "upcoming")) === "1" &&
        (await countOf(page, "today")) === "0",
      "the counts after adding",
    );

    await row.getByTestId("task-edit").click();
    expect(await page.getByTestId("edit-repeat").inputValue()).toBe("every day");
    expect(await page.getByTestId("edit-remind").inputValue()).toBe("1h");
    await screenshot(page, "live-board-edit-repeat");
    await page.getByTestId("edit-cancel").click();
    await row.getByTestId("task-toggle").click();
    // Done early: the next occurrence comes after the current due.
    const next = zoneDay(TOKYO, 2);
    await eventually(
      async () => (await row.getByTestId("due-chip").getAttribute("data-due")) === next,
      "the next due",
    );
    expect(await row.getAttribute("data-completed")).toBe("false");
    const info = page.getByTestId("board-info");
    await info.waitFor();
    const words = new Date(`${next}T12:00:00Z`)
      .toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })
      .replace(",", "");
    expect(await info.textContent()).toContain(`Next: ${words}`);
    await context.close();
  }, 90_000);

  it("“water the plants every saturday at 9, remind me at 8:30” in the add field lands on Upcoming with its marks", async () => {
    const { context, page } = await onBoard(LA, "Walt Erplants");
    await page.getByTestId("new-title").fill("water the plants every saturday at 9, remind me at 8:30");
    const chips = page.getByTestId("quick-add-chips");
    await chips.getByTestId("quick-repeat").waitFor();
    expect(await chips.getByTestId("quick-repeat").textContent()).toContain("every saturday");
    expect(await chips.getByTestId("quick-remind").count()).toBe(1);
    await page.getByTestId("new-title").press("Enter");
    const row = taskRow(page, "water the plants");
    await row.waitFor();
    expect(await row.getByTestId("repeat-chip").getAttribute("title")).toBe("Repeats every Saturday");
    expect(await row.getByTestId("remind-chip").count()).toBe(1);
    const due = await row.getByTestId("due-chip").getAttribute("data-due");
    expect(await row.getByTestId("due-chip").getAttribute("data-time")).toBe("09:00");
    expect(new Date(`${due}T12:00:00Z`).getUTCDay()).toBe(6);
    // Within the next 7 days (unless it is Saturday after 9 in Los Angeles): on Upcoming under its day.
    if (due && due < zoneDay(LA, 7)) {
      await page.getByTestId("view-upcoming").click();
      const group = page.getByTestId("day-group").filter({ has: page.getByText("water the plants") });
      await group.waitFor();
      expect(await group.getByTestId("day-heading").getAttribute("data-day")).toBe(due);
    }
    await context.close();
  }, 90_000);

  it("keeps an open editor and what is typed in it when its row moves to another day or the view changes", async () => {
    const { context, page } = await onBoard("UTC", "Eddie Edits");
    await seedTasks(page, suite.webUrl, [
      { title: "Book the vet", due_at: zoneDay("UTC", 1) },
      { title: "Renew the passport", due_at: zoneDay("UTC", 2) },
    ]);
    const found = await page.request.get(`${suite.webUrl}/api/tasks?q=vet`);
    const id = ((await found.json()) as { items: { id: number }[] }).items[0]?.id;
    await page.goto(`${suite.webUrl}/?view=upcoming`);
    await live(page);
    await taskRow(page, "Book the vet").getByTestId("task-edit").click();
    const title = page.locator(`[data-task-id="${id}"]`).getByTestId("edit-title");
    await title.press("End");
    await title.pressSequentially(" and the cat");

    // Moved elsewhere (another tab, the assistant) to the day of the other task: its row changes group.
    const moved = await page.request.patch(`${suite.webUrl}/api/tasks/${id}`, {
      data: { due_at: zoneDay("UTC", 2) },
    });
    expect(moved.status()).toBe(200);
    const sameDay = page
      .getByTestId("day-group")
      .filter({ has: page.locator(`[data-task-id="${id}"]`) })
      .filter({ has: taskRow(page, "Renew the passport") });
    await sameDay.waitFor();
    expect(await title.inputValue()).toBe("Book the vet and the cat");
    expect(await title.evaluate((input) => input === document.activeElement)).toBe(true);

    await page.getByTestId("view-all").click();
    await page.waitForURL((url) => !url.searchParams.has("view"));
    await page.locator('[data-testid="board-results"][data-refreshing="false"]').waitFor();
    expect(await title.inputValue()).toBe("Book the vet and the cat");
    await title.press("Enter");
    await taskRow(page, "Book the vet and the cat").waitFor();
    await context.close();
  }, 90_000);
});

// Time zones in a real browser (Debian chromium via playwright-core) against the whole built stack: a
// browser in Los Angeles and one in Tokyo. The app stores the browser's zone as the user's and says so
// once; timed dues are typed and shown at their wall-clock time in that zone and stored as the instant
// it means; all-day dues are the same calendar day for everyone; "overdue" is decided in the user's
// zone. Also the chat's client_turn_id: a message sent again after a lost answer is not run twice.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  addTaskForm,
  addTaskViaForm,
  eventually,
  newContext,
  newUser,
  seedTasks,
  signUp,
  taskRow,
  wallToInstant,
  zoneDay,
} from "./browser/pages";
import { useTargetAndBrowser } from "./browser/suite";

const LA = "America/Los_Angeles";
const TOKYO = "Asia/Tokyo";

type ApiTask = { id: number; title: string; due_at: string | null; all_day: boolean };

// Paging a conversation needs more turns than the default per-minute limit allows.
const suite = useTargetAndBrowser({ env: { CHAT_RATE_LIMIT: "1000" } });

async function signedUpIn(zone: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(suite.browser, undefined, zone);
  const page = await context.newPage();
  await signUp(page, suite.webUrl, newUser(name));
  return { context, page };
}

async function me(page: Page): Promise<{ time_zone: string }> {
  const response = await page.request.get(`${suite.webUrl}/api/me`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { time_zone: string };
}

async function apiTask(page: Page, title: string): Promise<ApiTask> {
  const response = await page.request.get(`${suite.webUrl}/api/tasks?q=${encodeURIComponent(title)}`);
  const { items } = (await response.json()) as { items: ApiTask[] };
  const found = items.find((task) => task.title === title);
  if (!found) throw new Error(`no task “${title}” in ${JSON.stringify(items)}`);
  return found;
}

async function dueChip(page: Page, title: string) {
  const chip = taskRow(page, title).getByTestId("due-chip");
  await chip.waitFor();
  return {
    text: ((await chip.textContent()) ?? "").replace(/\s+/g, " ").trim(),
    day: await chip.getAttribute("data-due"),
    time: await chip.getAttribute("data-time"),
    overdue: await chip.getAttribute("data-overdue"),
    title: await chip.getAttribute("title"),
  };
}

describe("time zones in the browser", () => {
  it("stores the browser's zone at sign-up and says so once (Los Angeles and Tokyo)", async () => {
    for (const zone of [LA, TOKYO]) {
      const { context, page } = await signedUpIn(zone, `Zoe ${zone.split("/")[1]}`);
      const notice = page.getByTestId("zone-notice");
      await notice.waitFor();
      expect(await notice.textContent()).toContain(`Times are shown in ${zone}, this browser`);
      expect((await me(page)).time_zone).toBe(zone);
      await page.getByTestId("zone-notice-dismiss").click();
      await notice.waitFor({ state: "detached" });
      // Said once: the stored zone now matches, so a reload has nothing to tell.
      await page.reload();
      await addTaskForm(page).waitFor();
      await page.waitForLoadState("networkidle");
      expect(await notice.count()).toBe(0);
      await context.close();
    }
  }, 90_000);

  it("adds a task for tomorrow at 10:00 in Los Angeles, stores that instant, and editing keeps the time", async () => {
    const { context, page } = await signedUpIn(LA, "Lara Angeles");
    await page.getByTestId("zone-notice").waitFor();
    const tomorrow = zoneDay(LA, 1);
    await addTaskViaForm(page, { title: "Call the dentist", due: tomorrow, time: "10:00" });
    expect(await dueChip(page, "Call the dentist")).toMatchObject({
      text: "Tomorrow 10:00 AM",
      day: tomorrow,
      time: "10:00",
      overdue: "false",
    });
    const stored = await apiTask(page, "Call the dentist");
    expect(stored.all_day).toBe(false);
    expect(new Date(stored.due_at ?? "").toISOString()).toBe(wallToInstant(`${tomorrow}T10:00`, LA));
    // The form is ready for the next task: no time left behind.
    await expect.poll(() => page.getByTestId("new-time").inputValue()).toBe("");

    // Edit: the form shows 10:00 in LA; saving another change keeps the instant.
    await taskRow(page, "Call the dentist").getByTestId("task-edit").click();
    expect(await page.getByTestId("edit-due").inputValue()).toBe(tomorrow);
    expect(await page.getByTestId("edit-time").inputValue()).toBe("10:00");
    await page.getByTestId("edit-title").fill("Call the dentist back");
    await page.getByTestId("edit-save").click();
    expect((await dueChip(page, "Call the dentist back")).text).toBe("Tomorrow 10:00 AM");
    expect((await apiTask(page, "Call the dentist back")).due_at).toBe(stored.due_at);

    // A new time is read in LA; clearing the time makes it all-day.
    await taskRow(page, "Call the dentist back").getByTestId("task-edit").click();
    await page.getByTestId("edit-time").fill("09:30");
    await page.getByTestId("edit-save").click();
    await eventually(
      async () => (await dueChip(page, "Call the dentist back")).text === "Tomorrow 9:30 AM",
      "9:30 on the chip",
    );
    expect(new Date((await apiTask(page, "Call the dentist back")).due_at ?? "").toISOString()).toBe(
      wallToInstant(`${tomorrow}T09:30`, LA),
    );
    await taskRow(page, "Call the dentist back").getByTestId("task-edit").click();
    await page.getByTestId("edit-time").fill("");
    await page.getByTestId("edit-save").click();
    await eventually(
      async () => (await dueChip(page, "Call the dentist back")).text === "Tomorrow",
      "an all-day chip",
    );
    expect(await apiTask(page, "Call the dentist back")).toMatchObject({ due_at: tomorrow, all_day: true });

    // Clearing the date clears the time with it; a time without a date asks for one.
    await taskRow(page, "Call the dentist back").getByTestId("task-edit").click();
    await page.getByTestId("edit-time").fill("08:00");
    await page.getByTestId("edit-due").fill("");
    expect(await page.getByTestId("edit-time").inputValue()).toBe("");
    await page.getByTestId("edit-time").fill("08:00");
    await page.getByTestId("edit-save").click();
    await page.getByText("Pick a date to go with the time.").waitFor();
    await page.getByTestId("edit-cancel").click();
    await context.close();
  }, 90_000);

  it("shows an all-day task as the same calendar day in Los Angeles and Tokyo", async () => {
    const day = zoneDay("UTC", 3);
    const long = new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", {
      weekday: "long",
      month: "long",
      day: "numeric",
      year: "numeric",
      timeZone: "UTC",
    });
    for (const zone of [LA, TOKYO]) {
      const { context, page } = await signedUpIn(zone, `Ally ${zone.split("/")[1]}`);
      await page.getByTestId("zone-notice").waitFor();
      await seedTasks(page, suite.webUrl, [{ title: "Renew passport", due_at: day }]);
      expect(await apiTask(page, "Renew passport")).toMatchObject({ due_at: day, all_day: true });
      await page.reload();
      const chip = await dueChip(page, "Renew passport");
      expect(chip, zone).toMatchObject({ day, time: null, title: `Due ${long}` });
      expect(chip.text).not.toMatch(/AM|PM/);
      await context.close();
    }
  }, 90_000);

  it("makes a timed task due earlier today overdue, and not an all-day task due today", async () => {
    const { context, page } = await signedUpIn(LA, "Otto Overdue");
    await page.getByTestId("zone-notice").waitFor();
    const today = zoneDay(LA);
    // A wall time without an offset is read by the api in the user's zone: midnight today in LA.
    await seedTasks(page, suite.webUrl, [
      { title: "Morning run", due_at: `${today}T00:00` },
      { title: "Pay rent", due_at: today },
    ]);
    await page.reload();
    expect(await dueChip(page, "Morning run")).toMatchObject({ day: today, overdue: "true" });
    expect((await dueChip(page, "Morning run")).text).toBe("Overdue · Today 12:00 AM");
    expect(await taskRow(page, "Morning run").getAttribute("data-overdue")).toBe("true");
    expect(await dueChip(page, "Pay rent")).toMatchObject({ day: today, overdue: "false", text: "Today" });
    expect(await taskRow(page, "Pay rent").getAttribute("data-overdue")).toBe("false");
    await context.close();
  }, 60_000);
});

describe("chat turns are not run twice", () => {
  it("a retry with the same client_turn_id through the web's /api proxy adds the task once", async () => {
    const { context, page } = await signedUpIn("UTC", "Retry Rita");
    const body = { message: "add water the ferns tomorrow", client_turn_id: "e2e-turn-ferns-1" };
    const first = await page.request.post(`${suite.webUrl}/api/chat`, { data: body });
    expect(first.status()).toBe(200);
    // The same turn again, streamed this time (as the web sends it): the stored turn comes back.
    const again = await page.request.post(`${suite.webUrl}/api/chat`, {
      data: body,
      headers: { accept: "text/event-stream" },
    });
    expect(again.status()).toBe(200);
    const firstTurn = (await first.json()) as { conversation_id: number; response: string };
    expect(await again.text()).toContain(`"conversation_id":${firstTurn.conversation_id}`);
    const list = await page.request.get(`${suite.webUrl}/api/tasks?q=ferns`);
    expect(((await list.json()) as { items: ApiTask[] }).items.map((task) => task.title)).toEqual([
      "water the ferns",
    ]);
    await context.close();
  }, 60_000);

  it("the chat panel sends a message again with the same turn id after a lost answer", async () => {
    const { context, page } = await signedUpIn("UTC", "Lost Leo");
    const sent: string[] = [];
    // The first answer is lost on the way back: the api did the work, the browser sees a network error.
    await page.route("**/api/chat", async (route) => {
      sent.push((route.request().postDataJSON() as { client_turn_id: string }).client_turn_id);
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.getByTestId("chat-input").fill("add feed the cat tomorrow");
    await page.getByTestId("chat-input").press("Enter");
    await page.locator('[data-testid="chat-message"][data-status="error"]').waitFor();
    await page.unroute("**/api/chat");
    page.on("request", (request) => {
      if (request.url().endsWith("/api/chat"))
        sent.push((request.postDataJSON() as { client_turn_id: string }).client_turn_id);
    });
    await page.getByTestId("chat-input").fill("add feed the cat tomorrow");
    await page.getByTestId("chat-input").press("Enter");
    await page.getByTestId("tool-chip").first().waitFor();
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^[\w-]{16,}$/);
    expect(sent[1]).toBe(sent[0]);
    await taskRow(page, "feed the cat").waitFor();
    const list = await page.request.get(`${suite.webUrl}/api/tasks?q=cat`);
    expect(((await list.json()) as { items: ApiTask[] }).items).toHaveLength(1);

    // A new message is a new turn.
    await page.getByTestId("chat-input").fill("what's pending?");
    await page.getByTestId("chat-input").press("Enter");
    await eventually(() => sent.length === 3, "third turn sent");
    expect(sent[2]).not.toBe(sent[0]);
    await context.close();
  }, 60_000);

  it("shows earlier messages of a long conversation on request", async () => {
    const { context, page } = await signedUpIn("UTC", "Paige Pager");
    let conversationId: number | undefined;
    for (let turn = 1; turn <= 26; turn++) {
      const response = await page.request.post(`${suite.webUrl}/api/chat`, {
        data: {
          message: `add chore ${turn}`,
          ...(conversationId ? { conversation_id: conversationId } : {}),
        },
      });
      expect(response.status()).toBe(200);
      conversationId = ((await response.json()) as { conversation_id: number }).conversation_id;
    }
    await page.reload();
    await page.getByTestId("chat-history").click();
    await page.getByTestId("conversation-item").first().locator("button").first().click();
    const messages = page.getByTestId("chat-message");
    await eventually(async () => (await messages.count()) === 50, "the newest page (50 messages)");
    expect(await messages.first().textContent()).toContain("add chore 2");
    await page.getByTestId("chat-earlier").click();
    await eventually(async () => (await messages.count()) === 52, "all 52 messages");
    expect(await messages.first().textContent()).toBe("add chore 1");
    expect(await page.getByTestId("chat-earlier").count()).toBe(0);
    await context.close();
  }, 120_000);
});

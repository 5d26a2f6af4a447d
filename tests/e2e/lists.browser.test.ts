// Lists in a real browser (Debian chromium via playwright-core) against the whole built stack: the
// sidebar creates, renames and deletes lists (a refused name and a duplicate said in words, nothing
// made); the board shows one list or the Inbox (with the view tabs on top), counts follow changes made
// here and elsewhere; a task moves by the form and by native drag and drop; a new task goes in the
// list shown; deleting a list moves its tasks to the Inbox (here, in another session or by the
// assistant, whose lists show without a reload); another user's list id is a list that does not exist
// (a way back, no Retry); another user never sees them; it all
// works by keyboard alone; and at phone width the sidebar is a disclosure that covers no task action.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import {
  addTaskViaForm,
  boardTitles,
  eventually,
  newContext,
  newUser,
  screenshot,
  seedTasks,
  signIn,
  signUp,
  taskRow,
  utcDay,
} from "./browser/pages";
import { useStackAndBrowser } from "./browser/suite";

const suite = useStackAndBrowser();
const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

type ApiList = { id: number; name: string; task_count: number };
type ApiTask = { id: number; title: string; list_id: number | null };

async function onBoard(name: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await newContext(suite.browser, viewport);
  contexts.push(context);
  const page = await context.newPage();
  await signUp(page, suite.webUrl, newUser(name));
  return page;
}

async function apiLists(page: Page): Promise<ApiList[]> {
  const response = await page.request.get(`${suite.webUrl}/api/lists`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: ApiList[] }).items;
}

async function apiTask(page: Page, title: string): Promise<ApiTask> {
  const response = await page.request.get(`${suite.webUrl}/api/tasks?q=${encodeURIComponent(title)}`);
  const found = ((await response.json()) as { items: ApiTask[] }).items.find((task) => task.title === title);
  if (!found) throw new Error(`no task “${title}”`);
  return found;
}

const listItem = (page: Page, name: string): Locator =>
  page.getByTestId("list-item").filter({ has: page.getByRole("link", { name: new RegExp(`^${name} ?,`) }) });

async function countOf(page: Page, name: string): Promise<string> {
  const place = { Inbox: "place-inbox", "All tasks": "place-all" }[name];
  const badge = place
    ? page.getByTestId(`${place}-count`)
    : listItem(page, name).getByTestId("list-link-count");
  return ((await badge.textContent()) ?? "").trim();
}

async function expectCount(page: Page, name: string, count: number): Promise<void> {
  await eventually(
    async () => (await countOf(page, name)) === String(count),
    `${name}'s count to be ${count}`,
  );
}

async function createList(page: Page, name: string): Promise<void> {
  await page.getByTestId("create-list").click();
  await page.getByTestId("create-list-name").fill(name);
  await page.getByTestId("create-list-name").press("Enter");
  await listItem(page, name).waitFor();
}

/** Presses Tab until `target` (a test id, or a locator) has the focus. */
async function tabTo(page: Page, target: string | Locator): Promise<void> {
  const element = (typeof target === "string" ? page.getByTestId(target) : target).first();
  for (let i = 0; i < 80; i++) {
    if (await element.evaluate((node) => node === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

describe("lists on the board", () => {
  it("creates lists, adds into the one shown, counts, filters, moves by form and by drag, renames and deletes", async () => {
    const page = await onBoard("Lena Lists");
    await page.getByTestId("lists-empty").waitFor();

    await createList(page, "Health");
    await createList(page, "Work");
    // Refused names are said in words and make nothing: empty, "Inbox", and a name taken (any case: a 409).
    await page.getByTestId("create-list").click();
    const name = page.getByTestId("create-list-name");
    const refused: [string, string][] = [
      ["   ", "Give the list a name."],
      ["inbox", "“Inbox” is where tasks in no list go already"],
      ["health", "You already have a list called “health”"],
    ];
    for (const [typed, said] of refused) {
      await name.fill(typed);
      await name.press("Enter");
      await expect.poll(() => page.getByTestId("create-list-error").textContent()).toContain(said);
      expect(await name.getAttribute("aria-invalid")).toBe("true");
    }
    await name.press("Escape");
    expect((await apiLists(page)).map((list) => list.name)).toEqual(["Health", "Work"]);
    const [health, work] = await apiLists(page);
    if (!health || !work) throw new Error("lists missing");

    // Selecting a list puts it in the URL, marks it current, names the board and gives new tasks to it.
    await listItem(page, "Health").getByRole("link").click();
    await page.waitForURL((url) => url.searchParams.get("list") === String(health.id));
    expect(await listItem(page, "Health").getByRole("link").getAttribute("aria-current")).toBe("page");
    expect(await page.getByTestId("place-all").getByRole("link").getAttribute("aria-current")).toBeNull();
    await expect.poll(() => page.locator("#board-heading").textContent()).toBe("Health");
    await expect.poll(() => page.getByTestId("new-list").inputValue()).toBe(String(health.id));
    await expect.poll(() => page.getByTestId("board-empty").textContent()).toContain("Nothing in Health yet");
    await addTaskViaForm(page, { title: "Book a checkup" });
    expect((await apiTask(page, "Book a checkup")).list_id).toBe(health.id);
    await expectCount(page, "Health", 1);

    // The Inbox: tasks in no list.
    await page.getByTestId("place-inbox").getByRole("link").click();
    await page.waitForURL((url) => url.searchParams.get("list") === "inbox");
    // The add form follows the list shown once the URL has landed (an effect), not with it.
    await expect.poll(() => page.getByTestId("new-list").inputValue()).toBe("");
    await addTaskViaForm(page, { title: "Buy milk" });
    expect((await apiTask(page, "Buy milk")).list_id).toBeNull();
    expect(await boardTitles(page)).toEqual(["Buy milk"]);
    await expectCount(page, "Inbox", 1);

    // Every list: chips say which list a task is in (none for the Inbox).
    await page.getByTestId("place-all").getByRole("link").click();
    await page.waitForURL((url) => !url.searchParams.has("list"));
    await expect.poll(() => boardTitles(page)).toEqual(["Buy milk", "Book a checkup"]);
    expect(await taskRow(page, "Book a checkup").getByTestId("list-chip").textContent()).toContain("Health");
    expect(await taskRow(page, "Buy milk").getByTestId("list-chip").count()).toBe(0);
    await expectCount(page, "All tasks", 2);

    // Move by the form: the editor's List field.
    await taskRow(page, "Buy milk").getByTestId("task-edit").click();
    expect(await page.getByTestId("edit-list").inputValue()).toBe("");
    await page.getByTestId("edit-list").selectOption({ label: "Work" });
    await page.getByTestId("edit-save").click();
    await expect
      .poll(() => taskRow(page, "Buy milk").getByTestId("list-chip").textContent())
      .toContain("Work");
    expect((await apiTask(page, "Buy milk")).list_id).toBe(work.id);
    await expectCount(page, "Work", 1);
    await expectCount(page, "Inbox", 0);

    // A list combines with the view: Health's tasks due today.
    await seedTasks(page, suite.webUrl, [{ title: "Take vitamins", due_at: utcDay(0), list_id: health.id }]);
    await expectCount(page, "Health", 2);
    await listItem(page, "Health").getByRole("link").click();
    await page.waitForURL((url) => url.searchParams.get("list") === String(health.id));
    await expect.poll(() => boardTitles(page)).toEqual(["Take vitamins", "Book a checkup"]);
    await page.getByTestId("view-today").click();
    await page.waitForURL((url) => url.searchParams.get("view") === "today");
    expect(new URL(page.url()).searchParams.get("list")).toBe(String(health.id));
    await expect.poll(() => boardTitles(page)).toEqual(["Take vitamins"]);
    // The view counts are their own request, which may settle after the list's.
    await expect.poll(() => page.getByTestId("view-count-today").textContent()).toBe("1");

    // Move by drag and drop: the row onto Work (highlighted while over it), announced; it leaves Health.
    const workTarget = listItem(page, "Work").getByTestId("list-link");
    await taskRow(page, "Take vitamins").dragTo(workTarget);
    await expect
      .poll(() => page.getByTestId("lists-status").textContent())
      .toBe("Moved “Take vitamins” to Work");
    expect(await page.getByTestId("lists-status").getAttribute("aria-live")).toBe("polite");
    await expect.poll(() => taskRow(page, "Take vitamins").count()).toBe(0);
    expect((await apiTask(page, "Take vitamins")).list_id).toBe(work.id);
    await expectCount(page, "Work", 2);
    await expectCount(page, "Health", 1);
    expect(await workTarget.getAttribute("data-drop-over")).toBe("false");

    // ...and onto the Inbox, from every list's board.
    await page.getByTestId("place-all").getByRole("link").click();
    await page.waitForURL((url) => !url.searchParams.has("list"));
    await taskRow(page, "Buy milk").waitFor();
    await taskRow(page, "Buy milk").dragTo(page.getByTestId("place-inbox"));
    await expect
      .poll(() => page.getByTestId("lists-status").textContent())
      .toBe("Moved “Buy milk” to the Inbox");
    await expect.poll(() => taskRow(page, "Buy milk").getByTestId("list-chip").count()).toBe(0);
    expect((await apiTask(page, "Buy milk")).list_id).toBeNull();
    await expectCount(page, "Inbox", 1);

    // Counts follow a change made elsewhere (the live stream), without a reload.
    await seedTasks(page, suite.webUrl, [{ title: "File expenses", list_id: work.id }]);
    await expectCount(page, "Work", 2);

    // Rename inline; a name taken is refused with the api's 409 in words.
    await listItem(page, "Work").getByTestId("list-rename").click();
    await page.getByTestId("rename-list-name").fill("HEALTH");
    await page.getByTestId("rename-list-name").press("Enter");
    await expect
      .poll(() => page.getByTestId("rename-list-error").textContent())
      .toContain("already have a list");
    await page.getByTestId("rename-list-name").fill("Office");
    await page.getByTestId("rename-list-name").press("Enter");
    await listItem(page, "Office").waitFor();
    await expect
      .poll(() => taskRow(page, "File expenses").getByTestId("list-chip").textContent())
      .toContain("Office");
    expect((await apiLists(page)).map((list) => list.name)).toEqual(["Health", "Office"]);

    // Delete Health while showing it: the confirm says what happens, its task goes to the Inbox (shown next).
    await listItem(page, "Health").getByRole("link").click();
    await page.waitForURL((url) => url.searchParams.get("list") === String(health.id));
    await listItem(page, "Health").getByTestId("list-delete").click();
    expect(await page.getByTestId("list-delete-confirm").textContent()).toContain(
      "Delete “Health”? Its 1 open task moves to the Inbox",
    );
    await screenshot(page, "lists-delete-confirm");
    await page.getByTestId("list-delete-yes").click();
    await page.waitForURL((url) => url.searchParams.get("list") === "inbox");
    await expect.poll(() => listItem(page, "Health").count()).toBe(0);
    expect((await apiTask(page, "Book a checkup")).list_id).toBeNull();
    await expect.poll(() => boardTitles(page)).toEqual(["Buy milk", "Book a checkup"]);
    await expectCount(page, "Inbox", 2);
    expect((await apiLists(page)).map((list) => list.name)).toEqual(["Office"]);
    await screenshot(page, "lists-board");
  });

  it("never shows one user's lists or their tasks to another", async () => {
    const first = await onBoard("Owner Olga");
    await createList(first, "Secret plans");
    const [secret] = await apiLists(first);
    await seedTasks(first, suite.webUrl, [{ title: "Hidden task", list_id: secret?.id }]);

    const second = await onBoard("Other Otto");
    await second.getByTestId("lists-empty").waitFor();
    expect(await apiLists(second)).toEqual([]);
    expect(await second.getByTestId("new-list").locator("option").allTextContents()).toEqual(["Inbox"]);
    // Their list's id in the URL shows nothing of theirs: the api says it is not found, which the board
    // says as a list that does not exist (no Retry that cannot work), no place marked current, and a
    // link back to every list that keeps the view.
    await second.goto(`${suite.webUrl}/?list=${secret?.id}&view=today`);
    const missing = second.getByTestId("board-no-list");
    await missing.waitFor();
    expect(await missing.textContent()).toContain("This list doesn’t exist");
    expect(await missing.textContent()).toContain("It may have been deleted.");
    expect(await second.getByTestId("board-error").count()).toBe(0);
    expect(await second.getByTestId("board-retry").count()).toBe(0);
    expect(await second.locator('[data-testid="list-sidebar"] [aria-current="page"]').count()).toBe(0);
    expect(await second.getByText("Hidden task").count()).toBe(0);
    expect(await second.getByText("Secret plans").count()).toBe(0);
    // The add form there starts in the Inbox (no "List <id>" for a list that is not there), and adds.
    // (Once the user's lists have loaded: until then the field keeps the id it was given.)
    const listField = second.getByTestId("new-list");
    await expect.poll(() => listField.inputValue()).toBe("");
    await expect.poll(() => listField.locator("option").allTextContents()).toEqual(["Inbox"]);
    await second.getByTestId("new-title").fill("Lands in the Inbox");
    await second.getByTestId("new-title").press("Enter");
    await eventually(
      async () => (await apiTask(second, "Lands in the Inbox").catch(() => null))?.list_id === null,
      "the task added on the missing list's page, in the Inbox",
    );
    await expect.poll(() => second.getByTestId("new-title").inputValue()).toBe("");
    await missing.getByRole("link", { name: "Show all tasks" }).click();
    await second.waitForURL(
      (url) => !url.searchParams.has("list") && url.searchParams.get("view") === "today",
    );
    await second.getByTestId("board-empty").waitFor();
    expect(await second.getByTestId("board-no-list").count()).toBe(0);
    expect(await second.getByTestId("place-today").getByRole("link").getAttribute("aria-current")).toBe(
      "page",
    );
    const moved = await second.request.post(`${suite.webUrl}/api/tasks`, {
      data: { title: "Sneak in", list_id: secret?.id },
    });
    expect(moved.status()).toBeGreaterThanOrEqual(400);
    expect((await apiLists(first))[0]?.task_count).toBe(1);
  });

  it("leaves a list shown when another session deletes it: to the Inbox, at once or, empty, when the tab is shown again", async () => {
    const user = newUser("Dora Deleted");
    const context = await newContext(suite.browser);
    contexts.push(context);
    const page = await context.newPage();
    await signUp(page, suite.webUrl, user);
    await createList(page, "Trip");
    await createList(page, "Keep");
    const trip = (await apiLists(page)).find((list) => list.name === "Trip");
    await seedTasks(page, suite.webUrl, [{ title: "Pack bags", list_id: trip?.id }]);
    await listItem(page, "Trip").getByRole("link").click();
    await page.waitForURL((url) => url.searchParams.get("list") === String(trip?.id));
    await taskRow(page, "Pack bags").waitFor();

    // Another session of the same user deletes it through the api; this page only hears the live stream.
    const otherContext = await newContext(suite.browser);
    contexts.push(otherContext);
    const other = await otherContext.newPage();
    await signIn(other, suite.webUrl, user);
    expect((await other.request.delete(`${suite.webUrl}/api/lists/${trip?.id}`)).status()).toBe(204);

    // As a delete here does: the board moves to the Inbox, says why, and the sidebar drops the list.
    await page.waitForURL((url) => url.searchParams.get("list") === "inbox");
    await expect
      .poll(() => page.getByTestId("lists-status").textContent())
      .toBe("“Trip” was deleted; its tasks are in the Inbox");
    await expect.poll(() => listItem(page, "Trip").count()).toBe(0);
    await listItem(page, "Keep").waitFor();
    await expect.poll(() => page.locator("#board-heading").textContent()).toBe("Inbox");
    await expect.poll(() => boardTitles(page)).toEqual(["Pack bags"]);
    expect(await page.getByTestId("board-error").count()).toBe(0);
    expect(await page.getByTestId("board-no-list").count()).toBe(0);
    expect(await page.getByTestId("place-inbox").getByRole("link").getAttribute("aria-current")).toBe("page");

    // An empty list sends no live event when deleted elsewhere: the tab shown again loads the lists.
    const keep = (await apiLists(page)).find((list) => list.name === "Keep");
    await listItem(page, "Keep").getByRole("link").click();
    await page.waitForURL((url) => url.searchParams.get("list") === String(keep?.id));
    await page.getByTestId("board-empty").waitFor();
    expect((await other.request.delete(`${suite.webUrl}/api/lists/${keep?.id}`)).status()).toBe(204);
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await page.waitForURL((url) => url.searchParams.get("list") === "inbox");
    await expect.poll(() => listItem(page, "Keep").count()).toBe(0);
    await page.getByTestId("lists-empty").waitFor();
  });

  it("shows lists the assistant creates, renames and deletes without a reload", async () => {
    const page = await onBoard("Ari Assistant");
    await page.getByTestId("lists-empty").waitFor();
    const done = page.locator('[data-testid="chat-message"][data-role="assistant"][data-status="done"]');
    async function say(text: string, turn: number): Promise<void> {
      await page.getByTestId("chat-input").fill(text);
      await page.getByTestId("chat-input").press("Enter");
      await done.nth(turn).waitFor({ timeout: 30_000 });
    }

    await say("create a list called Errands", 0);
    expect(await page.getByTestId("tool-chip").last().getAttribute("data-tool")).toBe("create_list");
    await listItem(page, "Errands").waitFor();
    const [errands] = await apiLists(page);
    await listItem(page, "Errands").getByRole("link").click();
    await page.waitForURL((url) => url.searchParams.get("list") === String(errands?.id));
    await addTaskViaForm(page, { title: "Buy stamps" });

    await say("rename my Errands list to Chores", 1);
    expect(await page.getByTestId("tool-chip").last().getAttribute("data-tool")).toBe("rename_list");
    await listItem(page, "Chores").waitFor();
    expect(await listItem(page, "Errands").count()).toBe(0);
    await expect.poll(() => page.locator("#board-heading").textContent()).toBe("Chores");

    // Deleted by the assistant while shown: the same as a delete here, to the Inbox with its task.
    await say("yes delete the chores list", 2);
    expect(await page.getByTestId("tool-chip").last().getAttribute("data-tool")).toBe("delete_list");
    await page.waitForURL((url) => url.searchParams.get("list") === "inbox");
    await expect.poll(() => listItem(page, "Chores").count()).toBe(0);
    await page.getByTestId("lists-empty").waitFor();
    await expect.poll(() => boardTitles(page)).toEqual(["Buy stamps"]);
    expect(await page.getByTestId("board-no-list").count()).toBe(0);
    expect(await apiLists(page)).toEqual([]);
  });

  it("works by keyboard alone: create a list, select it, add into it, move a task by the form", async () => {
    const page = await onBoard("Kim Keys");
    await tabTo(page, "create-list");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Errands");
    await page.keyboard.press("Enter");
    await listItem(page, "Errands").waitFor();
    // Focus is back on "New list", not lost.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("create-list");

    await tabTo(page, listItem(page, "Errands").getByRole("link"));
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.has("list"));
    await tabTo(page, "new-title");
    await page.keyboard.type("Post the parcel");
    await page.keyboard.press("Enter");
    await taskRow(page, "Post the parcel").waitFor();
    const [errands] = await apiLists(page);
    expect((await apiTask(page, "Post the parcel")).list_id).toBe(errands?.id);

    await tabTo(page, taskRow(page, "Post the parcel").getByTestId("task-edit"));
    await page.keyboard.press("Enter");
    await page.getByTestId("task-editor").waitFor();
    await tabTo(page, "edit-list");
    await page.keyboard.press("ArrowUp");
    expect(await page.getByTestId("edit-list").inputValue()).toBe("");
    await tabTo(page, "edit-save");
    await page.keyboard.press("Enter");
    // The editor stands in the row's place until the save is answered: wait for it to close, then the
    // row has left Errands' board because it moved to the Inbox.
    await page.getByTestId("task-editor").waitFor({ state: "detached" });
    await expect.poll(() => taskRow(page, "Post the parcel").count()).toBe(0);
    expect((await apiTask(page, "Post the parcel")).list_id).toBeNull();
  });

  it("at phone width the sidebar is a disclosure above the board that covers no task action", async () => {
    const page = await onBoard("Pia Phone", { width: 390, height: 844 });
    const toggle = page.getByTestId("lists-toggle");
    await toggle.waitFor();
    expect(await page.getByTestId("lists-panel").isVisible()).toBe(false);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await createList(page, "Garden");
    await listItem(page, "Garden").getByRole("link").click();
    await page.waitForURL((url) => url.searchParams.has("list"));
    // Choosing closes it and says where the board is.
    expect(await page.getByTestId("lists-panel").isVisible()).toBe(false);
    await expect.poll(() => toggle.textContent()).toContain("Garden");
    await addTaskViaForm(page, { title: "Water the roses" });

    await toggle.click();
    const edit = taskRow(page, "Water the roses").getByTestId("task-edit");
    await edit.scrollIntoViewIfNeeded();
    // Nothing lies over the row's actions with the panel open, and the panel fits the screen's width.
    const onTop = await edit.evaluate((button) => {
      const box = button.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return hit !== null && button.contains(hit);
    });
    expect(onTop).toBe(true);
    const panel = await page.getByTestId("list-sidebar").boundingBox();
    expect(panel && panel.x >= 0 && panel.x + panel.width <= 390).toBe(true);
    await screenshot(page, "lists-phone");
    // Escape from inside the open panel closes it and gives the focus back to its button.
    await page.getByTestId("place-inbox").getByRole("link").focus();
    await page.keyboard.press("Escape");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await toggle.evaluate((button) => button === document.activeElement)).toBe(true);
  });
});

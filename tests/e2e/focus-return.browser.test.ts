// Focus comes back to the control that opened a form, a confirm or a dialog when it closes, on a slow
// device too: the browser's CPU is throttled 10× (a low-end phone), so a React commit lands after the
// next animation frame. Focus moved on a timer instead of after the commit was lost to <body> there
// (creating a list, 4 times in 6); a keyboard user then starts again from the top of the page. A list
// created or renamed shows as saved where the focus lands, and one deleted is gone with the focus on
// its neighbour, while the reload of the lists is held.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { newContext, newUser, seedTasks, signUp, taskRow } from "./browser/pages";
import { useStackAndBrowser } from "./browser/suite";

const suite = useStackAndBrowser();
const SLOWDOWN = 10;

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    // The row it is in, by the list's link or the task's title (an open editor has neither).
    const row = element?.closest("[data-testid=list-item],[data-testid=task-item]");
    const name = row?.matches("[data-testid=list-item]") ? "a span[dir=auto]" : "[data-testid=task-title]";
    const where = row?.querySelector(name)?.textContent?.trim();
    return `${element?.getAttribute("data-testid") ?? element?.tagName}${where ? ` in ${where}` : ""}`;
  });

const listNames = (page: Page) => page.locator("[data-testid=list-item] a span[dir=auto]").allTextContents();

async function press(page: Page, testId: string, within?: string): Promise<void> {
  const scope = within
    ? page.locator("[data-testid=list-item],[data-testid=task-item]").filter({ hasText: within })
    : page;
  await scope.getByTestId(testId).first().focus();
  await page.keyboard.press("Enter");
}

/** Holds every GET /api/lists until `release`: the reload a change starts, slowed as far as a test likes. */
async function holdListReloads(page: Page) {
  const waiting: (() => void)[] = [];
  const handled: Promise<void>[] = [];
  let released = false;
  const pattern = "**/api/lists";
  await page.route(pattern, (route) => {
    const held =
      route.request().method() === "GET" && !released
        ? new Promise<void>((go) => waiting.push(go))
        : undefined;
    const done = (async () => {
      await held;
      await route.continue();
    })();
    handled.push(done);
    return done;
  });
  return {
    count: () => waiting.length,
    release: async () => {
      released = true;
      for (const go of waiting.splice(0)) go();
      await Promise.all(handled);
      await page.unroute(pattern);
    },
  };
}

describe("focus comes back after a form, a confirm or a dialog closes, on a slow CPU", () => {
  let page: Page;
  afterAll(() => page?.context().close());

  it("signs up and throttles the CPU", async () => {
    const context = await newContext(suite.browser);
    page = await context.newPage();
    await signUp(page, suite.webUrl, newUser("Sol Slow"));
    await seedTasks(page, suite.webUrl, [{ title: "Post the parcel" }]);
    await page.reload();
    await taskRow(page, "Post the parcel").waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
  });

  it.each([1, 2, 3])(
    "a list created (%i) gives the focus back to “New list”, beside the new list",
    async (n) => {
      const held = await holdListReloads(page);
      const name = n === 1 ? "Errands" : `List ${n}`;
      await press(page, "create-list");
      await page.keyboard.type(name);
      await page.keyboard.press("Enter");
      await expect.poll(() => focused(page)).toBe("create-list");
      await expect.poll(() => listNames(page)).toContain(name);
      await expect.poll(() => held.count()).toBeGreaterThan(0);
      await held.release();
    },
  );

  it("a list form cancelled by Escape gives it back too", async () => {
    await press(page, "create-list");
    await page.getByTestId("create-list-name").waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => focused(page)).toBe("create-list");
  });

  it("a rename saved gives it back to the list's Rename, under the saved name while the lists reload", async () => {
    // The reload of the lists after the save is held until the end: the row shows what the save
    // returned, not the old name until a slow reload lands (which this test once caught by chance).
    const held = await holdListReloads(page);
    await press(page, "list-rename", "Errands");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("Chores");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("list-rename in Chores");
    await expect.poll(() => held.count()).toBeGreaterThan(0);
    await held.release();
    await expect.poll(() => focused(page)).toBe("list-rename in Chores");
  });

  it("a delete confirm answered No gives it back to the list's Delete", async () => {
    await press(page, "list-delete", "Chores");
    await expect.poll(() => focused(page)).toBe("list-delete-no in Chores");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("list-delete in Chores");
  });

  it("a delete that fails keeps the focus on “Delete list” and says why; a second press meanwhile sends nothing", async () => {
    const deletes: ((outcome: "fail") => void)[] = [];
    await page.route("**/api/lists/*", async (route) => {
      if (route.request().method() !== "DELETE") return route.continue();
      await new Promise<"fail">((answer) => deletes.push(answer));
      await route.fulfill({
        status: 503,
        contentType: "application/problem+json",
        body: JSON.stringify({ status: 503, title: "Service Unavailable", detail: "Try again soon" }),
      });
    });
    await press(page, "list-delete", "Chores");
    await expect.poll(() => focused(page)).toBe("list-delete-no in Chores");
    await page.keyboard.press("Shift+Tab");
    await expect.poll(() => focused(page)).toBe("list-delete-yes in Chores");
    await page.keyboard.press("Enter");
    await expect.poll(() => deletes.length).toBe(1);
    await page.keyboard.press("Enter");
    await page.waitForTimeout(300);
    expect(deletes.length).toBe(1);
    for (const answer of deletes.splice(0)) answer("fail");
    const alert = page.getByTestId("list-delete-confirm").getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("Try again soon");
    expect(await focused(page)).toBe("list-delete-yes in Chores");
    await page.unroute("**/api/lists/*");
    await press(page, "list-delete-no", "Chores");
    await expect.poll(() => focused(page)).toBe("list-delete in Chores");
  });

  it("a list deleted gives it to the next list, the one before for the last, then to “New list”", async () => {
    // With the reload held: the row leaves as the delete answers, and the sidebar says it once.
    const held = await holdListReloads(page);
    const status = page.getByTestId("lists-status");
    await press(page, "list-delete", "Chores");
    await press(page, "list-delete-yes", "Chores");
    await expect.poll(() => focused(page)).toBe("A in List 2");
    expect(await listNames(page)).toEqual(["List 2", "List 3"]);
    await expect.poll(() => status.textContent()).toBe("Deleted “Chores”; its tasks are in the Inbox");
    await press(page, "list-delete", "List 3");
    await press(page, "list-delete-yes", "List 3");
    await expect.poll(() => focused(page)).toBe("A in List 2");
    await press(page, "list-delete", "List 2");
    await press(page, "list-delete-yes", "List 2");
    await expect.poll(() => focused(page)).toBe("create-list");
    await expect.poll(() => held.count()).toBeGreaterThan(0);
    await held.release();
    await page.getByTestId("lists-empty").waitFor();
    await expect.poll(() => focused(page)).toBe("create-list");
    expect(await status.textContent()).toBe("Deleted “List 2”; its tasks are in the Inbox");
  });

  it("a task edit saved gives it back to the task's Edit", async () => {
    await press(page, "task-edit", "Post the parcel");
    await expect.poll(() => focused(page)).toBe("edit-title");
    await page.keyboard.press("End");
    await page.keyboard.type(" today");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("task-edit in Post the parcel today");
  });

  it("the shortcuts dialog closed by Escape gives it back to where it was opened", async () => {
    await page.getByTestId("task-edit").first().focus();
    await page.keyboard.press("?");
    await expect.poll(() => focused(page)).toBe("shortcuts-close");
    await page.keyboard.press("Escape");
    await expect.poll(() => focused(page)).toBe("task-edit in Post the parcel today");
  });
});

// Keyboard-only use of the board in real Chromium against the built stack (issue #12, Keyboard): after
// sign-up not one mouse click — the skip link, q to add three tasks, Escape back to the list, j/k, x and
// z, e to edit and save, # to delete, z and the undo toast's button to restore, g t / g u, / and ?;
// after every action focus is somewhere sensible, never on <body>. At phone width the assistant is a
// real modal (focus in, trapped, page inert, Escape and Close, focus back to its button), and when it
// is closed its button does not cover a task's actions.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { eventually, newContext, newUser, seedTasks, signUp, taskRow, utcDay } from "./browser/pages";
import { useStackAndBrowser } from "./browser/suite";

const suite = useStackAndBrowser();

type Focus = { tag: string; testId: string | null; id: string; row: string | null; visibleRing: boolean };

/** What holds focus: its tag, test id, id, the title of the task row it is in, and whether it shows a ring. */
async function focus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const row = active?.closest('[data-testid="task-item"]');
    return {
      tag: active?.tagName.toLowerCase() ?? "none",
      testId: active?.getAttribute("data-testid") ?? null,
      id: active?.id ?? "",
      row: row?.querySelector('[data-testid="task-title"]')?.textContent ?? null,
      visibleRing: active ? active.matches(":focus-visible") : false,
    };
  });
}

/** Focus after an action: never <body> (nor nothing). */
async function focusKept(page: Page, after: string): Promise<Focus> {
  const now = await focus(page);
  expect(now.tag, `focus after ${after}`).not.toBe("body");
  expect(now.tag, `focus after ${after}`).not.toBe("none");
  return now;
}

/** Waits until the focused element is the row of `title` itself (the selection), with a visible ring. */
async function rowFocused(page: Page, title: string, after: string): Promise<void> {
  await expect.poll(async () => (await focus(page)).testId, { message: after }).toBe("task-item");
  const now = await focusKept(page, after);
  expect(now.row, after).toBe(title);
  expect(now.visibleRing, `${after}: a visible focus ring`).toBe(true);
  // Roving tabindex: the focused row is the one Tab stop of the list.
  const tabStops = await page.locator('[data-testid="task-item"][tabindex="0"]').count();
  expect(tabStops, after).toBe(1);
  expect(await taskRow(page, title).getAttribute("tabindex"), after).toBe("0");
}

async function serverTask(page: Page, title: string) {
  const response = await page.request.get(
    `${suite.webUrl}/api/tasks?status=all&q=${encodeURIComponent(title)}`,
  );
  const { items } = (await response.json()) as { items: { title: string; completed: boolean }[] };
  return items.find((task) => task.title === title) ?? null;
}

/** Waits until the row and the server both say whether the task is completed. */
async function completedIs(page: Page, title: string, completed: boolean): Promise<void> {
  await taskRow(page, title)
    .and(page.locator(`[data-completed="${completed}"]`))
    .waitFor();
  await eventually(
    async () => (await serverTask(page, title))?.completed === completed,
    `"${title}" completed: ${completed} on the server`,
  );
}

describe("the board by keyboard only", () => {
  it("adds, moves, completes, edits, deletes, undoes, switches views, searches and shows help without the mouse", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    await signUp(page, suite.webUrl, newUser("Kay Board"));
    await page.locator('[data-testid="board-results"][data-refreshing="false"]').waitFor();

    // The skip link is the first Tab stop, visible once focused, and lands in the (empty) task list.
    await page.keyboard.press("Tab");
    const skip = page.getByTestId("skip-link");
    expect((await focus(page)).testId).toBe("skip-link");
    expect(await skip.textContent()).toBe("Skip to tasks");
    const box = await skip.boundingBox();
    expect(box && box.width > 20 && box.height > 10).toBe(true);
    await page.keyboard.press("Enter");
    expect((await focusKept(page, "the skip link")).id).toBe("tasks");

    // q goes to the add field; each task is typed and added with Enter, and the field stays focused.
    await page.keyboard.press("q");
    expect((await focusKept(page, "q")).id).toBe("new-title");
    expect(await page.getByTestId("new-title").inputValue()).toBe("");
    for (const [line, title] of [
      ["Pay rent today", "Pay rent"],
      ["Call mom tomorrow", "Call mom"],
      ["Water plants", "Water plants"],
    ] as const) {
      await page.keyboard.type(line);
      await page.keyboard.press("Enter");
      await taskRow(page, title).waitFor();
      expect((await focusKept(page, `adding ${title}`)).id).toBe("new-title");
      // The row can come by the live stream before the add is answered; the field is cleared then.
      await expect.poll(() => page.getByTestId("new-title").inputValue()).toBe("");
    }
    // n does the same, and neither key types itself into a field it moved to.
    await page.keyboard.press("Escape");
    await rowFocused(page, "Water plants", "Escape from the add field");
    await page.keyboard.press("n");
    expect((await focusKept(page, "n")).id).toBe("new-title");
    expect(await page.getByTestId("new-title").inputValue()).toBe("");
    await page.keyboard.press("Escape");

    // j/k move through the rows (newest first), stopping at the ends; keys typed in a field do not move.
    await rowFocused(page, "Water plants", "Escape");
    await page.keyboard.press("j");
    await rowFocused(page, "Call mom", "j");
    await page.keyboard.press("j");
    await rowFocused(page, "Pay rent", "j");
    await page.keyboard.press("j");
    await rowFocused(page, "Pay rent", "j at the end");
    await page.keyboard.press("k");
    await rowFocused(page, "Call mom", "k");

    // x completes the selected task, z reopens it; focus stays on its row.
    await page.keyboard.press("x");
    await completedIs(page, "Call mom", true);
    await rowFocused(page, "Call mom", "x");
    await page.keyboard.press("z");
    await completedIs(page, "Call mom", false);
    await rowFocused(page, "Call mom", "z after x");

    // e opens the editor on the title (selected); Enter saves; focus stays in the row.
    await page.keyboard.press("e");
    await page.getByTestId("task-editor").waitFor();
    expect((await focusKept(page, "e")).testId).toBe("edit-title");
    await page.keyboard.type("Call mom and dad");
    await page.keyboard.press("Enter");
    await taskRow(page, "Call mom and dad").waitFor();
    await page.getByTestId("task-editor").waitFor({ state: "detached" });
    await expect
      .poll(async () => (await focus(page)).row, { message: "after saving" })
      .toBe("Call mom and dad");
    await focusKept(page, "saving the editor");
    expect(await serverTask(page, "Call mom and dad")).not.toBeNull();

    // # moves it to the trash; focus goes to the row now in its place; z brings it back and focuses it.
    await page.keyboard.press("#");
    await taskRow(page, "Call mom and dad").waitFor({ state: "detached" });
    await page.getByTestId("undo-toast").waitFor();
    await rowFocused(page, "Pay rent", "#");
    await eventually(async () => (await serverTask(page, "Call mom and dad")) === null, "in the trash");
    await page.keyboard.press("z");
    await taskRow(page, "Call mom and dad").waitFor();
    await rowFocused(page, "Call mom and dad", "z after #");
    expect(await serverTask(page, "Call mom and dad")).not.toBeNull();
    // The last row deleted: focus goes to the new last row; the undo toast's button is reachable by Tab.
    await page.keyboard.press("j");
    await rowFocused(page, "Pay rent", "j");
    await page.keyboard.press("#");
    await taskRow(page, "Pay rent").waitFor({ state: "detached" });
    await rowFocused(page, "Call mom and dad", "# on the last row");
    // The row leaves at once; the toast comes when the server has the task in the trash.
    await page.getByTestId("undo-toast").waitFor();
    let tabs = 0;
    while ((await focus(page)).testId !== "undo-delete" && tabs < 30) {
      await page.keyboard.press("Tab");
      tabs += 1;
    }
    expect((await focus(page)).testId, "Tab reaches the toast's Undo").toBe("undo-delete");
    await page.keyboard.press("Enter");
    await taskRow(page, "Pay rent").waitFor();
    await rowFocused(page, "Pay rent", "the toast's Undo");

    // g t and g u switch views (in the URL); the view's tab takes focus, and j goes on into its list.
    await page.keyboard.press("g");
    await page.keyboard.press("t");
    await page.waitForURL((url) => url.searchParams.get("view") === "today");
    expect((await focusKept(page, "g t")).testId).toBe("view-today");
    await page.locator('[data-testid="board-results"][data-refreshing="false"]').waitFor();
    await expect.poll(() => page.getByTestId("task-title").allTextContents()).toEqual(["Pay rent"]);
    await page.keyboard.press("j");
    await rowFocused(page, "Pay rent", "j in Today");
    await page.keyboard.press("g");
    await page.keyboard.press("u");
    await page.waitForURL((url) => url.searchParams.get("view") === "upcoming");
    expect((await focusKept(page, "g u")).testId).toBe("view-upcoming");
    await page.locator('[data-testid="board-results"][data-refreshing="false"]').waitFor();
    await expect
      .poll(() => page.getByTestId("task-title").allTextContents())
      .toEqual(["Pay rent", "Call mom and dad"]);

    // / goes to the search box without typing the slash; Escape comes back to the tasks.
    await page.keyboard.press("/");
    expect((await focusKept(page, "/")).id).toBe("task-search");
    expect(await page.locator("#task-search").inputValue()).toBe("");
    // Letters that are shortcuts elsewhere (e, n, t) are typed here.
    await page.keyboard.type("rent");
    expect(await page.locator("#task-search").inputValue()).toBe("rent");
    await page.waitForURL((url) => url.searchParams.get("q") === "rent");
    await expect.poll(() => page.getByTestId("task-title").allTextContents()).toEqual(["Pay rent"]);
    await page.keyboard.press("Escape");
    await rowFocused(page, "Pay rent", "Escape from search");

    // ? opens the help: a modal dialog listing every shortcut, focus inside and kept there; Escape
    // closes it and focus goes back to the row.
    const before = (await focus(page)).row;
    await page.keyboard.press("?");
    const help = page.getByTestId("shortcuts-help");
    await help.waitFor();
    expect(
      await help.evaluate((dialog) => (dialog as HTMLDialogElement).open && dialog.matches(":modal")),
    ).toBe(true);
    expect((await focusKept(page, "?")).testId).toBe("shortcuts-close");
    const listed = (await help.getByTestId("shortcut").allTextContents()).join("\n");
    for (const words of ["Add a task", "Search", "Next task", "Previous task", "Complete", "Edit", "Delete"])
      expect(listed).toContain(words);
    for (const words of ["Undo", "Go to Today", "Go to Upcoming", "Show these shortcuts"])
      expect(listed).toContain(words);
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    }
    // Shortcuts are quiet behind the dialog.
    await page.keyboard.press("j");
    expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });
    const after = await focusKept(page, "Escape from help");
    expect(after.row).toBe(before);

    // Nothing typed in a field or with a modifier is a shortcut: Ctrl+x on a row does not complete it.
    await page.keyboard.press("Control+x");
    expect(await taskRow(page, after.row ?? "").getAttribute("data-completed")).toBe("false");

    // On another page the skip link goes to its main content.
    await page.goto(`${suite.webUrl}/tokens`);
    await page.locator("main h1").first().waitFor();
    await page.keyboard.press("Tab");
    expect((await focus(page)).testId).toBe("skip-link");
    expect(await page.getByTestId("skip-link").textContent()).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect((await focusKept(page, "the skip link on Connect AI tools")).tag).toBe("main");
    await context.close();
  }, 120_000);
});

describe("the phone assistant", () => {
  it("is a modal: focus in and trapped, page inert, Escape and Close, focus back; closed it covers no task action", async () => {
    const context = await newContext(suite.browser, { width: 390, height: 844 });
    const page = await context.newPage();
    await signUp(page, suite.webUrl, newUser("Pho Nemodal"));
    await seedTasks(
      page,
      suite.webUrl,
      Array.from({ length: 9 }, (_, i) => ({ title: `Errand number ${i + 1}`, due_at: utcDay(i % 3) })),
    );
    await page.reload();
    await taskRow(page, "Errand number 1").waitFor();

    // Closed: scrolled to the end, the last row's actions are what a tap there hits, and a tap works.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = taskRow(page, "Errand number 1");
    for (const action of ["task-edit", "task-delete", "task-toggle"]) {
      const hit = await last.getByTestId(action).evaluate((control) => {
        const rect = control.getBoundingClientRect();
        const top = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        return top !== null && control.contains(top);
      });
      expect(hit, `${action} of the last row is not covered`).toBe(true);
    }
    // The whole row is clear of the Assistant button, not just its buttons (they sit at the row's top).
    const [row, fab] = [await last.boundingBox(), await page.getByTestId("chat-open").boundingBox()];
    if (!row || !fab) throw new Error("no row or Assistant button");
    const overlaps =
      row.x < fab.x + fab.width &&
      fab.x < row.x + row.width &&
      row.y < fab.y + fab.height &&
      fab.y < row.y + row.height;
    expect(overlaps, "the last row is not under the Assistant button").toBe(false);
    const edit = await last.getByTestId("task-edit").boundingBox();
    if (!edit) throw new Error("no edit button");
    await page.mouse.click(edit.x + edit.width / 2, edit.y + edit.height / 2);
    await page.getByTestId("task-editor").waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("task-editor").waitFor({ state: "detached" });

    // Opened from its button by keyboard: a modal dialog with focus in the message box.
    const opener = page.getByTestId("chat-open");
    await opener.focus();
    await page.keyboard.press("Enter");
    const sheet = page.getByTestId("chat-aside");
    await expect.poll(() => sheet.getAttribute("aria-modal")).toBe("true");
    expect(await sheet.getAttribute("role")).toBe("dialog");
    expect((await focus(page)).testId).toBe("chat-input");
    // The page behind is inert: the header, the add form and the rows.
    for (const selector of ["header", '[data-testid="add-task-form"]', '[data-testid="task-item"]'])
      expect(
        await page
          .locator(selector)
          .first()
          .evaluate((el) => el.closest("[inert]") !== null),
        selector,
      ).toBe(true);
    // Tab and Shift+Tab go round inside it.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i < 8 ? "Tab" : "Shift+Tab");
      const inside = await page.evaluate(
        () => document.activeElement?.closest('[data-testid="chat-aside"]') !== null,
      );
      expect(inside, `focus inside after ${i + 1} presses`).toBe(true);
    }
    // Escape closes it, focus returns to the button, and nothing is inert any more.
    await page.keyboard.press("Escape");
    await sheet.waitFor({ state: "hidden" });
    expect((await focus(page)).testId).toBe("chat-open");
    expect(await page.locator("[inert]").count()).toBe(0);

    // Close does the same.
    await page.keyboard.press("Enter");
    await expect.poll(() => sheet.getAttribute("aria-modal")).toBe("true");
    await page.getByTestId("chat-close").focus();
    await page.keyboard.press("Enter");
    await sheet.waitFor({ state: "hidden" });
    expect((await focus(page)).testId).toBe("chat-open");
    expect(await page.locator("[inert]").count()).toBe(0);
    await context.close();
  }, 90_000);
});

// User text in real Chromium against the built stack: a Hebrew or Arabic title renders right-to-left
// (dir="auto"), an English one stays left-to-right; a title over the contracts' limit is refused with a
// message in the add form, quick add and the inline editor, never cut; the tags field says how tags split.
import { TITLE_MAX_LENGTH } from "@taskflow/contracts";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addTaskViaForm, newContext, newUser, screenshot, signUp, taskRow } from "./browser/pages";
import { useStackAndBrowser } from "./browser/suite";

const suite = useStackAndBrowser();

async function signedUpPage(name: string): Promise<Page> {
  const page = await (await newContext(suite.browser)).newPage();
  await signUp(page, suite.webUrl, newUser(name));
  return page;
}

const direction = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => getComputedStyle(element).direction);

describe("right-to-left user text", () => {
  it("a Hebrew and an Arabic title and notes render RTL on the board, in the editor and in the chat; English stays LTR", async () => {
    const page = await signedUpPage("Rtl Person");
    const hebrew = "לקנות חלב";
    const arabic = "شراء الخبز";
    await addTaskViaForm(page, { title: hebrew, description: "ליד הבית" });
    await addTaskViaForm(page, { title: arabic });
    await addTaskViaForm(page, { title: "Buy bread" });

    const hebrewRow = taskRow(page, hebrew);
    expect(await hebrewRow.getByTestId("task-title").evaluate((e) => getComputedStyle(e).direction)).toBe(
      "rtl",
    );
    expect(
      await hebrewRow.getByTestId("task-description").evaluate((e) => getComputedStyle(e).direction),
    ).toBe("rtl");
    expect(
      await taskRow(page, arabic)
        .getByTestId("task-title")
        .evaluate((e) => getComputedStyle(e).direction),
    ).toBe("rtl");
    expect(
      await taskRow(page, "Buy bread")
        .getByTestId("task-title")
        .evaluate((e) => getComputedStyle(e).direction),
    ).toBe("ltr");
    await hebrewRow.getByTestId("task-edit").click();
    expect(await direction(page, '[data-testid="edit-title"]')).toBe("rtl");
    await page.keyboard.press("Escape");

    // The add field follows what is typed into it.
    await page.getByTestId("new-title").fill(arabic);
    expect(await direction(page, '[data-testid="new-title"]')).toBe("rtl");
    await page.getByTestId("new-title").fill("");

    await page.getByTestId("chat-input").fill(hebrew); // "add …" would start with an LTR word, so LTR
    await page.getByTestId("chat-input").press("Enter");
    await page.locator('[data-testid="chat-message"][data-role="assistant"][data-status="done"]').waitFor();
    expect(await direction(page, '[data-testid="chat-message"][data-role="user"] p')).toBe("rtl");
    await screenshot(page, "rtl-titles");
  });
});

describe("title length and tags", () => {
  it("a title over the limit is refused with a message in the add form, quick add and the editor, and nothing is cut or saved", async () => {
    const page = await signedUpPage("Long Titler");
    const long = `${"a".repeat(TITLE_MAX_LENGTH - 4)} tomorrow #x`; // quick-add marks, still over the limit
    expect(long.length).toBeGreaterThan(TITLE_MAX_LENGTH);
    const field = page.getByTestId("new-title");

    await field.fill("b".repeat(TITLE_MAX_LENGTH + 1));
    expect(await field.inputValue()).toHaveLength(TITLE_MAX_LENGTH + 1);
    await page.getByTestId("add-task").click();
    const errors = page.getByTestId("new-errors");
    await errors.waitFor();
    expect(await errors.textContent()).toContain(
      `The title is ${TITLE_MAX_LENGTH + 1} characters; the most is ${TITLE_MAX_LENGTH}.`,
    );
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await field.inputValue()).toHaveLength(TITLE_MAX_LENGTH + 1);

    // Quick add (Enter in the field, with marks in the text): refused the same way.
    await field.fill(long);
    await field.press("Enter");
    await errors.waitFor();
    expect(await errors.textContent()).toContain(`the most is ${TITLE_MAX_LENGTH}`);
    expect(await field.inputValue()).toBe(long);
    expect(await page.getByTestId("task-item").count()).toBe(0);

    // Exactly the limit is fine.
    await addTaskViaForm(page, { title: "c".repeat(TITLE_MAX_LENGTH) });
    const row = taskRow(page, "c".repeat(TITLE_MAX_LENGTH));

    // The inline editor: typing past the limit is kept in the field and refused on save.
    await row.getByTestId("task-edit").click();
    const edit = page.getByTestId("edit-title");
    await edit.fill("d".repeat(TITLE_MAX_LENGTH + 5));
    expect(await edit.inputValue()).toHaveLength(TITLE_MAX_LENGTH + 5);
    await edit.press("Enter");
    await expect
      .poll(async () => (await page.getByTestId("task-editor").textContent()) ?? "")
      .toContain(`The title is ${TITLE_MAX_LENGTH + 5} characters`);
    expect(await edit.getAttribute("aria-invalid")).toBe("true");
    await page.keyboard.press("Escape");
    const saved = await page.request.get(`${suite.webUrl}/api/tasks`);
    const body = (await saved.json()) as { title: string }[] | { items: { title: string }[] };
    const titles = (Array.isArray(body) ? body : body.items).map((task) => task.title);
    expect(titles).toEqual(["c".repeat(TITLE_MAX_LENGTH)]);
  });

  it("the tags field says that spaces or commas separate tags, and it is the field's description", async () => {
    const page = await signedUpPage("Tag Reader");
    // The board's first render may still hold a hidden copy of the form (see addTaskForm): one first.
    await expect.poll(() => page.getByTestId("add-task-form").count()).toBe(1);
    const hint = page.getByTestId("new-tags-hint");
    expect(await hint.textContent()).toBe("Spaces or commas separate tags");
    const describedBy = (await page.getByTestId("new-tags").getAttribute("aria-describedby")) ?? "";
    expect(describedBy.split(" ")).toContain(await hint.getAttribute("id"));
    const row = await addTaskViaForm(page, { title: "Pack", tags: "travel, summer  beach" });
    expect(await row.getByTestId("tag-chip").allTextContents()).toEqual(["#travel", "#summer", "#beach"]);
  });
});

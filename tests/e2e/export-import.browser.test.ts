// Export and import through the Settings page, by keyboard, in a real browser (Debian chromium via
// playwright-core) against the whole built stack: user A downloads everything as JSON (and the tasks
// as CSV) through the web's /api proxy; user B imports A's file (the preview counts it right, nothing
// changes before the confirm) and then has the same lists and tasks; a Todoist CSV export goes into a
// list named after the file; a broken file, a file the api refuses and one over 5 MB show why, and
// B's data stays as it was.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { boardTitles, newContext, newUser, seedTasks, signUp } from "./browser/pages";
import { useStackAndBrowser } from "./browser/suite";

const suite = useStackAndBrowser();
const scratch = mkdtempSync(join(tmpdir(), "taskflow-export-import-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// Each test's pages are closed after it, so their live connections do not slow the next one's.
const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

type ExportFile = {
  version: number;
  lists: { id: number; name: string }[];
  tasks: (Record<string, unknown> & { title: string; list_id?: number | null })[];
};
type ListList = { items: { id: number; name: string; task_count: number }[] };

/** The Todoist CSV columns, as Todoist documents its template export. */
const TODOIST_HEADER = "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE";

async function signedUp(name: string): Promise<Page> {
  const context = await newContext(suite.browser);
  contexts.push(context);
  const page = await context.newPage();
  // Keeps the page's file chooser intercepted from now on: without a listener Playwright turns the
  // interception off, and turning it on again could lose the race with the next key press.
  page.on("filechooser", () => {});
  await signUp(page, suite.webUrl, newUser(name));
  return page;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${suite.webUrl}${path}`);
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

/** The user's lists as name → open task count. */
async function listCounts(page: Page): Promise<Record<string, number>> {
  const { items } = await getJson<ListList>(page, "/api/lists");
  return Object.fromEntries(items.map((list) => [list.name, list.task_count]));
}

/** The export's tasks with their list by name (ids differ between users), sorted by title. */
function comparable(file: ExportFile): Record<string, unknown>[] {
  const names = new Map(file.lists.map((list) => [list.id, list.name]));
  return file.tasks
    .map(({ list_id, ...task }) => ({ ...task, list: list_id ? names.get(list_id) : null }))
    .sort((a, b) => String(a.title).localeCompare(String(b.title)));
}

/**
 * What the board shows: each task row as "title · its list chip" and each list in the sidebar with its
 * open count, sorted (the two users' boards are compared, not their order).
 */
async function boardView(page: Page): Promise<{ rows: string[]; lists: string[] }> {
  await boardTitles(page);
  await page.getByTestId("lists").waitFor();
  const rows = await page.getByTestId("task-item").evaluateAll((items) =>
    items.map((item) => {
      const title = item.querySelector('[data-testid="task-title"]')?.textContent ?? "";
      return `${title} · ${item.querySelector('[data-testid="list-chip"]')?.textContent ?? "no chip"}`;
    }),
  );
  const lists = await page
    .getByTestId("lists")
    .getByTestId("list-item")
    .evaluateAll((items) =>
      items.map((item) => {
        const name = item.querySelector('[data-testid="list-link"] [dir="auto"]')?.textContent ?? "";
        return `${name} (${item.querySelector('[data-testid="list-link-count"]')?.textContent ?? ""})`;
      }),
    );
  return { rows: rows.sort(), lists: lists.sort() };
}

/** Goes to Settings the way a keyboard user does: the header link, focused and activated with Enter. */
async function openSettings(page: Page): Promise<void> {
  await page.getByTestId("nav-settings").focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(`${suite.webUrl}/settings`);
  await page.getByTestId("import-section").waitFor();
  // The title follows a client-side navigation a moment after the page's content.
  await expect.poll(() => page.title()).toContain("Settings");
}

/** Opens the file chooser from the keyboard (Space on the focused input) and picks `path`. */
async function chooseByKeyboard(page: Page, path: string): Promise<void> {
  await page.getByLabel("File to import").focus();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles(path);
}

/** The element that has focus, by its test id (or its tag when it has none). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element?.getAttribute("data-testid") ?? element?.tagName.toLowerCase() ?? "";
  });
}

/** Every /api/import request the page sends, from now on. */
function importRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/import") seen.push(request.url());
  });
  return seen;
}

describe("export and import on the Settings page", () => {
  it("A downloads everything; B imports it by keyboard after a preview and has the same lists and tasks", async () => {
    const ada = await signedUp("Ada Exporter");
    const created: Record<string, number> = {};
    for (const name of ["Work", "Home"]) {
      const response = await ada.request.post(`${suite.webUrl}/api/lists`, { data: { name } });
      expect(response.status()).toBe(201);
      created[name] = ((await response.json()) as { id: number }).id;
    }
    await seedTasks(ada, suite.webUrl, [
      {
        title: "Write the report",
        list_id: created.Work,
        priority: "high",
        tags: ["q4"],
        due_at: "2030-01-15",
      },
      { title: "Call the plumber", list_id: created.Home, description: "The kitchen tap drips" },
      { title: "Water the plants", list_id: created.Home, due_at: "2030-01-16T09:30:00Z" },
      { title: "Read a book" },
    ]);
    const { items } = await getJson<{ items: { id: number; title: string }[] }>(ada, "/api/tasks?q=plants");
    const done = await ada.request.patch(`${suite.webUrl}/api/tasks/${items[0]?.id}/complete`);
    expect(done.status()).toBe(200);
    await ada.reload();
    const adaTitles = (await boardTitles(ada)).sort();
    expect(adaTitles).toHaveLength(4);
    const adaBoard = await boardView(ada);
    expect(adaBoard.lists).toEqual(["Home (1)", "Work (1)"]);
    expect(adaBoard.rows).toContain("Write the report · List: Work");

    await openSettings(ada);
    // Both downloads come through the web's /api proxy with the api's file name and type.
    await ada.getByTestId("export-json").focus();
    const [json] = await Promise.all([ada.waitForEvent("download"), ada.keyboard.press("Enter")]);
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const jsonPath = join(scratch, json.suggestedFilename());
    await json.saveAs(jsonPath);
    const adaFile = JSON.parse(readFileSync(jsonPath, "utf8")) as ExportFile;
    expect(adaFile.version).toBe(1);
    expect(adaFile.tasks.map((task) => task.title).sort()).toEqual(adaTitles);

    await ada.getByTestId("export-csv").focus();
    const [csv] = await Promise.all([ada.waitForEvent("download"), ada.keyboard.press("Enter")]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvPath = join(scratch, csv.suggestedFilename());
    await csv.saveAs(csvPath);
    const csvText = readFileSync(csvPath, "utf8");
    expect(csvText.split(/\r?\n/, 1)[0]).toMatch(/^\uFEFF?title,/);
    for (const title of adaTitles) expect(csvText).toContain(title);

    const bea = await signedUp("Bea Importer");
    const requests = importRequests(bea);
    await openSettings(bea);
    await chooseByKeyboard(bea, jsonPath);
    const preview = bea.getByTestId("import-preview");
    await preview.waitFor();
    expect(requests.every((url) => url.includes("dry_run=true"))).toBe(true);
    expect(await bea.getByTestId("preview-tasks").textContent()).toBe("4");
    expect(await bea.getByTestId("preview-completed").textContent()).toBe("1");
    expect(await bea.getByTestId("preview-lists-new").textContent()).toBe("2");
    expect(((await bea.getByTestId("preview-create").textContent()) ?? "").split(", ").sort()).toEqual([
      "Home",
      "Work",
    ]);
    expect(await bea.getByTestId("preview-sample").locator("li").allTextContents()).not.toEqual([]);
    // The dry run changed nothing.
    expect(await listCounts(bea)).toEqual({});
    expect((await getJson<ExportFile>(bea, "/api/export")).tasks).toEqual([]);

    // Focus is on what was found; the next Tab is the import button.
    await expect.poll(() => bea.evaluate(() => document.activeElement?.tagName)).toBe("H3");
    await bea.keyboard.press("Tab");
    expect(await focused(bea)).toBe("import-confirm");
    expect(await bea.getByTestId("import-confirm").textContent()).toBe("Import 4 tasks");
    await bea.keyboard.press("Enter");
    await bea.getByTestId("import-done").waitFor();
    expect(await bea.getByTestId("import-done").locator("h3").textContent()).toBe(
      "Imported 4 tasks and created 2 lists",
    );
    // Focus moves to the outcome's heading after it renders (an effect); Tab goes on from there.
    await expect.poll(() => focused(bea)).toBe("h3");
    await bea.keyboard.press("Tab");
    expect(await focused(bea)).toBe("import-board-link");
    await bea.keyboard.press("Enter");
    await bea.waitForURL(`${suite.webUrl}/`);

    expect(await boardView(bea)).toEqual(adaBoard);
    expect(await listCounts(bea)).toEqual(await listCounts(ada));
    expect(comparable(await getJson<ExportFile>(bea, "/api/export"))).toEqual(comparable(adaFile));
  });

  it("a Todoist CSV export goes into a list named after the file (editable), after its preview", async () => {
    const page = await signedUp("Tom Todoist");
    const path = join(scratch, "Groceries.csv");
    writeFileSync(
      path,
      [
        TODOIST_HEADER,
        "task,Buy oat milk,Two cartons,4,1,Tom (1),,,en,Europe/London",
        "task,Sourdough loaf,,1,1,Tom (1),,,en,Europe/London",
        "",
        "task,Free-range eggs,,2,1,Tom (1),,,en,Europe/London",
        "",
      ].join("\r\n"),
    );
    await openSettings(page);
    await chooseByKeyboard(page, path);
    await page.getByTestId("import-preview").waitFor();
    const name = page.getByLabel("List name");
    expect(await name.inputValue()).toBe("Groceries");
    expect(await page.getByTestId("preview-create").textContent()).toBe("Groceries");
    expect(await page.getByTestId("preview-tasks").textContent()).toBe("3");

    // Another name makes the preview stale; Enter previews again. The Inbox is no list's name.
    await name.focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Inbox");
    expect(await page.getByTestId("import-preview").count()).toBe(0);
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("import-error").textContent()).toContain("Inbox");
    expect(await name.getAttribute("aria-invalid")).toBe("true");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Groceries");
    await page.keyboard.press("Enter");
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("preview-create").textContent()).toBe("Groceries");
    expect(await listCounts(page)).toEqual({});

    // Focus moves to the preview's heading after it renders (an effect); Tab goes on from there.
    await expect.poll(() => focused(page)).toBe("h3");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("import-confirm");
    await page.keyboard.press("Enter");
    await page.getByTestId("import-done").waitFor();
    expect(await listCounts(page)).toEqual({ Groceries: 3 });
    await page.getByTestId("import-board-link").press("Enter");
    await page.waitForURL(`${suite.webUrl}/`);
    expect((await boardTitles(page)).sort()).toEqual(["Buy oat milk", "Free-range eggs", "Sourdough loaf"]);
  });

  it("a broken file, a file the api refuses and one over 5 MB say why, and nothing changes", async () => {
    const page = await signedUp("Bea Careful");
    await seedTasks(page, suite.webUrl, [{ title: "Already here" }]);
    const before = await getJson<ExportFile>(page, "/api/export");
    const requests = importRequests(page);
    await openSettings(page);

    // Not JSON at all: refused in the browser, nothing sent.
    const broken = join(scratch, "broken.json");
    writeFileSync(broken, '{"version": 1, "lists": [], "tasks": [{"title": "Half a');
    await chooseByKeyboard(page, broken);
    const error = page.getByTestId("import-error");
    expect(await error.textContent()).toContain("“broken.json” is not valid JSON");
    expect(await error.textContent()).toContain("Nothing was imported");
    expect(await page.getByTestId("import-preview").count()).toBe(0);

    // Over 5 MB: refused before it is read or sent.
    const huge = join(scratch, "huge.json");
    writeFileSync(huge, `{"version":1,"lists":[],"tasks":[],"pad":"${"x".repeat(5 * 1024 * 1024)}"}`);
    await chooseByKeyboard(page, huge);
    expect(await error.textContent()).toContain("files up to 5 MB can be imported");
    expect(requests).toEqual([]);

    // Well-formed JSON with a bad task: the api's dry run names the item; the import button never shows.
    const invalid = join(scratch, "invalid.json");
    writeFileSync(
      invalid,
      JSON.stringify({ version: 1, lists: [], tasks: [{ title: "Fine" }, { title: "x".repeat(201) }] }),
    );
    await chooseByKeyboard(page, invalid);
    await page.locator('[data-testid="import-section"][data-step="chosen"]').waitFor();
    expect(requests).toHaveLength(1);
    expect(await page.getByTestId("import-error-items").textContent()).toContain("tasks[1].title");
    expect(await page.getByTestId("import-confirm").count()).toBe(0);
    // The refused file is no longer held by the input (a browser sends no change event for the file it
    // already holds); fixed and chosen again, it is read again and previewed (then left unimported).
    await expect.poll(() => page.getByLabel("File to import").inputValue()).toBe("");
    writeFileSync(invalid, JSON.stringify({ version: 1, lists: [], tasks: [{ title: "Fine" }] }));
    await chooseByKeyboard(page, invalid);
    await page.getByTestId("import-preview").waitFor();
    expect(await page.getByTestId("preview-tasks").textContent()).toBe("1");
    await page.getByTestId("import-cancel").press("Enter");
    expect(await focused(page)).toBe("import-file");

    const after = await getJson<ExportFile>(page, "/api/export");
    expect(after.tasks).toEqual(before.tasks);
    expect(after.lists).toEqual(before.lists);
    await page.goto(`${suite.webUrl}/`);
    expect(await boardTitles(page)).toEqual(["Already here"]);
  });
});

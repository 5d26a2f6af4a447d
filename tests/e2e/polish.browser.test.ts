// The board's quick add, task numbers, the accounts pages and token expiry in a real browser (Debian
// chromium via playwright-core) against the whole built stack. The stack has SMTP_URL pointing at a
// tiny SMTP sink in this file, so "Forgot password?" mails a real token that the reset page then uses.

import { startSmtpSink } from "@taskflow/testing/smtp-sink";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser/chromium";
import {
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
import { type Stack, startStack } from "./stack";

const SIGNED_UP_NOTICE =
  "If this email is new, your account is ready — sign in. If you already had an account, sign in with your password or reset it.";

let stack: Stack;
let browser: Browser;
let webUrl: string;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  [stack, browser] = await Promise.all([
    startStack({ env: { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: "Taskflow <t@example.com>" } }),
    launchChromium(),
  ]);
  webUrl = stack.webUrl;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  sink?.server.close();
}, 60_000);

async function signedUpPage(name: string): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signUp(page, webUrl, newUser(name));
  return page;
}

/** Types into the add field as a person does (so the debounced parse runs) and waits for it to settle. */
async function typeTitle(page: Page, text: string): Promise<void> {
  await page.getByTestId("new-title").fill(text);
}

describe("quick add", () => {
  it("shows the marks as chips while typing and adds the task they describe", async () => {
    const page = await signedUpPage("Quick Adder");
    await typeTitle(page, "buy milk tomorrow 9am #groceries !high");
    const chips = page.getByTestId("quick-add-chips");
    await chips.waitFor();
    expect(await chips.getByTestId("quick-title").textContent()).toBe("buy milk");
    expect(await chips.getByTestId("quick-priority").getAttribute("data-priority")).toBe("high");
    expect(await chips.getByTestId("quick-tag").allTextContents()).toEqual(["#groceries"]);
    expect(await chips.getByTestId("quick-due").getAttribute("data-due")).toBe(`${utcDay(1)}T09:00`);
    await screenshot(page, "quick-add-chips");

    await page.getByTestId("new-title").press("Enter");
    const row = taskRow(page, "buy milk");
    await row.waitFor();
    expect(await row.getByTestId("priority-chip").getAttribute("data-priority")).toBe("high");
    expect(await row.getByTestId("tag-chip").allTextContents()).toEqual(["#groceries"]);
    expect(await row.getByTestId("due-chip").getAttribute("data-due")).toBe(utcDay(1));
    expect(await row.getByTestId("due-chip").getAttribute("data-time")).toBe("09:00");
    await expect.poll(() => page.getByTestId("new-title").inputValue()).toBe("");
    await expect.poll(() => page.getByTestId("quick-add-chips").count()).toBe(0);

    // The form's own controls win over the marks; what they leave alone still comes from the marks.
    await typeTitle(page, "call mom !low #family");
    await page.getByTestId("quick-add-chips").waitFor();
    await page.getByTestId("new-priority").selectOption("medium");
    await page.getByTestId("new-due").fill(utcDay(3));
    await page.getByTestId("add-task").click();
    const mom = taskRow(page, "call mom");
    await mom.waitFor();
    expect(await mom.getByTestId("priority-chip").getAttribute("data-priority")).toBe("medium");
    expect(await mom.getByTestId("tag-chip").allTextContents()).toEqual(["#family"]);
    expect(await mom.getByTestId("due-chip").getAttribute("data-due")).toBe(utcDay(3));
    await page.context().close();
  }, 90_000);

  it("says why the api refused the marks (an impossible date), keeps the text, and adds it as typed on a second Add", async () => {
    const page = await signedUpPage("Feb Thirty");
    await typeTitle(page, "party on feb 30");
    await page.getByTestId("quick-add-invalid").waitFor();
    expect(await page.getByTestId("quick-add-invalid").textContent()).toContain("February");
    await page.getByTestId("add-task").click();
    await page.getByTestId("new-errors").waitFor();
    expect(await page.getByTestId("new-errors").textContent()).toContain("Add again to keep the text");
    expect(await page.getByTestId("new-title").inputValue()).toBe("party on feb 30");
    expect(await boardTitles(page)).toEqual([]);
    await page.getByTestId("add-task").click();
    await taskRow(page, "party on feb 30").waitFor();
    await page.context().close();
  }, 60_000);

  it("adds the raw text as the title when the parse fails (server error or no network)", async () => {
    const page = await signedUpPage("No Parse");
    await page.route("**/api/tasks/parse", (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/problem+json",
        body: JSON.stringify({ status: 500, title: "Internal Server Error", detail: "boom" }),
      }),
    );
    await typeTitle(page, "pay rent tomorrow !high");
    await page.getByTestId("add-task").click();
    const row = taskRow(page, "pay rent tomorrow !high");
    await row.waitFor();
    expect(await row.getByTestId("priority-chip").count()).toBe(0);
    // The row can come by the live stream before the add is answered; the field is cleared then.
    await expect.poll(() => page.getByTestId("new-title").inputValue()).toBe("");

    await page.unroute("**/api/tasks/parse");
    await page.route("**/api/tasks/parse", (route) => route.abort("internetdisconnected"));
    await typeTitle(page, "water plants #home");
    await page.getByTestId("new-title").press("Enter");
    await taskRow(page, "water plants #home").waitFor();
    await expect.poll(() => page.getByTestId("new-title").inputValue()).toBe("");
    await page.context().close();
  }, 60_000);

  it("an add clears the form as it is sent: what is typed meanwhile stays, a failed add comes back or is named", async () => {
    const page = await signedUpPage("Fast Typist");
    const title = page.getByTestId("new-title");
    // Each POST waits for the test to answer it: let it through, or refuse it as an outage would.
    const answers: ((outcome: "continue" | "fail") => void)[] = [];
    await page.route("**/api/tasks", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const outcome = await new Promise<"continue" | "fail">((resolve) => answers.push(resolve));
      if (outcome === "continue") return route.continue();
      return route.fulfill({
        status: 503,
        contentType: "application/problem+json",
        body: JSON.stringify({ status: 503, title: "Service Unavailable", detail: "Try again soon" }),
      });
    });
    const sendAndHold = async (text: string) => {
      const held = answers.length + 1;
      await typeTitle(page, text);
      await title.press("Enter");
      await expect.poll(() => answers.length).toBe(held);
    };
    const settled = () => expect.poll(() => page.getByTestId("add-task").isDisabled()).toBe(false);

    // Sent: the field is empty for the next task at once; typed on and left for the sidebar, both stay.
    await sendAndHold("Buy milk");
    expect(await title.inputValue()).toBe("");
    await page.keyboard.type("Eggs");
    await page.getByTestId("place-inbox").getByRole("link").focus();
    answers.shift()?.("continue");
    await taskRow(page, "Buy milk").waitFor();
    await settled();
    expect(await title.inputValue()).toBe("Eggs");
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest("[data-testid]")?.getAttribute("data-testid"),
      ),
    ).toBe("place-inbox");

    // Refused with nothing typed since: the task is back in the form, with the reason.
    await sendAndHold("Call mum");
    answers.shift()?.("fail");
    await settled();
    expect(await title.inputValue()).toBe("Call mum");
    expect(await page.getByTestId("add-task-form").getByRole("alert").textContent()).toContain(
      "Try again soon",
    );

    // Refused after the next one was started: that one keeps the field, and the message names the lost add.
    await sendAndHold("Water plants");
    await title.focus();
    await page.keyboard.type("Pay rent");
    answers.shift()?.("fail");
    await settled();
    expect(await title.inputValue()).toBe("Pay rent");
    expect(await page.getByTestId("add-task-form").getByRole("alert").textContent()).toContain(
      "“Water plants” was not added",
    );
    expect(await taskRow(page, "Water plants").count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it("what is typed while Add reads the marks is the next task, not more of the one being added", async () => {
    const page = await signedUpPage("Quick Typist");
    const title = page.getByTestId("new-title");
    // The reading on Add waits for the test: the text is sent before the debounced reading could run.
    const reads: (() => void)[] = [];
    let hold = true;
    await page.route("**/api/tasks/parse", async (route) => {
      if (hold) await new Promise<void>((resolve) => reads.push(resolve));
      await route.continue();
    });
    await title.fill("buy bread !high");
    await title.press("Enter");
    await expect.poll(() => reads.length).toBeGreaterThan(0);
    expect(await title.inputValue()).toBe("");
    await page.keyboard.type("next one !low");
    hold = false;
    for (const release of reads.splice(0)) release();
    const row = taskRow(page, "buy bread");
    await row.waitFor();
    expect(await row.getByTestId("priority-chip").getAttribute("data-priority")).toBe("high");
    await expect.poll(() => page.getByTestId("add-task").isDisabled()).toBe(false);
    expect(await title.inputValue()).toBe("next one !low");
    // The chips read the text now in the field, not the one added.
    await expect
      .poll(() => page.getByTestId("quick-add-chips").getByTestId("quick-title").textContent())
      .toBe("next one");
    await page.context().close();
  }, 60_000);

  it("a field changed while a failed add is being put back keeps both the change and the task", async () => {
    const page = await signedUpPage("Late Change");
    // The add fails at once (no network); a few thousand microtasks later, still in the same task and so
    // before React renders the task put back, the priority is changed. A field that sent the whole draft
    // as last rendered (the cleared form) would wipe the task it was putting back.
    await page.evaluate(() => {
      const realFetch = window.fetch;
      window.fetch = async (input, init) => {
        if (init?.method === "POST" && String(input).endsWith("/api/tasks")) {
          window.fetch = realFetch;
          let hops = 0;
          const changePriority = () => {
            if (++hops < 5000) return queueMicrotask(changePriority);
            const select = document.querySelector<HTMLSelectElement>('[data-testid="new-priority"]');
            if (!select) throw new Error("no priority field");
            Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")?.set?.call(select, "high");
            select.dispatchEvent(new Event("change", { bubbles: true }));
          };
          queueMicrotask(changePriority);
          throw new TypeError("Failed to fetch");
        }
        return realFetch(input, init);
      };
    });
    await typeTitle(page, "Fix the shelf");
    await page.getByTestId("add-task").click();
    // (The change after the failure also clears its message, as any change does.)
    await expect.poll(() => page.getByTestId("new-priority").inputValue()).toBe("high");
    await expect.poll(() => page.getByTestId("add-task").isDisabled()).toBe(false);
    expect(await page.getByTestId("new-title").inputValue()).toBe("Fix the shelf");
    await page.getByTestId("add-task").click();
    const row = taskRow(page, "Fix the shelf");
    await row.waitFor();
    expect(await row.getByTestId("priority-chip").getAttribute("data-priority")).toBe("high");
    await page.context().close();
  }, 60_000);
});

describe("task numbers", () => {
  it("each board row and trash row shows #id, read once by screen readers", async () => {
    const page = await signedUpPage("Numbered");
    await seedTasks(page, webUrl, [{ title: "first" }, { title: "second" }]);
    const list = (await (await page.request.get(`${webUrl}/api/tasks?sort=created`)).json()) as {
      items: { id: number; title: string }[];
    };
    await page.reload();
    for (const task of list.items) {
      const number = taskRow(page, task.title).getByTestId("task-number");
      await number.waitFor();
      expect(await number.locator('[aria-hidden="true"]').textContent()).toBe(`#${task.id}`);
      expect(await number.locator(".sr-only").textContent()).toBe(`task ${task.id}`);
    }
    // The title itself stays the title (what the other tests and screen readers read).
    expect((await boardTitles(page)).sort()).toEqual(["first", "second"]);

    const second = list.items.find((task) => task.title === "second");
    await taskRow(page, "second").getByTestId("task-delete").click();
    await page.getByTestId("status-deleted").check({ force: true });
    const trashed = page.getByTestId("trash-item").filter({ hasText: "second" });
    await trashed.waitFor();
    expect(await trashed.getByTestId("task-number").locator('[aria-hidden="true"]').textContent()).toBe(
      `#${second?.id}`,
    );
    await page.context().close();
  }, 60_000);
});

describe("accounts", () => {
  it("sign-up with a taken email ends on sign-in with the message; the owner still signs in", async () => {
    const ownerContext = await newContext(browser);
    const owner = newUser("Real Owner");
    await signUp(await ownerContext.newPage(), webUrl, owner);
    await ownerContext.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${webUrl}/sign-up`);
    const form = page.getByTestId("sign-up-form");
    await form.getByLabel("Name").fill("Somebody Else");
    await form.getByLabel("Email").fill(owner.email);
    await form.getByLabel("Password").fill("another long phrase");
    await page.getByTestId("auth-submit").click();
    await page.waitForURL(`${webUrl}/sign-in?notice=signed-up`);
    expect(await page.getByTestId("auth-notice").textContent()).toBe(SIGNED_UP_NOTICE);
    await screenshot(page, "sign-up-taken-email");

    // The look-alike session opened nothing; the real owner's password does.
    await page.goto(`${webUrl}/`);
    await page.waitForURL(`${webUrl}/sign-in`);
    await signIn(page, webUrl, owner);
    expect(await page.getByTestId("user-name").textContent()).toBe(owner.name);
    await context.close();
  }, 60_000);

  it("forgot password → mailed token → reset page: common password refused, new one works, token once", async () => {
    const user = newUser("Forgetful");
    const setup = await newContext(browser);
    await signUp(await setup.newPage(), webUrl, user);
    await setup.close();

    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${webUrl}/sign-in`);
    await page.getByTestId("forgot-password-link").click();
    await page.waitForURL(`${webUrl}/forgot-password`);
    await page.getByTestId("forgot-password-form").getByLabel("Email").fill(user.email);
    await page.getByTestId("forgot-submit").click();
    await page.getByTestId("forgot-sent").waitFor();

    await eventually(() => sink.mails.some((mail) => mail.to.includes(user.email)), "the reset mail");
    const body = (sink.mails.find((mail) => mail.to.includes(user.email))?.data ?? "").replace(/=\r\n/g, "");
    const token = /reset token[^:]*: ([A-Za-z0-9]+)/.exec(body)?.[1] ?? "";
    expect(token, body).not.toBe("");

    await page.getByTestId("have-token-link").click();
    await page.waitForURL(`${webUrl}/reset-password`);
    const form = page.getByTestId("reset-password-form");
    await form.getByLabel("Reset token").fill(token);
    await form.getByLabel("New password").fill("password1");
    await page.getByTestId("reset-submit").click();
    await expect
      .poll(() => form.getByTestId("password-error").textContent())
      .toContain("is one of the most common passwords");
    await form.getByLabel("New password").fill("marble teapot horizon");
    await page.getByTestId("reset-submit").click();
    await page.waitForURL(`${webUrl}/sign-in?notice=password-reset`);
    await page.getByTestId("auth-notice").waitFor();
    await signIn(page, webUrl, { ...user, password: "marble teapot horizon" });

    // The token works once: the link form of it now says it expired or was used, and offers a new one.
    await page.goto(`${webUrl}/reset-password?token=${token}`);
    await page.getByTestId("reset-password-form").getByLabel("New password").fill("yet another phrase");
    await page.getByTestId("reset-submit").click();
    await page.getByTestId("reset-error").waitFor();
    expect(await page.getByTestId("reset-error").textContent()).toContain("expired or was already used");
    // Better Auth's own link sends an expired token here as ?error=INVALID_TOKEN.
    await page.goto(`${webUrl}/reset-password?error=INVALID_TOKEN`);
    expect(await page.getByTestId("reset-error").textContent()).toContain("expired or was already used");
    await context.close();
  }, 90_000);
});

describe("tokens page", () => {
  it("creates a token that expires in 30 days and says so; a token without expiry says nothing", async () => {
    const page = await signedUpPage("Token Keeper");
    await page.goto(`${webUrl}/tokens`);
    await page.getByTestId("token-name").fill("CI for a month");
    await page.getByTestId("token-expiry").selectOption("30");
    await page.getByTestId("token-create").click();
    await page.getByTestId("token-created").waitFor();
    const monthly = page.getByTestId("token-item").filter({ hasText: "CI for a month" });
    expect(await monthly.getByTestId("token-expiry-label").textContent()).toBe("expires in 30 days");

    await page.getByTestId("token-name").fill("Laptop");
    await page.getByTestId("token-expiry").selectOption("");
    await page.getByTestId("token-create").click();
    const laptop = page.getByTestId("token-item").filter({ hasText: "Laptop" });
    await laptop.waitFor();
    expect(await laptop.getByTestId("token-expiry-label").count()).toBe(0);

    // The list from the api says the same after a reload.
    await page.reload();
    expect(
      await page
        .getByTestId("token-item")
        .filter({ hasText: "CI for a month" })
        .getByTestId("token-expiry-label")
        .textContent(),
    ).toBe("expires in 30 days");
    await page.context().close();
  }, 60_000);
});

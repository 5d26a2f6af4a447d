// Recurring tasks and reminders over REST (contracts "Recurrence" and "Reminders"): `recurrence` as an
// RRULE or a phrase, the due a rule gives a task without one, bad rules refused with nothing written, and
// a completion that moves the task to its next occurrence (id kept, open, reminder moved along).

import type { Task, TaskList } from "@taskflow/contracts";
import { engines } from "@taskflow/testing/databases";
import { client, expectProblem } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { dayFromToday, wallIn, weekdayOf } from "@taskflow/testing/zoned-clock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const LA = "America/Los_Angeles";

describe.each(engines)("recurring tasks and reminders on %s", (engine) => {
  let stack: TestStack;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    const user = await stack.signUp("Rita");
    api = client(stack.apiUrl, user.headers);
    expect((await api.patch("/api/me", { json: { time_zone: LA } })).status).toBe(200);
  });
  afterAll(() => stack?.close());

  const create = async (body: Record<string, unknown>) => {
    const res = await api.post<Task>("/api/tasks", { json: body });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const count = async () => (await api.get<TaskList>("/api/tasks?limit=100&status=all")).body.items.length;

  it("takes an English phrase or an RRULE, stores the canonical rule and words it", async () => {
    const phrase = await create({
      title: "Standup",
      recurrence: "every weekday",
      due_at: "2027-01-04T09:15",
    });
    expect(phrase).toMatchObject({
      recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      recurrence_text: "every weekday",
      completed_count: 0,
      remind_at: null,
      all_day: false,
    });
    const rule = await create({
      title: "Rent",
      recurrence: "rrule:freq=monthly;interval=1;bymonthday=1",
      due_at: "2027-02-01",
    });
    expect(rule).toMatchObject({
      recurrence: "FREQ=MONTHLY;BYMONTHDAY=1",
      recurrence_text: "on the 1st of every month",
      due_at: "2027-02-01",
      all_day: true,
    });
    const read = await api.get<Task>(`/api/tasks/${rule.id}`);
    expect(read.body).toMatchObject({ recurrence: "FREQ=MONTHLY;BYMONTHDAY=1", completed_count: 0 });
    const listed = await api.get<TaskList>("/api/tasks?limit=100");
    expect(listed.body.items.find((t) => t.id === phrase.id)?.recurrence_text).toBe("every weekday");
  });

  it("refuses a bad rule, a phrase that is not a repeat and a reminder without a time, naming the field; nothing is written", async () => {
    const before = await count();
    const bad = expectProblem(
      await api.post("/api/tasks", {
        json: { title: "X", recurrence: "FREQ=MONTHLY;BYMONTHDAY=32", due_at: "2027-01-01" },
      }),
      400,
      ["recurrence"],
    );
    expect(bad.detail).toMatch(/BYMONTHDAY=32/);
    expectProblem(
      await api.post("/api/tasks", {
        json: { title: "X", recurrence: "every now and then", due_at: "2027-01-01" },
      }),
      400,
      ["recurrence"],
    );
    expectProblem(
      await api.post("/api/tasks", { json: { title: "X", recurrence: "FREQ=HOURLY", due_at: "2027-01-01" } }),
      400,
      ["recurrence"],
    );
    expectProblem(await api.post("/api/tasks", { json: { title: "X", remind_at: "2027-01-01" } }), 400, [
      "remind_at",
    ]);
    // "weekly" without a due does not say which day: refused rather than guessed.
    expectProblem(await api.post("/api/tasks", { json: { title: "X", recurrence: "weekly" } }), 400, [
      "recurrence",
    ]);
    // A time in the phrase beside a due of the task's own would be lost: refused.
    expectProblem(
      await api.post("/api/tasks", {
        json: { title: "X", recurrence: "every saturday at 9", due_at: "2027-01-02T10:00" },
      }),
      400,
      ["recurrence"],
    );
    expect(await count()).toBe(before);
  });

  it("a rule without a due gives one: its first day from today in the user's zone, with the phrase's time", async () => {
    const timed = await create({ title: "Water the plants", recurrence: "every saturday at 9" });
    expect(timed.recurrence).toBe("FREQ=WEEKLY;BYDAY=SA");
    expect(timed.all_day).toBe(false);
    const wall = wallIn(timed.due_at as string, LA);
    expect(wall.slice(11)).toBe("09:00");
    expect(weekdayOf(wall.slice(0, 10))).toBe(6);
    expect(Date.parse(timed.due_at as string)).toBeGreaterThan(Date.now());
    expect(Date.parse(timed.due_at as string) - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);

    const allDay = await create({ title: "Bins", recurrence: "every monday" });
    expect(allDay).toMatchObject({ all_day: true, recurrence_text: "every Monday" });
    const day = allDay.due_at as string;
    expect(weekdayOf(day)).toBe(1);
    expect(day >= dayFromToday(LA, 0) && day <= dayFromToday(LA, 6)).toBe(true);
  });

  it("completing moves the due to the next occurrence: same id, open, counted, reminder moved along", async () => {
    const yesterday = dayFromToday(LA, -1);
    const task = await create({
      title: "Vitamins",
      recurrence: "FREQ=DAILY",
      due_at: `${yesterday}T09:00`,
      remind_at: `${yesterday}T08:30`,
    });
    expect(wallIn(task.remind_at as string, LA)).toBe(`${yesterday} 08:30`);

    const done = await api.patch<Task>(`/api/tasks/${task.id}/complete`);
    expect(done.status, done.text).toBe(200);
    const tomorrow = dayFromToday(LA, 1);
    expect(done.body).toMatchObject({
      id: task.id,
      completed: false,
      completed_at: null,
      completed_count: 1,
    });
    expect(wallIn(done.body.due_at as string, LA)).toBe(`${tomorrow} 09:00`);
    expect(wallIn(done.body.remind_at as string, LA)).toBe(`${tomorrow} 08:30`);
    expect((await api.get<Task>(`/api/tasks/${task.id}`)).body).toEqual(done.body);

    // PATCH completed: true is a completion too.
    const again = await api.patch<Task>(`/api/tasks/${task.id}`, { json: { completed: true } });
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ completed: false, completed_count: 2 });
    expect(wallIn(again.body.due_at as string, LA)).toBe(`${dayFromToday(LA, 2)} 09:00`);
    expect(wallIn(again.body.remind_at as string, LA)).toBe(`${dayFromToday(LA, 2)} 08:30`);
  });

  it("an all-day weekly task moves a week on; two completions at once each count", async () => {
    const today = dayFromToday(LA, 0);
    const task = await create({ title: "Laundry", recurrence: "FREQ=WEEKLY", due_at: today });
    const [one, two] = await Promise.all([
      api.patch<Task>(`/api/tasks/${task.id}/complete`),
      api.patch<Task>(`/api/tasks/${task.id}/complete`),
    ]);
    expect([one?.status, two?.status]).toEqual([200, 200]);
    const after = (await api.get<Task>(`/api/tasks/${task.id}`)).body;
    expect(after).toMatchObject({ completed: false, completed_count: 2, all_day: true });
    expect(after.due_at).toBe(dayFromToday(LA, 14));
  });

  it("a series with COUNT=1 completes for good; reopening leaves the count", async () => {
    const task = await create({
      title: "Once",
      recurrence: "FREQ=DAILY;COUNT=1",
      due_at: dayFromToday(LA, 0),
    });
    const done = await api.patch<Task>(`/api/tasks/${task.id}/complete`);
    expect(done.body).toMatchObject({ completed: true, completed_count: 1, due_at: task.due_at });
    expect(done.body.completed_at).not.toBeNull();
    const reopened = await api.patch<Task>(`/api/tasks/${task.id}/complete`);
    expect(reopened.body).toMatchObject({ completed: false, completed_count: 1, due_at: task.due_at });
  });

  it("a repeating task's due cannot be cleared alone; stopping the repeat can; PUT replaces both fields", async () => {
    const task = await create({ title: "Gym", recurrence: "every day", due_at: "2027-03-01T07:00" });
    expectProblem(await api.patch(`/api/tasks/${task.id}`, { json: { due_at: null } }), 400, ["due_at"]);
    expect((await api.get<Task>(`/api/tasks/${task.id}`)).body).toMatchObject({
      recurrence: "FREQ=DAILY",
      due_at: task.due_at,
    });
    const bad = await api.patch(`/api/tasks/${task.id}`, { json: { recurrence: "FREQ=DAILY;COUNT=0" } });
    expectProblem(bad, 400, ["recurrence"]);
    const stopped = await api.patch<Task>(`/api/tasks/${task.id}`, {
      json: { recurrence: null, due_at: null },
    });
    expect(stopped.body).toMatchObject({ recurrence: null, recurrence_text: null, due_at: null });

    // Setting a rule on a task without a due gives it one; remind_at takes a wall time; null clears it.
    const set = await api.patch<Task>(`/api/tasks/${task.id}`, {
      json: { recurrence: "on the 1st of every month", remind_at: "2027-04-01T08:00" },
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body.due_at).toMatch(/^\d{4}-\d{2}-01$/);
    expect(wallIn(set.body.remind_at as string, LA)).toBe("2027-04-01 08:00");
    const cleared = await api.patch<Task>(`/api/tasks/${task.id}`, { json: { remind_at: null } });
    expect(cleared.body.remind_at).toBeNull();

    const replaced = await api.put<Task>(`/api/tasks/${task.id}`, { json: { title: "Gym" } });
    expect(replaced.body).toMatchObject({ recurrence: null, remind_at: null, completed_count: 0 });
  });
});

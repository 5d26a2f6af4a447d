// Bad input on every task route: each is a 4xx application/problem+json naming the field, never a
// 500, and nothing is written (checked by listing afterwards, for the caller and for another user).

import type { Task, TaskList } from "@taskflow/contracts";
import { engines } from "@taskflow/testing/databases";
import { client, expectProblem, type RequestOptions } from "@taskflow/testing/http";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Case = [
  label: string,
  method: "get" | "post" | "put" | "patch" | "delete",
  path: string,
  options: RequestOptions,
  status: number,
  fields: string[],
];

const json = (body: unknown): RequestOptions => ({ json: body });
const raw = (body: string, type = "application/json"): RequestOptions => ({
  raw: body,
  headers: { "content-type": type },
});
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe.each(engines)("bad input on %s", (engine) => {
  let stack: TestStack;
  let owner: TestUser;
  let other: TestUser;
  let api: ReturnType<typeof client>;
  let existing: Task;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    owner = await stack.signUp("Owner");
    other = await stack.signUp("Other");
    api = client(stack.apiUrl, owner.headers);
    const res = await api.post<Task>("/api/tasks", json({ title: "The only task", priority: "low" }));
    expect(res.status).toBe(201);
    existing = res.body;
  });
  afterAll(() => stack?.close());

  const snapshot = async () => {
    const mine = await api.get<TaskList>("/api/tasks?limit=100");
    const theirs = await client(stack.apiUrl, other.headers).get<TaskList>("/api/tasks?limit=100");
    expect(mine.status).toBe(200);
    return { mine: mine.body, theirs: theirs.body };
  };

  /** Runs each case, asserts its problem, then asserts nothing changed for either user. */
  async function expectRejectedWithoutWrites(cases: Case[]) {
    const before = await snapshot();
    for (const [label, method, path, options, status, fields] of cases) {
      const res = await api[method](path, options);
      expect(res.status, `${label}: ${res.status} ${res.text}`).toBe(status);
      expectProblem(res, status, fields);
    }
    expect(await snapshot()).toEqual(before);
  }

  const task = () => `/api/tasks/${existing.id}`;

  it("malformed JSON is a 400 on every body-taking route", async () => {
    const bodies = [
      "{",
      '{"title": "x",}',
      "{'title': 'x'}",
      '{"title": "x"} trailing',
      "undefined",
      '"just a string',
    ];
    const cases: Case[] = [];
    for (const body of bodies) {
      cases.push([`POST ${body}`, "post", "/api/tasks", raw(body), 400, []]);
      cases.push([`PATCH ${body}`, "patch", task(), raw(body), 400, []]);
      cases.push([`PUT ${body}`, "put", task(), raw(body), 400, []]);
      cases.push([`PATCH complete ${body}`, "patch", `${task()}/complete`, raw(body), 400, []]);
    }
    await expectRejectedWithoutWrites(cases);
    const res = await api.post("/api/tasks", raw("{"));
    expect(expectProblem(res, 400).detail).toMatch(/json/i);
  });

  it("a body that is not an object, or is missing, is a 400", async () => {
    await expectRejectedWithoutWrites([
      ["array", "post", "/api/tasks", raw("[]"), 400, ["body"]],
      ["null", "post", "/api/tasks", raw("null"), 400, ["body"]],
      ["number", "post", "/api/tasks", raw("42"), 400, ["body"]],
      ["empty with json type", "post", "/api/tasks", raw(""), 400, []],
      ["no body at all", "post", "/api/tasks", {}, 400, []],
      ["PATCH without a body", "patch", task(), {}, 400, []],
      ["PATCH with no fields", "patch", task(), json({}), 400, []],
      [
        "__proto__ smuggling",
        "post",
        "/api/tasks",
        raw('{"title":"x","__proto__":{"completed":true}}'),
        400,
        [],
      ],
      [
        "constructor smuggling",
        "post",
        "/api/tasks",
        raw('{"title":"x","constructor":{"prototype":{"completed":true}}}'),
        400,
        [],
      ],
    ]);
  });

  it("wrong types name the field", async () => {
    await expectRejectedWithoutWrites([
      ["title number", "post", "/api/tasks", json({ title: 123 }), 400, ["title"]],
      ["title null", "post", "/api/tasks", json({ title: null }), 400, ["title"]],
      ["title missing", "post", "/api/tasks", json({ description: "no title" }), 400, ["title"]],
      [
        "description number",
        "post",
        "/api/tasks",
        json({ title: "x", description: 5 }),
        400,
        ["description"],
      ],
      ["priority unknown", "post", "/api/tasks", json({ title: "x", priority: "urgent" }), 400, ["priority"]],
      ["priority case", "post", "/api/tasks", json({ title: "x", priority: "HIGH" }), 400, ["priority"]],
      ["tags string", "post", "/api/tasks", json({ title: "x", tags: "work" }), 400, ["tags"]],
      ["tags numbers", "post", "/api/tasks", json({ title: "x", tags: [1, 2] }), 400, ["tags.0"]],
      ["tag with #", "post", "/api/tasks", json({ title: "x", tags: ["ok", "#work"] }), 400, ["tags.1"]],
      ["tag with space", "post", "/api/tasks", json({ title: "x", tags: ["two words"] }), 400, ["tags.0"]],
      [
        "21 tags",
        "post",
        "/api/tasks",
        json({ title: "x", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }),
        400,
        ["tags"],
      ],
      ["due_at number", "post", "/api/tasks", json({ title: "x", due_at: 1767225600000 }), 400, ["due_at"]],
      ["completed string", "patch", task(), json({ completed: "yes" }), 400, ["completed"]],
      ["completed number", "put", task(), json({ title: "x", completed: 1 }), 400, ["completed"]],
      [
        "several at once",
        "post",
        "/api/tasks",
        json({ title: "", priority: "urgent", due_at: "soon" }),
        400,
        ["title", "priority", "due_at"],
      ],
    ]);
  });

  it("titles must be 1–200 characters and descriptions at most 2000, on create, PATCH and PUT", async () => {
    const long = "x".repeat(201);
    await expectRejectedWithoutWrites([
      ["empty title", "post", "/api/tasks", json({ title: "" }), 400, ["title"]],
      ["blank title", "post", "/api/tasks", json({ title: "   " }), 400, ["title"]],
      ["201-char title", "post", "/api/tasks", json({ title: long }), 400, ["title"]],
      ["201-char title PATCH", "patch", task(), json({ title: long }), 400, ["title"]],
      ["empty title PATCH", "patch", task(), json({ title: "" }), 400, ["title"]],
      ["201-char title PUT", "put", task(), json({ title: long }), 400, ["title"]],
      [
        "2001-char description",
        "post",
        "/api/tasks",
        json({ title: "x", description: "d".repeat(2001) }),
        400,
        ["description"],
      ],
      [
        "2001-char description PATCH",
        "patch",
        task(),
        json({ description: "d".repeat(2001) }),
        400,
        ["description"],
      ],
      ["NUL in title", "post", "/api/tasks", json({ title: "nul\u0000byte" }), 400, ["title"]],
      ["NUL in description", "patch", task(), json({ description: "nul\u0000byte" }), 400, ["description"]],
    ]);
    // The limits themselves are accepted: the boundary is exactly where the contract puts it.
    const edge = await api.post<Task & { description: string }>(
      "/api/tasks",
      json({ title: "t".repeat(200), description: "d".repeat(2000) }),
    );
    expect(edge.status).toBe(201);
    expect(edge.body.title).toHaveLength(200);
    expect(edge.body.description).toHaveLength(2000);
    expect((await api.delete(`/api/tasks/${edge.body.id}`)).status).toBe(204);
  });

  it("ids that are not positive 32-bit integers are a 400 naming id, on every verb", async () => {
    const ids = ["abc", "1.5", "-1", "0", "2147483648", "99999999999999999999", "%20", "1abc"];
    const cases: Case[] = [];
    for (const id of ids) {
      cases.push([`GET ${id}`, "get", `/api/tasks/${id}`, {}, 400, ["id"]]);
      cases.push([`PATCH ${id}`, "patch", `/api/tasks/${id}`, json({ title: "x" }), 400, ["id"]]);
      cases.push([`PUT ${id}`, "put", `/api/tasks/${id}`, json({ title: "x" }), 400, ["id"]]);
      cases.push([`toggle ${id}`, "patch", `/api/tasks/${id}/complete`, {}, 400, ["id"]]);
      cases.push([`DELETE ${id}`, "delete", `/api/tasks/${id}`, {}, 400, ["id"]]);
      cases.push([`hackathon GET ${id}`, "get", `/api/${owner.id}/tasks/${id}`, {}, 400, ["id"]]);
    }
    await expectRejectedWithoutWrites(cases);
  });

  it("invalid dates name the field, in bodies and in queries", async () => {
    const bad = [
      "2026-02-31",
      "2026-13-01",
      "2026-00-10",
      "tomorrow",
      "",
      "31/01/2026",
      "2026-01-01T25:00:00Z",
      // Without an offset a date-time is the user's wall-clock time (contract "Time"); these are not times.
      "2026-01-01T10:60:00",
      "2026-01-01T24:00",
      "2026-02-29",
      "0000-01-01",
      "2026-1-1",
    ];
    const cases: Case[] = [];
    for (const date of bad) {
      cases.push([
        `create ${date}`,
        "post",
        "/api/tasks",
        json({ title: "x", due_at: date }),
        400,
        ["due_at"],
      ]);
      cases.push([`patch ${date}`, "patch", task(), json({ due_at: date }), 400, ["due_at"]]);
      cases.push([
        `due_before ${date}`,
        "get",
        `/api/tasks?due_before=${encodeURIComponent(date)}`,
        {},
        400,
        ["due_before"],
      ]);
      cases.push([
        `due_after ${date}`,
        "get",
        `/api/tasks?due_after=${encodeURIComponent(date)}`,
        {},
        400,
        ["due_after"],
      ]);
    }
    await expectRejectedWithoutWrites(cases);
    // …while a leap day that exists is fine.
    const leap = await api.patch<{ due_at: string }>(task(), json({ due_at: "2028-02-29" }));
    expect(leap.status).toBe(200);
    expect(leap.body.due_at).toBe("2028-02-29");
    await api.patch(task(), json({ due_at: null }));
  });

  it("unknown query values and parameters name the parameter", async () => {
    await expectRejectedWithoutWrites([
      ["sort", "get", "/api/tasks?sort=sideways", {}, 400, ["sort"]],
      ["sort case", "get", "/api/tasks?sort=TITLE", {}, 400, ["sort"]],
      ["sort double dash", "get", "/api/tasks?sort=--created", {}, 400, ["sort"]],
      ["status", "get", "/api/tasks?status=done", {}, 400, ["status"]],
      ["status twice", "get", "/api/tasks?status=all&status=pending", {}, 400, ["status"]],
      ["priority", "get", "/api/tasks?priority=urgent", {}, 400, ["priority"]],
      ["limit 0", "get", "/api/tasks?limit=0", {}, 400, ["limit"]],
      ["limit negative", "get", "/api/tasks?limit=-5", {}, 400, ["limit"]],
      ["limit fraction", "get", "/api/tasks?limit=2.5", {}, 400, ["limit"]],
      ["limit text", "get", "/api/tasks?limit=ten", {}, 400, ["limit"]],
      ["limit 101", "get", "/api/tasks?limit=101", {}, 400, ["limit"]],
      ["q too long", "get", `/api/tasks?q=${"q".repeat(201)}`, {}, 400, ["q"]],
      ["q with NUL", "get", "/api/tasks?q=a%00b", {}, 400, ["q"]],
      ["tag with NUL", "get", "/api/tasks?tag=a%00b", {}, 400, ["tag"]],
      ["tag too long", "get", `/api/tasks?tag=${"t".repeat(33)}`, {}, 400, ["tag"]],
      ["unknown parameter", "get", "/api/tasks?owner=someone", {}, 400, ["owner"]],
      ["user_id parameter", "get", `/api/tasks?user_id=${other.id}`, {}, 400, ["user_id"]],
    ]);
  });

  it("forged or mismatched cursors are a 400 naming cursor, not a 500", async () => {
    // Invalid for every sort: not a cursor at all, the wrong structure, an id out of range.
    const anySort = [
      "not-a-cursor",
      "%%%",
      cursorOf({ id: 1 }),
      cursorOf([1]),
      cursorOf([{}, 1]),
      cursorOf([1, 99999999999]),
    ];
    // Well-formed, but the value cannot be this sort's (it would be a bad cast in SQL).
    const perSort: Record<string, string[]> = {
      created: [cursorOf(["not a number", 1]), cursorOf([1e300, 1]), cursorOf([1.5, 1])],
      due: [cursorOf(["not a date", 1]), cursorOf(["2026-02-31T00:00:00.000Z", 1]), cursorOf([5, 1])],
      priority: [cursorOf(["high", 1]), cursorOf([1e300, 1])],
      title: [cursorOf([1e300, 1]), cursorOf([null, 1]), cursorOf(["nul\u0000", 1])],
    };
    const cases: Case[] = [];
    for (const [sort, specific] of Object.entries(perSort)) {
      for (const cursor of [...anySort, ...specific]) {
        for (const direction of ["", "-"]) {
          cases.push([
            `${direction}${sort} ${cursor}`,
            "get",
            `/api/tasks?sort=${direction}${sort}&cursor=${encodeURIComponent(cursor)}`,
            {},
            400,
            ["cursor"],
          ]);
        }
      }
    }
    // A real cursor from the title sort, replayed on the created sort.
    await api.post("/api/tasks", json({ title: "Second task" }));
    const page = await api.get<TaskList>("/api/tasks?sort=title&limit=1");
    expect(page.body.next_cursor).toEqual(expect.any(String));
    cases.push([
      "cursor from another sort",
      "get",
      `/api/tasks?sort=created&cursor=${encodeURIComponent(page.body.next_cursor ?? "")}`,
      {},
      400,
      ["cursor"],
    ]);
    await expectRejectedWithoutWrites(cases);
  });

  it("unknown body fields are refused by name, and mass assignment is never applied", async () => {
    const fields = {
      user_id: other.id,
      id: 424242,
      created_at: "2000-01-01T00:00:00Z",
      updated_at: "2000-01-01T00:00:00Z",
      completed_at: "2000-01-01T00:00:00Z",
      userId: other.id,
      owner: "x",
    };
    const cases: Case[] = [];
    for (const [key, value] of Object.entries(fields)) {
      cases.push([
        `create ${key}`,
        "post",
        "/api/tasks",
        json({ title: "sneaky", [key]: value }),
        400,
        [key],
      ]);
      cases.push([`patch ${key}`, "patch", task(), json({ title: "sneaky", [key]: value }), 400, [key]]);
      cases.push([`put ${key}`, "put", task(), json({ title: "sneaky", [key]: value }), 400, [key]]);
      cases.push([
        `hackathon create ${key}`,
        "post",
        `/api/${owner.id}/tasks`,
        json({ title: "sneaky", [key]: value }),
        400,
        [key],
      ]);
    }
    cases.push([
      "two unknown keys",
      "post",
      "/api/tasks",
      json({ title: "x", user_id: "u", id: 1 }),
      400,
      ["user_id", "id"],
    ]);
    // `completed` is not part of create: a new task starts pending.
    cases.push([
      "completed on create",
      "post",
      "/api/tasks",
      json({ title: "x", completed: true }),
      400,
      ["completed"],
    ]);
    await expectRejectedWithoutWrites(cases);
    const problem = expectProblem(await api.post("/api/tasks", json({ title: "x", user_id: "u" })), 400, [
      "user_id",
    ]);
    expect(problem.errors).toEqual([{ field: "user_id", message: expect.any(String) }]);

    const mine = await api.get<TaskList>("/api/tasks?limit=100");
    expect(mine.body.items.some((t) => t.title === "sneaky" || t.id === 424242)).toBe(false);
    expect((await api.get<Task>(task())).body).toMatchObject({ id: existing.id, title: existing.title });
  });

  it("bodies over 1 MiB are a 413, and nothing is stored", async () => {
    const huge = JSON.stringify({ title: "big", description: "x".repeat(1024 * 1024 + 16) });
    await expectRejectedWithoutWrites([
      ["create", "post", "/api/tasks", raw(huge), 413, []],
      ["patch", "patch", task(), raw(huge), 413, []],
      ["put", "put", task(), raw(huge), 413, []],
    ]);
  });

  it("bodies that are not JSON are a 415", async () => {
    await expectRejectedWithoutWrites([
      ["xml", "post", "/api/tasks", raw("<task><title>x</title></task>", "application/xml"), 415, []],
      ["form", "post", "/api/tasks", raw("title=x", "application/x-www-form-urlencoded"), 415, []],
      ["text", "post", "/api/tasks", raw('{"title":"x"}', "text/plain"), 415, []],
      [
        "multipart",
        "post",
        "/api/tasks",
        raw("--b\r\n\r\nx\r\n--b--", "multipart/form-data; boundary=b"),
        415,
        [],
      ],
      ["patch text", "patch", task(), raw('{"title":"x"}', "text/plain"), 415, []],
      ["put octet-stream", "put", task(), raw('{"title":"x"}', "application/octet-stream"), 415, []],
    ]);
    // JSON with a charset parameter is JSON.
    const ok = await api.post<Task>(
      "/api/tasks",
      raw('{"title":"charset ok"}', "application/json; charset=utf-8"),
    );
    expect(ok.status).toBe(201);
    expect((await api.delete(`/api/tasks/${ok.body.id}`)).status).toBe(204);
  });

  it("unknown routes and methods are problem+json too", async () => {
    await expectRejectedWithoutWrites([
      ["unknown path", "get", "/api/nope", {}, 404, []],
      ["POST on an item", "post", task(), json({ title: "x" }), 404, []],
      ["DELETE on the collection", "delete", "/api/tasks", {}, 404, []],
    ]);
  });

  it("an oversized URL is a 431 problem, and the server keeps serving", async () => {
    const res = await fetch(`${stack.apiUrl}/api/tasks?q=${"a".repeat(70_000)}`, { headers: owner.headers });
    expect(res.status).toBe(431);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({
      status: 431,
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect((await api.get("/api/tasks")).status).toBe(200);
  });
});

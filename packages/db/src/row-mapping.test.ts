// drizzle's row mapper as patched by patches/drizzle-orm+0.45.4.patch (applied by `npm ci`'s postinstall):
// a statement's columns are read once, not on every cell of every row. The patch must change nothing but
// that: these checks give drizzle's own answers for every kind of selected field, row after row, prepared
// and not, and fail if the patch is not applied.
import { createTestDatabase, engines, type TestDatabase } from "@taskflow/testing/databases";
import * as drizzle from "drizzle-orm";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lists, tasks, user } from "./schema";

// Exported by drizzle-orm at run time, left out of its typings.
type MapResultRow = (
  columns: { path: string[]; field: unknown }[],
  row: unknown[],
  nullable?: unknown,
) => unknown;
const { mapResultRow } = drizzle as unknown as { mapResultRow: MapResultRow };

describe("the patched row mapper", () => {
  it("reads a statement's columns once: a decoder swapped after the first row is not read again", () => {
    const field = sql`x`.mapWith((value) => `first:${value}`);
    const columns = [{ path: ["x"], field }];
    expect(mapResultRow(columns, ["a"])).toEqual({ x: "first:a" });
    field.mapWith((value) => `second:${value}`);
    // drizzle as published reads the decoder again on every row ("second:b").
    expect(mapResultRow(columns, ["b"])).toEqual({ x: "first:b" });
    // Another statement (another columns array) reads its own.
    expect(mapResultRow([{ path: ["x"], field }], ["c"])).toEqual({ x: "second:c" });
  });
});

describe.each(engines)("drizzle's answers through the patched mapper on %s", (engine) => {
  let t: TestDatabase;
  const owner = "user-row-mapping";
  let listId = 0;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const db = t.database.db;
    const now = new Date();
    await db
      .insert(user)
      .values({ id: owner, name: "Rows", email: "rows@example.com", createdAt: now, updatedAt: now });
    const [list] = await db.insert(lists).values({ userId: owner, name: "Errands" }).returning();
    listId = list?.id ?? 0;
    await db.insert(tasks).values([
      { userId: owner, title: "In a list", priority: "high", tags: ["a", "b"], listId },
      { userId: owner, title: "In the Inbox", completed: true },
    ]);
  });
  afterAll(() => t.dispose());

  const nestedQuery = () =>
    t.database.db
      .select({
        title: tasks.title,
        created: tasks.createdAt,
        shout: sql<string>`upper(${tasks.title})`,
        one: sql`1`.mapWith(Number),
        task: { done: tasks.completed, priority: tasks.priority, tags: tasks.tags },
        list: { id: lists.id, name: lists.name },
      })
      .from(tasks)
      .leftJoin(lists, eq(tasks.listId, lists.id))
      .where(eq(tasks.userId, owner))
      .orderBy(asc(tasks.id));

  it("maps flat, computed, decoded, nested and left-joined fields, in their order, prepared or not", async () => {
    const expected = [
      {
        title: "In a list",
        created: expect.any(Date),
        shout: "IN A LIST",
        one: 1,
        task: { done: false, priority: "high", tags: ["a", "b"] },
        list: { id: listId, name: "Errands" },
      },
      {
        title: "In the Inbox",
        created: expect.any(Date),
        shout: "IN THE INBOX",
        one: 1,
        task: { done: true, priority: "none", tags: [] },
        // A left-joined table with no row is null, not an object of nulls.
        list: null,
      },
    ];
    const prepared = nestedQuery().prepare(`row_mapping_${engine}`);
    for (const rows of [
      await nestedQuery(),
      await nestedQuery(),
      await prepared.execute(),
      await prepared.execute(),
    ]) {
      expect(rows).toEqual(expected);
      expect(rows.map((row) => Object.keys(row))).toEqual(
        expected.map(() => ["title", "created", "shout", "one", "task", "list"]),
      );
    }
  });

  it("maps whole tables of a join by table name, the missing side as null", async () => {
    const rows = await t.database.db
      .select()
      .from(tasks)
      .leftJoin(lists, eq(tasks.listId, lists.id))
      .where(eq(tasks.userId, owner))
      .orderBy(asc(tasks.id));
    expect(rows.map((row) => [row.tasks.title, row.lists?.name ?? null])).toEqual([
      ["In a list", "Errands"],
      ["In the Inbox", null],
    ]);
    expect(rows[0]?.tasks.createdAt).toBeInstanceOf(Date);
  });
});

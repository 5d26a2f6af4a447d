// drizzle's row mapper as patched by patches/drizzle-orm+0.45.4.patch (applied by `npm ci`'s postinstall):
// a statement's columns are read once, not on every cell of every row, and a flat selection's rows are built
// by a mapper generated for it. The patch must change nothing but that: these checks give drizzle's own
// answers for every kind of selected field, row after row, prepared and not, with code generation and
// without, and fail if the patch is not applied.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
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

  it("builds a flat row with a mapper generated for the statement", () => {
    // drizzle as published has no generated mapper; the patch names it.
    expect(String(mapResultRow)).toContain("flatRow");
  });

  // Keys that are not identifiers, a key that reads like code, an index-like key (enumerated first by
  // JavaScript either way), nulls that skip the decoder and a decoder that must keep its `this`.
  const ODD_ROW = `
    const decoder = { prefix: "d:", mapFromDriverValue(value) { return this.prefix + value; } };
    const columns = [
      { path: ["due at"], field: sql\`a\` },
      { path: ['"); throw 1; ("'], field: sql\`b\` },
      { path: ["0"], field: sql\`c\` },
      { path: ["line\\nbreak"], field: sql\`d\`.mapWith(decoder) },
      { path: ["none"], field: sql\`e\`.mapWith(decoder) },
    ];
    const rows = [["x", "y", "z", "w", null], ["x2", "y2", "z2", "w2", "v2"]];
    console.log(JSON.stringify(rows.map((row) => { const o = mapResultRow(columns, row); return [Object.keys(o), o]; })));
  `;
  const ODD_EXPECTED = [
    [
      ["0", "due at", '"); throw 1; ("', "line\nbreak", "none"],
      { 0: "z", "due at": "x", '"); throw 1; ("': "y", "line\nbreak": "d:w", none: null },
    ],
    [
      ["0", "due at", '"); throw 1; ("', "line\nbreak", "none"],
      { 0: "z2", "due at": "x2", '"); throw 1; ("': "y2", "line\nbreak": "d:w2", none: "d:v2" },
    ],
  ];
  const runOdd = (nodeFlags: string[]) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          ...nodeFlags,
          "-e",
          `const { mapResultRow, sql } = require(${JSON.stringify(drizzleMain)});${ODD_ROW}`,
        ],
        { encoding: "utf8" },
      ),
    );
  const drizzleMain = createRequire(import.meta.url).resolve("drizzle-orm");

  it("maps any key as drizzle does, with code generation and without it", () => {
    expect(runOdd([])).toEqual(ODD_EXPECTED);
    // Where code generation from strings is off, the plain loop answers the same.
    expect(runOdd(["--disallow-code-generation-from-strings"])).toEqual(ODD_EXPECTED);
  });
});

/** A query's rows, run twice as it is and twice prepared (the mapper caches per statement), are `expected`
 * each time, with their keys in `keys`' order. */
async function expectSameRowsEachWay(
  query: () => PromiseLike<Record<string, unknown>[]> & {
    prepare(name: string): { execute(): Promise<unknown> };
  },
  name: string,
  expected: unknown[],
  keys: string[],
) {
  const prepared = query().prepare(name);
  for (const rows of [await query(), await query(), await prepared.execute(), await prepared.execute()]) {
    expect(rows).toEqual(expected);
    expect((rows as Record<string, unknown>[]).map((row) => Object.keys(row))).toEqual(
      expected.map(() => keys),
    );
  }
}

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
    await expectSameRowsEachWay(nestedQuery, `row_mapping_${engine}`, expected, [
      "title",
      "created",
      "shout",
      "one",
      "task",
      "list",
    ]);
  });

  it("maps a flat selection (columns, computed and decoded fields) the same way, prepared or not", async () => {
    const flatQuery = () =>
      t.database.db
        .select({
          id: tasks.id,
          title: tasks.title,
          tags: tasks.tags,
          list: tasks.listId,
          created: tasks.createdAt,
          "title in capitals": sql<string>`upper(${tasks.title})`,
          one: sql`1`.mapWith(Number),
        })
        .from(tasks)
        .where(eq(tasks.userId, owner))
        .orderBy(asc(tasks.id));
    const expected = [
      {
        id: expect.any(Number),
        title: "In a list",
        tags: ["a", "b"],
        list: listId,
        created: expect.any(Date),
        "title in capitals": "IN A LIST",
        one: 1,
      },
      {
        id: expect.any(Number),
        title: "In the Inbox",
        tags: [],
        list: null,
        created: expect.any(Date),
        "title in capitals": "IN THE INBOX",
        one: 1,
      },
    ];
    await expectSameRowsEachWay(flatQuery, `row_mapping_flat_${engine}`, expected, [
      "id",
      "title",
      "tags",
      "list",
      "created",
      "title in capitals",
      "one",
    ]);
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

import * as contracts from "@taskflow/contracts";
import { problemSchema, taskListSchema, taskSchema } from "@taskflow/contracts";
import fc from "fast-check";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { $ZodType } from "zod/v4/core";
import { serializerCompiler } from "./serializer";

type Serialize = (data: unknown) => string;
const route = (schema: unknown) => ({ schema, method: "GET", url: "/x", httpStatus: "200" });
const fast = (schema: unknown) => serializerCompiler(route(schema) as never) as Serialize;
const reference = (schema: unknown) => zodSerializerCompiler(route(schema) as never) as Serialize;

/** What a serializer made of a value: its text, or the error it threw (class and message). */
function outcome(serialize: Serialize, value: unknown): string {
  try {
    return `ok ${serialize(value)}`;
  } catch (error) {
    return `threw ${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

interface Def {
  type: string;
  shape?: Record<string, $ZodType>;
  innerType?: $ZodType;
  element?: $ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
}
const defOf = (schema: $ZodType) => schema._zod.def as unknown as Def;

/** Any JSON-ish value of the wrong kind, to put where a field's schema expects another. */
const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(Number.NaN),
  fc.constant(new Date(0)),
  fc.constant([]),
  fc.constant({}),
);

/** Values for a schema: mostly valid ones, with fields dropped, added, reordered or of the wrong type. */
function valueFor(schema: $ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const valid = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case "string":
        return fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constant('\ud800"\\\n\u2028'));
      case "number":
        return fc.oneof(
          fc.integer(),
          fc.integer({ min: -5, max: 5 }),
          fc.double(),
          fc.constantFrom(2 ** 60, Number.NaN, Number.POSITIVE_INFINITY, -0, 0.5),
        );
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      case "enum":
        return fc.constantFrom(...Object.values(def.entries ?? { x: "x" }));
      case "literal":
        return fc.constantFrom(...(def.values ?? [null]));
      case "nullable":
        return fc.oneof(fc.constant(null), valueFor(def.innerType as $ZodType, depth));
      case "optional":
        return fc.oneof(fc.constant(undefined), valueFor(def.innerType as $ZodType, depth));
      case "array":
        return depth > 3
          ? fc.constant([])
          : fc.array(valueFor(def.element as $ZodType, depth + 1), { maxLength: 3 });
      case "object": {
        if (depth > 3) return fc.constant({});
        const shape = def.shape ?? {};
        return fc
          .record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, valueFor(v, depth + 1)])))
          .map((record) => {
            // fc.record sets every key; an optional field may also be missing altogether.
            const out: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(record))
              if (value !== undefined || key.length % 2) out[key] = value;
            return out;
          });
      }
      default:
        return junk;
    }
  })();
  // Mostly valid, so that whole objects often are: each node is spoiled one time in twenty.
  return fc.oneof(
    { weight: 38, arbitrary: valid },
    { weight: 1, arbitrary: junk },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.nat(), fc.constantFrom("extra", "reorder", "drop", "proto"))
        .map(([v, n, how]) => {
          if (typeof v !== "object" || v === null) return v;
          if (Array.isArray(v)) return how === "proto" ? withToJson([...v], Array.prototype) : v;
          const entries = Object.entries(v);
          if (how === "extra") return { ...v, [`x${n % 3}`]: n };
          if (how === "drop" && entries.length)
            return Object.fromEntries(entries.filter((_, i) => i !== n % entries.length));
          if (how === "proto") return withToJson({ ...v }, Object.prototype);
          return Object.fromEntries(entries.reverse());
        }),
    },
  );
}

/** `value` with a prototype that has a (hidden) toJSON: JSON.stringify would write something else. */
function withToJson<T extends object>(value: T, base: object): T {
  const proto = Object.create(base);
  Object.defineProperty(proto, "toJSON", { value: () => "replaced", enumerable: false });
  return Object.setPrototypeOf(value, proto);
}

/** Every kind the fast path knows, and a few next to them that it must leave to zod. */
const synthetic: [string, $ZodType][] = [
  [
    "synthetic",
    z.object({
      n: z.number(),
      i: z.int(),
      m: z.number().int().min(0).max(10),
      g: z.number().gt(-1).lt(1),
      s: z.string().nullable(),
      o: z.string().optional(),
      on: z.number().nullable().optional(),
      b: z.boolean(),
      e: z.enum(["a", "b"]),
      l: z.literal("x"),
      z: z.null(),
      a: z.array(z.object({ k: z.string(), v: z.array(z.number()) })),
    }),
  ],
  [
    "formats",
    z.object({ email: z.email(), at: z.iso.datetime(), t: z.string().trim(), r: z.string().min(2) }),
  ],
  [
    "objects",
    z.object({ strict: z.strictObject({ a: z.string() }), loose: z.looseObject({ a: z.string() }) }),
  ],
  ["unions", z.object({ u: z.union([z.string(), z.number()]), d: z.string().default("x") })],
  ["top-level array", z.array(z.string())],
];

const schemas: [string, $ZodType][] = [
  ...Object.entries(contracts as Record<string, unknown>).flatMap(([name, value]): [string, $ZodType][] =>
    value instanceof $ZodType ? [[name, value]] : [],
  ),
  ...synthetic,
];

describe("the response serializer", () => {
  it("writes exactly what zod's serializer writes, and throws where it throws, for every contract schema", () => {
    expect(schemas.length).toBeGreaterThan(20);
    for (const [name, schema] of schemas) {
      const ours = fast(schema);
      const theirs = reference(schema);
      fc.assert(
        fc.property(valueFor(schema), (value) => {
          expect(outcome(ours, value), name).toBe(outcome(theirs, value));
        }),
        { numRuns: name.startsWith("synthetic") ? 3000 : 200 },
      );
    }
  });

  it("takes the fast path for a task list and a task, and zod's for a problem (it has a default)", () => {
    const task = {
      id: 1,
      title: "Buy milk",
      description: "",
      completed: false,
      priority: "high",
      tags: ["errands"],
      due_at: null,
      all_day: false,
      recurrence: null,
      recurrence_text: null,
      completed_count: 0,
      remind_at: null,
      completed_at: null,
      created_at: "2026-11-30T15:20:00.000Z",
      updated_at: "2026-11-30T15:20:00.000Z",
      deleted_at: null,
      list_id: null,
    };
    const list = { items: [task, { ...task, id: 2 }], next_cursor: null };
    expect(fast(taskListSchema)(list)).toBe(JSON.stringify(list));
    expect(fast(taskSchema)(task)).toBe(JSON.stringify(task));
    // A listed field JSON.stringify does not see (not enumerable) is still in zod's copy.
    const hidden = { ...list };
    Object.defineProperty(hidden, "total", { value: 5, enumerable: false });
    expect(fast(taskListSchema)(hidden)).toBe(reference(taskListSchema)(hidden));
    expect(fast(taskListSchema)(hidden)).toContain('"total":5');
    // Different key order or an extra field: zod's copy, in the schema's order, without the extra.
    const reordered = { ...Object.fromEntries(Object.entries(task).reverse()), secret: "x" };
    expect(fast(taskSchema)(reordered)).toBe(JSON.stringify(task));
    expect(() => fast(taskSchema)({ ...task, id: 1.5 })).toThrow(/Response doesn't match the schema/);
    const problem = { type: "about:blank", status: 404, title: "Not Found", detail: "Task 9 not found" };
    expect(fast(problemSchema)(problem)).toBe(reference(problemSchema)(problem));
    expect(fast(z.object({ a: z.string().trim() }))({ a: " x " })).toBe(
      reference(z.object({ a: z.string().trim() }))({ a: " x " }),
    );
  });
});

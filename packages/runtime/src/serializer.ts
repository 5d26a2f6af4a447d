// The response serializer of every service: fastify-type-provider-zod's (`safeEncode` of the route's zod
// schema, then JSON.stringify of the copy zod builds) with a fast path in front. For a schema made only of
// plain JSON shapes (objects, strings, numbers, booleans, null, arrays, enums, literals, nullable,
// optional), a check compiled from the schema walks the value once without copying it; when the value is
// one zod accepts *and* whose own JSON text is the text of zod's copy (no field the schema does not list,
// fields in the schema's order, plain objects and arrays), the value is stringified as it is. Anything
// else — a field too many, another order, a wrong type, a schema with transforms, defaults or unions —
// takes zod's path, so the bytes sent and the errors raised are zod's in every case.
import type { FastifySerializerCompiler } from "fastify";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { $ZodType } from "zod/v4/core";

/** True when zod would accept `value` and its copy would stringify to `JSON.stringify(value)`. */
type Check = (value: unknown) => boolean;

interface ZodDef {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  shape?: Record<string, $ZodType>;
  innerType?: $ZodType;
  element?: $ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
}

const defOf = (schema: $ZodType) => schema._zod.def as unknown as ZodDef;

const NUMBER_RANGES: Record<string, [number, number]> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
};

/** The number checks zod applies that the fast path repeats; any other check means "not plain". */
function numberCheck(def: Record<string, unknown>): ((n: number) => boolean) | undefined {
  const bound = def.value;
  switch (def.check) {
    case "number_format": {
      const range = NUMBER_RANGES[def.format as string];
      if (!range) return undefined;
      const [low, high] = range;
      return (n) => Number.isInteger(n) && n >= low && n <= high;
    }
    case "greater_than":
      if (typeof bound !== "number") return undefined;
      return def.inclusive ? (n) => n >= bound : (n) => n > bound;
    case "less_than":
      if (typeof bound !== "number") return undefined;
      return def.inclusive ? (n) => n <= bound : (n) => n < bound;
    default:
      return undefined;
  }
}

const plainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** Integer-like keys are enumerated first by JavaScript, whatever the order they were set in. */
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

/** The keys each kind of definition may have for the fast path; any other key (a format, a coercion, a
 * catch-all, a check of its own) means zod does more than the fast path repeats. */
const ALLOWED_KEYS: Record<string, readonly string[]> = {
  string: ["type", "checks"],
  boolean: ["type", "checks"],
  null: ["type", "checks"],
  number: ["type", "checks", "check", "format", "abort"],
  enum: ["type", "entries", "checks"],
  literal: ["type", "values", "checks"],
  nullable: ["type", "innerType"],
  optional: ["type", "innerType"],
  array: ["type", "element", "checks"],
  object: ["type", "shape", "checks"],
};

function onlyKnownKeys(def: ZodDef): boolean {
  const allowed = ALLOWED_KEYS[def.type];
  if (!allowed) return false;
  for (const [key, value] of Object.entries(def))
    if (value !== undefined && !allowed.includes(key)) return false;
  return true;
}

/** A check for a plain schema, or undefined when the schema is not one the fast path understands. */
function compileCheck(schema: $ZodType): Check | undefined {
  const def = defOf(schema);
  if (!onlyKnownKeys(def)) return undefined;
  const checks = def.checks ?? [];
  switch (def.type) {
    case "string":
      return checks.length ? undefined : (v) => typeof v === "string";
    case "boolean":
      return checks.length ? undefined : (v) => typeof v === "boolean";
    case "null":
      return checks.length ? undefined : (v) => v === null;
    case "number": {
      // z.int() is a number schema that is its own number_format check.
      const defs = checks.map((check) => check._zod.def);
      if ((def as unknown as Record<string, unknown>).check !== undefined)
        defs.push(def as unknown as Record<string, unknown>);
      const tests = defs.map(numberCheck);
      if (tests.some((test) => test === undefined)) return undefined;
      const all = tests as ((n: number) => boolean)[];
      // A loop, not `all.every(test => test(v))`: that closure would be a new object for every number sent.
      return (v) => {
        if (typeof v !== "number" || !Number.isFinite(v)) return false;
        for (let i = 0; i < all.length; i++) if (!(all[i] as (n: number) => boolean)(v)) return false;
        return true;
      };
    }
    case "enum": {
      const values = Object.values(def.entries ?? {});
      if (checks.length || !values.every((value) => typeof value === "string")) return undefined;
      const allowed = new Set(values);
      return (v) => typeof v === "string" && allowed.has(v);
    }
    case "literal": {
      const values = def.values ?? [];
      if (checks.length || !values.every((value) => typeof value === "string" || typeof value === "boolean"))
        return undefined;
      const allowed = new Set<unknown>(values);
      return (v) => allowed.has(v);
    }
    case "nullable": {
      const inner = def.innerType && compileCheck(def.innerType);
      return inner && ((v) => v === null || inner(v));
    }
    case "array": {
      const element = def.element && compileCheck(def.element);
      if (!element || checks.length) return undefined;
      return (v) => {
        if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case "object":
      return compileObject(def);
    default:
      // optional outside an object: zod's path.
      return undefined;
  }
}

function compileObject(def: ZodDef): Check | undefined {
  if (def.checks?.length || !def.shape) return undefined;
  const keys: string[] = [];
  const tests: Check[] = [];
  const optional: boolean[] = [];
  for (const [key, field] of Object.entries(def.shape)) {
    if (INDEX_LIKE.test(key)) return undefined;
    const fieldDef = defOf(field);
    const isOptional = fieldDef.type === "optional" && onlyKnownKeys(fieldDef);
    const test = compileCheck(isOptional && fieldDef.innerType ? fieldDef.innerType : field);
    if (!test) return undefined;
    keys.push(key);
    tests.push(test);
    optional.push(isOptional);
  }
  const count = keys.length;
  return (v) => {
    if (!plainObject(v)) return false;
    // The value's own keys, in the order JSON.stringify writes them, must be the schema's keys in the
    // schema's order (zod's copy has that order), optional ones possibly missing.
    let next = 0;
    for (const key in v) {
      while (next < count && keys[next] !== key) {
        // A listed key this loop skipped must be absent (a non-enumerable one still reaches zod's copy).
        if (!optional[next] || v[keys[next] as string] !== undefined) return false;
        next++;
      }
      if (next === count) return false;
      const value = v[key];
      // undefined: JSON.stringify leaves the key out, as it does zod's copy of an optional field.
      if (!(value === undefined ? optional[next] : (tests[next] as Check)(value))) return false;
      next++;
    }
    for (; next < count; next++) if (!optional[next] || v[keys[next] as string] !== undefined) return false;
    return true;
  };
}

function zodSchemaOf(schema: unknown): $ZodType | undefined {
  if (schema instanceof $ZodType) return schema;
  const properties = (schema as { properties?: unknown } | null)?.properties;
  return properties instanceof $ZodType ? properties : undefined;
}

/**
 * fastify-type-provider-zod's serializer compiler with the fast path described above. The fast path
 * never changes a byte: the values it takes are exactly those whose `JSON.stringify` is zod's output.
 */
export const serializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const viaZod = zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]) as (
    data: unknown,
  ) => string;
  const zodSchema = zodSchemaOf(route.schema);
  const check = zodSchema && compileCheck(zodSchema);
  if (!check) return viaZod;
  return (data: unknown) => (check(data) ? JSON.stringify(data) : viaZod(data));
};

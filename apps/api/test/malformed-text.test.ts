// Malformed text in any input is a 400 naming the field, and changes nothing: a lone UTF-16 surrogate
// (which no UTF-8 column or jsonb value can hold) or a NUL character (which PostgreSQL text cannot hold).
// The cases are not listed by hand: every string field of every operation in the api's OpenAPI document
// (bodies and query strings, auth included) and of every tool the MCP server lists is tried, so a route or
// tool added later is covered without touching this file.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { engines } from "@taskflow/testing/databases";
import { expectProblem, http } from "@taskflow/testing/http";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface JsonSchema {
  type?: string | string[];
  format?: string;
  minLength?: number;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}
interface Operation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const MALFORMED = {
  "lone high surrogate": "milk \ud800 today",
  "lone low surrogate": "\udfff",
  "reversed pair": "a\udc00\ud800b",
  NUL: "milk\u0000",
};

const isString = (schema: JsonSchema): boolean =>
  schema.type === "string" ||
  (Array.isArray(schema.type) && schema.type.includes("string")) ||
  (schema.anyOf ?? []).some(isString);

/** Every string-valued place in an object schema, as [field name in errors[], value builder]. */
function stringFields(schema: JsonSchema | undefined): [string, (bad: string) => [string, unknown]][] {
  return Object.entries(schema?.properties ?? {}).flatMap(([name, property]) => {
    const out: [string, (bad: string) => [string, unknown]][] = [];
    if (isString(property)) out.push([name, (bad) => [name, bad]]);
    const items = property.items ?? property.anyOf?.find((s) => s.items)?.items;
    if (items && isString(items)) out.push([`${name}.0`, (bad) => [name, [bad]]]);
    return out;
  });
}

let seq = 0;
/** A valid value for a required field, so that only the field under test is wrong. */
function validValue(name: string, schema: JsonSchema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  if (schema.type === "integer" || schema.type === "number") return 1;
  if (schema.format === "email" || name === "email") return `probe-${Date.now()}-${++seq}@example.com`;
  if ((schema.minLength ?? 0) >= 8) return "a long enough passphrase";
  return "ok";
}

describe.each(engines)("malformed text in every input on %s", (engine) => {
  let stack: TestStack;
  let owner: TestUser;
  let taskId: number;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    owner = await stack.signUp("Owner");
    const created = await http<{ id: number }>(stack.apiUrl, "POST", "/api/tasks", {
      headers: owner.headers,
      json: { title: "Existing", description: "unchanged" },
    });
    taskId = created.body.id;
  });
  afterAll(() => stack?.close());

  /** Everything a request could have written, for every user. */
  async function snapshot() {
    const tables = ['"user"', "session", "account", "tasks", "personal_tokens", "conversations", "messages"];
    const counts = await Promise.all(
      tables.map(async (t) => [
        t,
        (await stack.db.database.execute(`select count(*)::int as n from ${t}`))[0]?.n,
      ]),
    );
    const tasks = await stack.db.database.execute("select * from tasks order by id");
    return { counts, tasks };
  }

  it("every string field of every REST operation (bodies and query strings) refuses it with a 400", async () => {
    const doc = (
      await http<{ paths: Record<string, Record<string, Operation>> }>(
        stack.apiUrl,
        "GET",
        "/api/openapi.json",
      )
    ).body;
    const before = await snapshot();
    let tried = 0;
    for (const [template, operations] of Object.entries(doc.paths)) {
      const path = template.replace("{user_id}", owner.id).replace(/\{[^}]+\}/g, String(taskId));
      for (const [method, operation] of Object.entries(operations)) {
        const bodySchema = operation.requestBody?.content?.["application/json"]?.schema;
        const required = Object.fromEntries(
          (bodySchema?.required ?? []).map((name) => [
            name,
            validValue(name, bodySchema?.properties?.[name] ?? {}),
          ]),
        );
        for (const [field, place] of stringFields(bodySchema)) {
          for (const [label, bad] of Object.entries(MALFORMED)) {
            const [key, value] = place(bad);
            const res = await http(stack.apiUrl, method.toUpperCase(), path, {
              headers: owner.headers,
              json: { ...required, [key]: value },
            });
            expect(res.status, `${method} ${template} ${field} ${label}: ${res.text}`).toBe(400);
            expectProblem(res, 400, [field]);
            tried++;
          }
        }
        // A query string cannot carry a lone surrogate (percent-encoding is UTF-8), but it can carry NUL.
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in !== "query" || !isString(parameter.schema) || parameter.schema.enum) continue;
          const res = await http(stack.apiUrl, method.toUpperCase(), `${path}?${parameter.name}=a%00b`, {
            headers: owner.headers,
          });
          expect(res.status, `${method} ${template} ?${parameter.name}: ${res.text}`).toBe(400);
          expectProblem(res, 400, [parameter.name]);
          tried++;
        }
      }
    }
    // The document lists the auth, task, chat and token operations; if it ever stops, this says so.
    expect(tried).toBeGreaterThan(60);
    expect(await snapshot()).toEqual(before);
  });

  it("every string argument of every MCP tool refuses it with a tool error naming the argument", async () => {
    const tokenRes = await http<{ token: string }>(stack.apiUrl, "POST", "/api/tokens", {
      headers: owner.headers,
      json: { name: "probe" },
    });
    const client = new Client({ name: "malformed-probe", version: "0.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(stack.mcpUrl), {
        requestInit: { headers: { authorization: `Bearer ${tokenRes.body.token}` } },
      }),
    );
    try {
      const { tools } = await client.listTools();
      const before = await snapshot();
      let tried = 0;
      for (const tool of tools) {
        const schema = tool.inputSchema as JsonSchema;
        const required = Object.fromEntries(
          (schema.required ?? []).map((name) => [
            name,
            name === "task_id" ? taskId : validValue(name, schema.properties?.[name] ?? {}),
          ]),
        );
        for (const [field, place] of stringFields(schema)) {
          for (const [label, bad] of Object.entries(MALFORMED)) {
            const [key, value] = place(bad);
            const result = (await client.callTool({
              name: tool.name,
              arguments: { ...required, [key]: value },
            })) as CallToolResult;
            const text = result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
            expect(result.isError, `${tool.name} ${field} ${label}: ${text}`).toBe(true);
            expect(text, `${tool.name} ${field} ${label}`).toContain(key);
            tried++;
          }
        }
      }
      expect(tried).toBeGreaterThan(20);
      expect(await snapshot()).toEqual(before);
    } finally {
      await client.close();
    }
  });

  it("a lone surrogate in a chat message is a 400 before any tool runs: no task, no conversation", async () => {
    const before = await snapshot();
    const res = await http(stack.apiUrl, "POST", "/api/chat", {
      headers: owner.headers,
      json: { message: "add buy \ud800 milk tomorrow" },
    });
    expectProblem(res, 400, ["message"]);
    expect(await snapshot()).toEqual(before);
  });
});

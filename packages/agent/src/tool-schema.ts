// What the model is shown of an MCP tool's input schema. Two things are removed wherever they appear
// (nested objects, arrays, anyOf branches, definitions): `$schema`, which some OpenAI-compatible
// endpoints (Gemini's) reject, and a `user_id` property, which the model must never fill — the MCP
// server takes the user from the token, and an argument it is offered invites it to try.
const HIDDEN_PROPERTIES = new Set(["user_id"]);
const DROPPED_KEYWORDS = new Set(["$schema"]);

export function modelInputSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(modelInputSchema);
  if (!schema || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (key === "properties" && value && typeof value === "object" && !Array.isArray(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value)
          .filter(([name]) => !HIDDEN_PROPERTIES.has(name))
          .map(([name, sub]) => [name, modelInputSchema(sub)]),
      );
    } else if (key === "required" && Array.isArray(value)) {
      out.required = value.filter((name) => !HIDDEN_PROPERTIES.has(String(name)));
    } else {
      out[key] = modelInputSchema(value);
    }
  }
  return out;
}

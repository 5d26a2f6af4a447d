// GET /api/config: what the web app reads about this deployment before anyone signs in.
import { type AppConfig, appConfigSchema } from "@taskflow/contracts";
import { engines } from "@taskflow/testing/databases";
import { http } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe.each(engines)("GET /api/config on %s", (engine) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(engine);
  });
  afterAll(() => stack?.close());

  it("answers anyone with the MCP URL and the assistant, exactly in the contract's shape", async () => {
    const response = await http<AppConfig>(stack.apiUrl, "GET", "/api/config");
    expect(response.status).toBe(200);
    expect(appConfigSchema.strict().parse(response.body)).toEqual(response.body);
    // No language model is configured in the test stack: the built-in parser answers.
    expect(response.body.assistant).toBe("offline");
    expect(response.body.mcp_url).toMatch(/^https?:\/\//);
  });
});

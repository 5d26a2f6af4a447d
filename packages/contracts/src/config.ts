import { z } from "zod";

/** Who answers the chat: the built-in offline parser, or a language model. */
export const ASSISTANT_MODES = ["offline", "llm"] as const;
export type AssistantMode = (typeof ASSISTANT_MODES)[number];

/** GET /api/config: what the web app needs to know about this deployment (public, no secrets). */
export const appConfigSchema = z
  .object({
    mcp_url: z.string().describe("The MCP server's public URL, for the snippets of AI tools to connect"),
    assistant: z.enum(ASSISTANT_MODES).describe("Who answers the chat"),
  })
  .meta({ id: "AppConfig" });
export type AppConfig = z.infer<typeof appConfigSchema>;

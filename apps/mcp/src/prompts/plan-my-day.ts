import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { textInput } from "@taskflow/contracts";
import { PROMPT, TOOL } from "@taskflow/contracts/mcp-tools";
import { todayContents } from "../resources/today";
import type { ToolDeps } from "../tools/tool-context";

export function registerPlanMyDayPrompt(server: McpServer, deps: ToolDeps) {
  server.registerPrompt(
    PROMPT.planMyDay,
    {
      title: "Plan my day",
      description: "Plan today from your overdue tasks and what is due today.",
      argsSchema: {
        focus: textInput()
          .max(200, "must be at most 200 characters")
          .optional()
          .describe("Optional: what to focus on today, e.g. 'work' or 'the move'"),
      },
    },
    async ({ focus }, extra) => {
      const today = await todayContents(deps, extra);
      const instructions = [
        "Help me plan my day with my Taskflow tasks, attached as JSON (overdue tasks, tasks due today, counts; dates in my time zone).",
        "Suggest an order for today: what is overdue and still matters first, then today's tasks by priority and due time. Keep it short.",
        "Point out what I should move to another day or drop, and ask before changing anything. When I agree, use " +
          `${TOOL.updateTasks} to move due dates and ${TOOL.completeTasks} for what is already done.`,
        ...(focus ? [`My focus today: ${focus}.`] : []),
      ].join("\n");
      return {
        description: "Plan today from overdue tasks and what is due today",
        messages: [
          { role: "user", content: { type: "text", text: instructions } },
          { role: "user", content: { type: "resource", resource: today } },
        ],
      };
    },
  );
}

import type { ToolCall } from "@taskflow/contracts";
import { READ_ONLY_TOOLS, TOOL } from "@taskflow/contracts/mcp-tools";
import { describe, expect, it } from "vitest";
import { describeToolCall } from "./tool-chips";

const call = (tool: string, args: unknown, result: unknown, is_error = false): ToolCall => ({
  tool,
  arguments: args as ToolCall["arguments"],
  result,
  is_error,
});

describe("describeToolCall", () => {
  it("names every tool in plain words: no chip says 'Used <tool>'", () => {
    for (const tool of Object.values(TOOL)) {
      const chip = describeToolCall(call(tool, {}, {}), "UTC");
      expect(chip.label, tool).not.toMatch(/^Used /);
      expect(chip.label, tool).not.toContain(tool);
    }
  });

  it("refreshes the board after a change, never after a read", () => {
    for (const tool of Object.values(TOOL)) {
      const chip = describeToolCall(call(tool, {}, {}), "UTC");
      expect(chip.changesTasks, tool).toBe(!READ_ONLY_TOOLS.has(tool));
    }
  });

  it("says what happened to lists and how many tasks a bulk call touched", () => {
    expect(
      describeToolCall(call(TOOL.createList, { name: "Health" }, { id: 1, name: "Health", task_count: 0 }))
        .label,
    ).toBe("Created list ‘Health’");
    expect(
      describeToolCall(call(TOOL.renameList, { list: "health", name: "Wellbeing" }, { name: "Wellbeing" }))
        .label,
    ).toBe("Renamed list ‘health’ to ‘Wellbeing’");
    expect(
      describeToolCall(call(TOOL.deleteList, { list: "work" }, { id: 2, name: "Work", open_tasks_moved: 3 }))
        .label,
    ).toBe("Deleted list ‘Work’");
    expect(describeToolCall(call(TOOL.addTasks, {}, { count: 2, results: [{}, {}] })).label).toBe(
      "Added 2 tasks",
    );
    expect(describeToolCall(call(TOOL.completeTasks, {}, { count: 1, results: [{}] })).label).toBe(
      "Completed 1 task",
    );
    expect(describeToolCall(call(TOOL.listLists, {}, { lists: [{}, {}, {}] })).label).toBe(
      "Read your 3 lists",
    );
    expect(describeToolCall(call(TOOL.findTasksByDate, {}, { tasks: [{}] })).label).toBe("Listed 1 task");
  });

  it("an unknown tool is named, and refreshes the board in case it changed something", () => {
    const chip = describeToolCall(call("future_tool", {}, {}));
    expect(chip).toMatchObject({ label: "Used future_tool", changesTasks: true });
  });

  it("a failed list tool says what it could not do and why", () => {
    const chip = describeToolCall(call(TOOL.deleteList, { list: "x" }, { error: "No list called x" }, true));
    expect(chip).toMatchObject({
      label: "Couldn’t delete the list: No list called x",
      tone: "error",
      changesTasks: false,
    });
  });
});

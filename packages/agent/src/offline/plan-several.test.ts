// A several-items add never deletes or completes a task on a guess: "add eggs, bin bags" is two groceries,
// not an add and a delete of the "bags" task. A part is a command only when it cannot be an item (a task
// number, "the … task", or set apart by "then", ";" or a sentence's end).
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { describe, expect, it } from "vitest";
import { planOfflineTurn } from "./plan-offline-turn.js";
import type { KnownList, KnownTask, Step } from "./types.js";

const now = new Date("2026-01-15T09:00:00Z");
const tasks: KnownTask[] = [
  { id: 4, title: "Buy milk", list: "Groceries" },
  { id: 5, title: "Dentist appointment", list: "Health" },
  { id: 11, title: "bags", list: null },
  { id: 12, title: "report", list: null },
  { id: 13, title: "bread", list: null },
];
const lists: KnownList[] = [
  { name: "Groceries", task_count: 1 },
  { name: "Health", task_count: 1 },
];

function steps(say: string): Step[] {
  const p = planOfflineTurn(say, { now, tasks, lists });
  if (p.kind === "steps") return p.steps;
  if (p.kind === "tool") return [{ tool: p.tool, arguments: p.arguments }];
  throw new Error(`no change for “${say}”: ${JSON.stringify(p)}`);
}
const add = (title: string, list?: string): Step => ({
  tool: TOOL.addTask,
  arguments: list === undefined ? { title } : { title, list },
});
const del = (id: number): Step => ({ tool: TOOL.deleteTask, arguments: { task_id: id } });

describe("a delete or complete verb inside a several-items add", () => {
  it.each([
    ["add eggs, bin bags", [add("eggs"), add("bin bags")]],
    ["add milk, bin bags and bread", [add("milk"), add("bin bags"), add("bread")]],
    [
      "add milk, bin bags and bread to Groceries",
      [add("milk", "Groceries"), add("bin bags", "Groceries"), add("bread", "Groceries")],
    ],
    ["add eggs, delete bags", [add("eggs"), add("delete bags")]],
    ["add eggs, trash bags, scrap paper", [add("eggs"), add("trash bags"), add("scrap paper")]],
    // Complete verbs alike: the "report" task stays open.
    ["add milk, finish report", [add("milk"), add("finish report")]],
    ["add milk, complete report", [add("milk"), add("complete report")]],
    ["add milk, tick report", [add("milk"), add("tick report")]],
    // Only "add" / "create" split a comma list into items; any add opening keeps the verb an item's word.
    ["remind me to call mum, finish report", [add("call mum, finish report")]],
    // A sentence's end is no more a command's mark than a comma: the words stay a title, as typed (only a
    // comma splits an add's items, so "call dr. smith" stays one).
    ["add eggs. bin bags", [add("eggs. bin bags")]],
    ["add eggs, bin bags. Finish report", [add("eggs"), add("bin bags. Finish report")]],
    // A bare "and" never splits an add's items, so the words stay one title (nothing deleted).
    ["add eggs and bin bags", [add("eggs and bin bags")]],
  ])("%s is only adds", (say, expected) => {
    expect(steps(say)).toEqual(expected);
  });

  it.each([
    ["add eggs, then delete task 4", [add("eggs"), del(4)]],
    ["add eggs; delete the bags task", [add("eggs"), del(11)]],
    ["add eggs and delete task 4", [add("eggs"), del(4)]],
    ["add eggs, delete #4", [add("eggs"), del(4)]],
    ["add eggs, delete the bags task", [add("eggs"), del(11)]],
    ["add eggs. delete task 4", [add("eggs"), del(4)]],
    // The number is the last part's: "bin bags" is still an item.
    ["add eggs, bin bags and delete task 4", [add("eggs"), add("bin bags"), del(4)]],
    ["add eggs, bin bags. delete task 4", [add("eggs"), add("bin bags"), del(4)]],
    ["delete task 4. add eggs, bin bags", [del(4), add("eggs"), add("bin bags")]],
  ])("%s still does the command said unmistakably", (say, expected) => {
    expect(steps(say)).toEqual(expected);
  });

  it.each([
    ["delete bags", [del(11)]],
    ["bin the dentist task", [del(5)]],
    ["finish report", [{ tool: TOOL.completeTask, arguments: { task_id: 12 } }]],
  ])("%s alone is unchanged", (say, expected) => {
    expect(steps(say)).toEqual(expected);
  });
});

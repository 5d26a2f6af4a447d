// Lists in the offline parser: every phrasing of issue #12 and its near misses. A phrase after "to", "on",
// "in" is a list only when the user has a list of that name or the sentence says "list"; otherwise the
// words mean what they meant before lists existed. Nothing here ever creates a list the user did not ask for.
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { describe, expect, it } from "vitest";
import { inverseOf } from "./inverse.js";
import { planOfflineTurn } from "./plan-offline-turn.js";
import type { KnownList, KnownTask, OfflinePlan, StoredMessage } from "./types.js";

const now = new Date("2026-01-15T09:00:00Z");
const tasks: KnownTask[] = [
  { id: 4, title: "Buy milk", list: "Groceries" },
  { id: 5, title: "Dentist appointment", list: "Health" },
  { id: 7, title: "Call the plumber", list: null },
  { id: 9, title: "Quarterly report", list: "Work", tags: ["work"] },
];
const lists: KnownList[] = [
  { name: "Groceries", task_count: 1 },
  { name: "Work", task_count: 1 },
  { name: "Health", task_count: 1 },
  { name: "Family", task_count: 0 },
];

function plan(say: string, history?: StoredMessage[], own: KnownList[] = lists): OfflinePlan {
  return planOfflineTurn(say, { now, tasks, lists: own, ...(history ? { history } : {}) });
}
function call(say: string, history?: StoredMessage[], own?: KnownList[]) {
  const p = plan(say, history, own);
  if (p.kind !== "tool") throw new Error(`no tool for “${say}”: ${JSON.stringify(p)}`);
  return { tool: p.tool, args: p.arguments };
}
function reply(say: string, history?: StoredMessage[], own?: KnownList[]): string {
  const p = plan(say, history, own);
  if (p.kind !== "reply") throw new Error(`no reply for “${say}”: ${JSON.stringify(p)}`);
  return p.reply;
}

describe("adding to a list", () => {
  it.each([
    ["add milk to Groceries", { title: "milk", list: "Groceries" }],
    ["add milk to groceries", { title: "milk", list: "Groceries" }],
    ["add buy milk to my groceries list", { title: "buy milk", list: "Groceries" }],
    ["add eggs to my grocery list", { title: "eggs", list: "Groceries" }],
    ["put call mum on the Family list", { title: "call mum", list: "Family" }],
    [
      "add eggs to Groceries tomorrow #food",
      { title: "eggs", list: "Groceries", due: "2026-01-16", tags: ["food"] },
    ],
    ["remind me to book the dentist in Health", { title: "book the dentist", list: "Health" }],
    ["add milk to the groceries list please", { title: "milk", list: "Groceries" }],
    ["add call mum to the Inbox", { title: "call mum", list: "inbox" }],
  ])("%s", (say, args) => {
    expect(call(say)).toEqual({ tool: TOOL.addTask, args });
  });

  it.each([
    // Not a list the user has, and no "list" said: the words stay the title, exactly as before lists.
    ["add call mum to the shop", "call mum to the shop"],
    ["add milk to Bakery", "milk to Bakery"],
    ["add send invoice to ACME", "send invoice to ACME"],
    // A verb's own "to" is not a list, even one called Work.
    ["add go to work tomorrow", "go to work"],
    // The whole task list, not a list: "my list", "my shopping list", "the todo list".
    ["add milk to my list", "milk"],
    ["add eggs to my shopping list", "eggs"],
    ["add call the bank to my todo list", "call the bank"],
  ])("%s stays a task in the Inbox titled %s", (say, title) => {
    const { tool, args } = call(say);
    expect(tool).toBe(TOOL.addTask);
    expect(args.title).toBe(title);
    expect(args.list).toBeUndefined();
  });

  it("keeps #tags as tags, never a list", () => {
    expect(call("add milk #groceries")).toEqual({
      tool: TOOL.addTask,
      args: { title: "milk", tags: ["groceries"] },
    });
  });

  it("asks, and adds nothing, when the sentence names a list the user does not have", () => {
    expect(reply("add bread to my Bakery list")).toBe(
      "You have no list called “Bakery”. Create it, or add ‘bread’ to the Inbox? Say “create it” or “inbox”; nothing was added yet.",
    );
    expect(reply("add call mum to the shop list")).toMatch(/^You have no list called “shop”/);
    expect(reply("add 'Plan trip' to the \"Side projects\" list")).toMatch(
      /no list called “Side projects”.*‘Plan trip’/,
    );
    // No lists at all: the same question, never a silent create.
    expect(reply("add buy milk to my groceries list", undefined, [])).toMatch(
      /^You have no list called “groceries”/,
    );
  });

  describe("the answer to that question", () => {
    const asked = (say: string): StoredMessage[] => [
      { role: "user", content: say },
      { role: "assistant", content: reply(say) },
    ];
    it.each(["create it", "yes", "yes, create the list", "make it please"])(
      "%s creates the list, then adds",
      (answer) => {
        expect(plan(answer, asked("add bread tomorrow to my Bakery list"))).toEqual({
          kind: "steps",
          purpose: "several",
          steps: [
            { tool: TOOL.createList, arguments: { name: "Bakery" } },
            { tool: TOOL.addTask, arguments: { title: "bread", due: "2026-01-16", list: "Bakery" } },
          ],
        });
      },
    );
    it.each(["inbox", "the inbox", "no, add it to the inbox", "no"])(
      "%s adds to the Inbox, no list made",
      (answer) => {
        expect(call(answer, asked("add bread to my Bakery list"))).toEqual({
          tool: TOOL.addTask,
          args: { title: "bread" },
        });
      },
    );
    it("a new command after the question is read as itself", () => {
      expect(call("add eggs", asked("add bread to my Bakery list")).args).toEqual({ title: "eggs" });
    });
  });
});

describe("several items into a list", () => {
  function steps(say: string, history?: StoredMessage[], own?: KnownList[]) {
    const p = plan(say, history, own);
    if (p.kind !== "steps") throw new Error(`no steps for “${say}”: ${JSON.stringify(p)}`);
    return p.steps;
  }
  const adds = (list: string | undefined, ...titles: string[]) =>
    titles.map((title) => ({
      tool: TOOL.addTask,
      arguments: list === undefined ? { title } : { title, list },
    }));

  it.each([
    ["add milk, eggs to Groceries", adds("Groceries", "milk", "eggs")],
    ["add milk, eggs and bread to Groceries", adds("Groceries", "milk", "eggs", "bread")],
    ["add milk, eggs, and bread to Groceries", adds("Groceries", "milk", "eggs", "bread")],
    ["add milk, eggs and bread to my groceries list", adds("Groceries", "milk", "eggs", "bread")],
    ["add milk, eggs and bread to GROCERIES", adds("Groceries", "milk", "eggs", "bread")],
    ["add milk, eggs and bread in work", adds("Work", "milk", "eggs", "bread")],
    [
      "add call mum, buy flowers and book the table on the Family list",
      adds("Family", "call mum", "buy flowers", "book the table"),
    ],
    [
      "add paint, brushes, tape, sandpaper and filler to home improvement",
      adds("Home Improvement", "paint", "brushes", "tape", "sandpaper", "filler"),
    ],
    [
      "add paint, brushes, tape, sandpaper, and filler to my Home Improvement list",
      adds("Home Improvement", "paint", "brushes", "tape", "sandpaper", "filler"),
    ],
    ["add milk, eggs and bread to the Inbox", adds("inbox", "milk", "eggs", "bread")],
  ])("%s puts every item in the list", (say, expected) => {
    expect(steps(say, undefined, [...lists, { name: "Home Improvement", task_count: 0 }])).toEqual(expected);
  });

  it("an item that names a list of its own keeps it", () => {
    expect(steps("add milk to Work, eggs and bread to Groceries")).toEqual([
      ...adds("Work", "milk"),
      ...adds("Groceries", "eggs", "bread"),
    ]);
  });

  it("a bare “and” is still one task, in the list (“add eggs and bread” is one task, as without a list)", () => {
    expect(call("add milk and eggs to the Groceries list")).toEqual({
      tool: TOOL.addTask,
      args: { title: "milk and eggs", list: "Groceries" },
    });
  });

  it.each([
    // Not a list the user has, no "list" said: the words stay the last title, exactly as before lists.
    ["add milk, eggs and bread to Bakery", "bread to Bakery"],
    ["add milk, eggs and cards to ACME", "cards to ACME"],
    // The whole task list, not a list.
    ["add milk, eggs and bread to my shopping list", "bread"],
  ])("%s: no list, the last title is %s", (say, last) => {
    const got = steps(say);
    expect(got.map((s) => s.arguments.title)).toEqual(["milk", "eggs", last]);
    expect(got.every((s) => s.arguments.list === undefined)).toBe(true);
  });

  it("a date said after the items stays the last item's (lists differ on purpose: a list is where all the items go)", () => {
    expect(steps("add milk, eggs and bread tomorrow")).toEqual([
      ...adds(undefined, "milk", "eggs"),
      { tool: TOOL.addTask, arguments: { title: "bread", due: "2026-01-16" } },
    ]);
    expect(steps("add milk, eggs and bread to Groceries tomorrow")).toEqual([
      ...adds("Groceries", "milk", "eggs"),
      { tool: TOOL.addTask, arguments: { title: "bread", due: "2026-01-16", list: "Groceries" } },
    ]);
  });

  describe("a list the user does not have", () => {
    const say = "add milk, eggs and bread to my Bakery list";
    const asked: StoredMessage[] = [
      { role: "user", content: say },
      { role: "assistant", content: reply(say) },
    ];
    it("asks the one-item add's question for all the items, and adds nothing", () => {
      expect(reply(say)).toBe(
        "You have no list called “Bakery”. Create it, or add ‘milk’, ‘eggs’ and ‘bread’ to the Inbox? Say “create it” or “inbox”; nothing was added yet.",
      );
    });
    it("“create it” creates the list and adds every item to it", () => {
      expect(steps("create it", asked)).toEqual([
        { tool: TOOL.createList, arguments: { name: "Bakery" } },
        ...adds("Bakery", "milk", "eggs", "bread"),
      ]);
    });
    it("“inbox” adds every item with no list", () => {
      expect(steps("inbox", asked)).toEqual(adds(undefined, "milk", "eggs", "bread"));
    });
  });

  it("“undo” after the add deletes every item (and a list it created)", () => {
    const made = [
      {
        tool: TOOL.createList,
        arguments: { name: "Bakery" },
        result: { id: 8, name: "Bakery", task_count: 0 },
      },
      ...[21, 22, 23].map((id, i) => ({
        tool: TOOL.addTask,
        arguments: { title: ["milk", "eggs", "bread"][i], list: "Bakery" },
        result: { task_id: id, status: "created" },
      })),
    ];
    const history: StoredMessage[] = [
      { role: "user", content: "create it" },
      { role: "assistant", content: "Done. Say “undo” to revert.", toolCalls: made },
    ];
    expect(plan("undo", history)).toEqual({
      kind: "steps",
      purpose: "undo",
      steps: [
        { tool: TOOL.deleteTask, arguments: { task_id: 23 } },
        { tool: TOOL.deleteTask, arguments: { task_id: 22 } },
        { tool: TOOL.deleteTask, arguments: { task_id: 21 } },
        { tool: TOOL.deleteList, arguments: { list: "Bakery" } },
      ],
    });
  });
});

describe("showing a list", () => {
  it.each([
    ["what's in Work?", "Work"],
    ["show my Work list", "Work"],
    ["what's on the groceries list", "Groceries"],
    ["what's left in Groceries", "Groceries"],
    ["show me what's in health", "Health"],
    ["what's in my inbox?", "inbox"],
  ])("%s lists %s's open tasks", (say, list) => {
    const p = plan(say);
    expect(p).toMatchObject({ kind: "tool", tool: TOOL.listTasks, arguments: { list, status: "pending" } });
    expect(p.kind === "tool" && p.view?.kind).toBe("in_list");
  });

  it("names the lists there are for a list said with “list” that does not exist", () => {
    expect(reply("what's on the Bakery list")).toBe(
      "You have no list called “Bakery”. Your lists: “Groceries”, “Work”, “Health”, “Family”. Say “what lists do I have?” to see them.",
    );
  });

  it.each([
    ["what's on my list?", {}],
    ["what's on my list today?", undefined],
    ["show my tasks", {}],
    ["is there anything on my list about insurance?", { query: "insurance" }],
  ])("%s is still the whole task list", (say, args) => {
    const p = plan(say);
    expect(p.kind === "tool" && p.tool).toBe(TOOL.listTasks);
    if (p.kind === "tool") {
      expect(p.arguments.list).toBeUndefined();
      if (args !== undefined) expect(p.arguments).toEqual(args);
    }
  });

  it("what lists do I have? calls list_lists", () => {
    for (const say of ["what lists do I have?", "show my lists", "which lists do I have", "my lists"])
      expect(call(say)).toEqual({ tool: TOOL.listLists, args: {} });
  });
});

describe("moving a task", () => {
  it.each([
    ["move the dentist task to Health", 5, "Health"],
    ["move task 5 to Work", 5, "Work"],
    ["move task 7 to the Inbox", 7, "inbox"],
    ["file task 7 under Work", 7, "Work"],
    ["put task 7 in Work", 7, "Work"],
    ["move the plumber to my work list", 7, "Work"],
    ["take the dentist task out of Health", 5, "inbox"],
    ["remove task 4 from Groceries", 4, "inbox"],
  ])("%s → task %i to %s", (say, id, list) => {
    expect(call(say)).toEqual({ tool: TOOL.updateTask, args: { task_id: id, list } });
  });

  it("“move it to the Inbox” moves the task the last reply named", () => {
    const history: StoredMessage[] = [
      { role: "user", content: "add call the plumber to Work" },
      { role: "assistant", content: "Added ‘Call the plumber’ to “Work” (#7). Say “undo” to revert." },
    ];
    expect(call("move it to the Inbox", history)).toEqual({
      tool: TOOL.updateTask,
      args: { task_id: 7, list: "inbox" },
    });
  });

  it("says so when the task is not in the list it is taken out of", () => {
    expect(reply("take the report out of Health")).toBe(
      "‘Quarterly report’ is not in “Health” (it is in “Work”). Nothing was moved.",
    );
  });

  it("refuses a list said with “list” that does not exist, moving nothing", () => {
    expect(reply("move task 5 to the Someday list")).toMatch(
      /^You have no list called “Someday”.*Nothing was moved\.$/,
    );
  });

  it.each([
    ["move task 5 to friday", { task_id: 5, due: "2026-01-16" }],
    ["remove the work tag from task 9", { task_id: 9, tags: [] }],
  ])("%s is not a list move", (say, args) => {
    expect(call(say)).toEqual({ tool: TOOL.updateTask, args });
  });

  it("“remove milk from my list” still deletes the task (the whole list, not a list)", () => {
    expect(call("remove milk from my list")).toEqual({ tool: TOOL.deleteTask, args: { task_id: 4 } });
  });
});

describe("creating, renaming and deleting lists", () => {
  it.each([
    ["create a list called Holidays", "Holidays"],
    ["new list Holidays", "Holidays"],
    ["new list: Holidays", "Holidays"],
    ["make a new Travel list", "Travel"],
    ["add a list called 'Side projects'", "Side projects"],
  ])("%s creates %s", (say, name) => {
    expect(call(say)).toEqual({ tool: TOOL.createList, args: { name } });
  });

  it("does not create a list the user has, or one called Inbox", () => {
    expect(reply("create a list called health")).toBe(
      "You already have a list called “Health”. Nothing was changed.",
    );
    expect(reply("create a list called Inbox")).toMatch(/can't be called that/);
  });

  it.each(["add list items to sell on ebay", "add call mom to my list", "create a task to water the plants"])(
    "%s is a task, not a new list",
    (say) => {
      expect(call(say).tool).toBe(TOOL.addTask);
    },
  );

  it.each([
    ["rename list Health to Wellbeing", "Health", "Wellbeing"],
    ["rename the health list to Wellbeing", "Health", "Wellbeing"],
    ["rename Work to Office", "Work", "Office"],
  ])("%s", (say, list, name) => {
    expect(call(say)).toEqual({ tool: TOOL.renameList, args: { list, name } });
  });

  it("renaming a task stays a task's rename; an unknown list said with “list” is refused", () => {
    expect(call("rename task 7 to Call the electrician")).toEqual({
      tool: TOOL.updateTask,
      args: { task_id: 7, title: "Call the electrician" },
    });
    expect(reply("rename list Bakery to Bread")).toMatch(/^You have no list called “Bakery”/);
  });

  it("asks before deleting a list, saying its tasks move to the Inbox; “yes” then deletes it", () => {
    const question = reply("delete the Health list");
    expect(question).toBe(
      "This would delete the list “Health”; its 1 open task (and any done ones) would move to the Inbox, nothing is lost. Nothing is deleted yet. Reply “yes, delete the Health list” to confirm.",
    );
    const history: StoredMessage[] = [
      { role: "user", content: "delete the Health list" },
      { role: "assistant", content: question },
    ];
    expect(call("yes", history)).toEqual({ tool: TOOL.deleteList, args: { list: "Health" } });
    expect(call("yes, delete the Health list")).toEqual({ tool: TOOL.deleteList, args: { list: "Health" } });
    // A bare "yes" with no such question before it deletes nothing.
    expect(plan("yes").kind).toBe("reply");
    // "yes, remove milk from my shopping list" is about a task, not a list called "milk from my shopping".
    expect(call("yes, remove milk from my shopping list")).toEqual({
      tool: TOOL.deleteTask,
      args: { task_id: 4 },
    });
  });

  it.each([
    ["delete list Bakery", /^You have no list called “Bakery”.*Nothing was deleted\.$/],
    ["delete the Inbox list", /can't be deleted/],
  ])("%s deletes nothing", (say, said) => {
    expect(reply(say)).toMatch(said);
  });

  it("“remove task 3 from my list” and “delete my todo list” are not about a list", () => {
    expect(plan("remove task 7 from my list")).toEqual({
      kind: "tool",
      tool: TOOL.deleteTask,
      arguments: { task_id: 7 },
    });
    expect(plan("delete my todo list").kind).not.toBe("tool");
  });
});

describe("the lists are read only when needed", () => {
  it.each(["add milk to Groceries", "what's in Work?", "move task 5 to Work", "new list Holidays"])(
    "%s asks for the lists first",
    (say) => {
      expect(planOfflineTurn(say, { now })).toEqual({ kind: "needs-lists" });
    },
  );
  it.each([
    "add buy milk",
    "remind me to call the bank tomorrow",
    "what's in my inbox?",
    "move task 5 to friday",
  ])("%s never does", (say) => {
    expect(planOfflineTurn(say, { now, tasks }).kind).not.toBe("needs-lists");
  });
});

describe("undo of a list change", () => {
  it("moves a task back to the list it was in (null: the Inbox)", () => {
    const moved = {
      tool: TOOL.updateTask,
      arguments: { task_id: 5, list: "Work" },
      result: { task_id: 5, status: "updated", title: "Dentist appointment", before: { list: "Health" } },
    };
    expect(inverseOf(moved)).toEqual({ tool: TOOL.updateTask, arguments: { task_id: 5, list: "Health" } });
    const fromInbox = { ...moved, result: { ...moved.result, before: { list: null } } };
    expect(inverseOf(fromInbox)).toEqual({ tool: TOOL.updateTask, arguments: { task_id: 5, list: "inbox" } });
  });

  it("deletes a list it created, renames back a rename, and cannot bring back a deleted list", () => {
    expect(
      inverseOf({
        tool: TOOL.createList,
        arguments: { name: "Holidays" },
        result: { id: 3, name: "Holidays", task_count: 0 },
      }),
    ).toEqual({
      tool: TOOL.deleteList,
      arguments: { list: "Holidays" },
    });
    expect(
      inverseOf({
        tool: TOOL.renameList,
        arguments: { list: "Health", name: "Wellbeing" },
        result: { id: 3, name: "Wellbeing", task_count: 1 },
      }),
    ).toEqual({ tool: TOOL.renameList, arguments: { list: "Wellbeing", name: "Health" } });
    expect(
      inverseOf({
        tool: TOOL.deleteList,
        arguments: { list: "Health" },
        result: { id: 3, name: "Health", open_tasks_moved: 1 },
      }),
    ).toHaveProperty("cannot");
  });

  it("“undo” after a move plans the move back", () => {
    const history: StoredMessage[] = [
      { role: "user", content: "move the dentist task to Work" },
      {
        role: "assistant",
        content: "Updated ‘Dentist appointment’ (#5): moved it to “Work”. Say “undo” to revert.",
        toolCalls: [
          {
            tool: TOOL.updateTask,
            arguments: { task_id: 5, list: "Work" },
            result: {
              task_id: 5,
              status: "updated",
              title: "Dentist appointment",
              before: { list: "Health" },
            },
          },
        ],
      },
    ];
    expect(plan("undo", history)).toEqual({
      kind: "steps",
      purpose: "undo",
      steps: [{ tool: TOOL.updateTask, arguments: { task_id: 5, list: "Health" } }],
    });
  });
});

import { describe, expect, it } from "vitest";
import { carriesTask, droppedTask, TASK_DRAG_TYPE } from "./task-drag";

describe("a dragged task", () => {
  it("is known by its own drag type, not by text or files dragged in", () => {
    expect(carriesTask([TASK_DRAG_TYPE, "text/plain"])).toBe(true);
    expect(carriesTask(["text/plain"])).toBe(false);
    expect(carriesTask(["Files"])).toBe(false);
  });

  it("reads back what a row wrote, and nothing else", () => {
    expect(droppedTask(JSON.stringify({ id: 4, title: "Dentist", list_id: null }))).toEqual({
      id: 4,
      title: "Dentist",
      list_id: null,
    });
    expect(droppedTask(JSON.stringify({ id: 4, title: "Dentist", list_id: 9, extra: 1 }))).toEqual({
      id: 4,
      title: "Dentist",
      list_id: 9,
    });
    for (const bad of [
      "",
      "not json",
      "null",
      '{"id":"4","title":"x","list_id":null}',
      '{"id":4,"title":"x"}',
    ])
      expect(droppedTask(bad)).toBeNull();
  });
});

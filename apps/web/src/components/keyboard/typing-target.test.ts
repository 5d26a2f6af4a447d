import { describe, expect, it } from "vitest";
import { ignoreShortcut, isTypingTarget } from "./typing-target";

/** An element as the guard sees it; `inside` is what closest() finds (a dialog around it). */
function element(
  tagName: string,
  extra: { type?: string; id?: string; editable?: boolean; inside?: string } = {},
) {
  return {
    tagName,
    type: extra.type,
    id: extra.id ?? "",
    isContentEditable: extra.editable ?? false,
    closest: (selector: string) => (extra.inside && selector.includes(extra.inside) ? {} : null),
  };
}

const press = (key: string, target: unknown, extra: Partial<Record<string, boolean>> = {}) => ({
  key,
  target,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  isComposing: false,
  defaultPrevented: false,
  ...extra,
});

describe("isTypingTarget", () => {
  it("is true for text fields, textareas, selects and contenteditable", () => {
    for (const type of ["text", "search", "email", "password", "number", "date", "time", "url", "tel"])
      expect(isTypingTarget(element("INPUT", { type })), type).toBe(true);
    expect(isTypingTarget(element("INPUT"))).toBe(true);
    expect(isTypingTarget(element("TEXTAREA"))).toBe(true);
    expect(isTypingTarget(element("SELECT"))).toBe(true);
    expect(isTypingTarget(element("DIV", { editable: true }))).toBe(true);
  });

  it("is false for buttons, links, rows, checkboxes and radios, and for no element", () => {
    expect(isTypingTarget(element("BUTTON"))).toBe(false);
    expect(isTypingTarget(element("A"))).toBe(false);
    expect(isTypingTarget(element("LI"))).toBe(false);
    expect(isTypingTarget(element("INPUT", { type: "checkbox" }))).toBe(false);
    expect(isTypingTarget(element("INPUT", { type: "radio" }))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({})).toBe(false);
  });
});

describe("ignoreShortcut", () => {
  const row = element("LI");

  it("lets a plain key on the page or a row through", () => {
    expect(ignoreShortcut(press("j", row), false)).toBe(false);
    expect(ignoreShortcut(press("?", element("BODY")), false)).toBe(false);
  });

  it("ignores keys typed into a field", () => {
    expect(ignoreShortcut(press("j", element("INPUT", { id: "new-title" })), false)).toBe(true);
    expect(ignoreShortcut(press("x", element("TEXTAREA", { id: "chat-input" })), false)).toBe(true);
    expect(ignoreShortcut(press("/", element("SELECT")), false)).toBe(true);
    expect(ignoreShortcut(press("#", element("P", { editable: true })), false)).toBe(true);
  });

  it("lets Escape leave the add and search fields only", () => {
    expect(ignoreShortcut(press("Escape", element("INPUT", { id: "new-title" })), false)).toBe(false);
    expect(ignoreShortcut(press("Escape", element("INPUT", { id: "task-search" })), false)).toBe(false);
    expect(ignoreShortcut(press("Escape", element("INPUT", { id: "edit-title" })), false)).toBe(true);
  });

  it("ignores chords with Ctrl, Alt or Meta, repeats, IME composition and handled keys", () => {
    expect(ignoreShortcut(press("x", row, { ctrlKey: true }), false)).toBe(true);
    expect(ignoreShortcut(press("x", row, { metaKey: true }), false)).toBe(true);
    expect(ignoreShortcut(press("x", row, { altKey: true }), false)).toBe(true);
    expect(ignoreShortcut(press("j", row, { repeat: true }), false)).toBe(true);
    expect(ignoreShortcut(press("j", row, { isComposing: true }), false)).toBe(true);
    expect(ignoreShortcut(press("Escape", row, { defaultPrevented: true }), false)).toBe(true);
  });

  it("stays quiet while a dialog is open or the key comes from inside one", () => {
    expect(ignoreShortcut(press("j", row), true)).toBe(true);
    expect(ignoreShortcut(press("j", element("BUTTON", { inside: "dialog" })), false)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { bindingOf, bindingsOf, SHORTCUTS, type ShortcutAction } from "./shortcuts";
import { createShortcutHandler } from "./use-shortcuts";

type Mods = { shift?: boolean; ctrl?: boolean; alt?: boolean; meta?: boolean };

/** A keydown as tinykeys and the guard read it (no DOM here: the fields a KeyboardEvent has). */
function keydown(key: string, code: string, mods: Mods = {}, target: unknown = { tagName: "BODY" }) {
  let prevented = false;
  const state: Record<string, boolean | undefined> = {
    Shift: mods.shift,
    Control: mods.ctrl,
    Alt: mods.alt,
    Meta: mods.meta,
  };
  return {
    key,
    code,
    target,
    currentTarget: null,
    ctrlKey: Boolean(mods.ctrl),
    metaKey: Boolean(mods.meta),
    altKey: Boolean(mods.alt),
    shiftKey: Boolean(mods.shift),
    repeat: false,
    isComposing: false,
    get defaultPrevented() {
      return prevented;
    },
    preventDefault() {
      prevented = true;
    },
    getModifierState: (mod: string) => Boolean(state[mod]),
  } as unknown as KeyboardEvent;
}

function recorder(dialogOpen = false) {
  const ran: ShortcutAction[] = [];
  const handle = createShortcutHandler(
    (action) => ran.push(action),
    () => dialogOpen,
  );
  return { ran, handle };
}

describe("the shortcut map", () => {
  it("binds every key once, and every action has a key", () => {
    const all = SHORTCUTS.flatMap((shortcut) => shortcut.keys);
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(bindingsOf((action) => action)).length).toBe(all.length);
    expect(new Set(SHORTCUTS.map((shortcut) => shortcut.action)).size).toBe(SHORTCUTS.length);
  });

  it("makes Shift optional for symbols only", () => {
    expect(bindingOf("?")).toBe("[Shift]+?");
    expect(bindingOf("#")).toBe("[Shift]+#");
    expect(bindingOf("/")).toBe("[Shift]+/");
    expect(bindingOf("x")).toBe("x");
    expect(bindingOf("g t")).toBe("g t");
    expect(bindingOf("Escape")).toBe("Escape");
  });
});

describe("createShortcutHandler (tinykeys with the guard)", () => {
  it("runs the action of a plain key and keeps the key from typing", () => {
    const { ran, handle } = recorder();
    const slash = keydown("/", "Slash");
    handle(slash);
    handle(keydown("q", "KeyQ"));
    handle(keydown("n", "KeyN"));
    handle(keydown("j", "KeyJ"));
    expect(ran).toEqual(["search", "add", "add", "next"]);
    expect(slash.defaultPrevented).toBe(true);
  });

  it("takes the shifted ? and #, but not a shifted letter or a chord", () => {
    const { ran, handle } = recorder();
    handle(keydown("?", "Slash", { shift: true }));
    handle(keydown("#", "Digit3", { shift: true }));
    handle(keydown("X", "KeyX", { shift: true }));
    handle(keydown("x", "KeyX", { ctrl: true }));
    handle(keydown("z", "KeyZ", { meta: true }));
    handle(keydown("e", "KeyE", { alt: true }));
    expect(ran).toEqual(["help", "delete"]);
  });

  it("reads g t and g u as sequences, and g alone does nothing", () => {
    const { ran, handle } = recorder();
    handle(keydown("g", "KeyG"));
    expect(ran).toEqual([]);
    handle(keydown("t", "KeyT"));
    handle(keydown("g", "KeyG"));
    handle(keydown("u", "KeyU"));
    handle(keydown("t", "KeyT"));
    expect(ran).toEqual(["today", "upcoming"]);
  });

  it("does nothing while typing in a field or while a dialog is open", () => {
    const field = { tagName: "INPUT", type: "text", id: "new-title", closest: () => null };
    const { ran, handle } = recorder();
    handle(keydown("j", "KeyJ", {}, field));
    handle(keydown("Escape", "Escape", {}, field));
    expect(ran).toEqual(["leave"]);
    const modal = recorder(true);
    modal.handle(keydown("j", "KeyJ"));
    modal.handle(keydown("?", "Slash", { shift: true }));
    expect(modal.ran).toEqual([]);
  });
});

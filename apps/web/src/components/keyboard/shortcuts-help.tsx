"use client";

import { Fragment, useEffect, useRef } from "react";
import { XIcon } from "@/components/ui/icons";
import { SHORTCUTS } from "./shortcuts";
import { focusTasks } from "./task-focus";
import { useFocusTrap } from "./use-focus-trap";

/** "g t" reads "g then t"; Escape reads Esc. */
function Keys({ keys }: { keys: string }) {
  const presses = keys.split(" ");
  return (
    <>
      {presses.map((press, index) => (
        <Fragment key={press}>
          {index > 0 && <span className="px-1 text-xs text-slate-500">then</span>}
          <kbd className="inline-grid min-w-6 place-items-center rounded-md border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs font-semibold text-slate-800 shadow-xs">
            {press === "Escape" ? "Esc" : press}
          </kbd>
        </Fragment>
      ))}
    </>
  );
}

/**
 * The `?` dialog listing every shortcut (from SHORTCUTS). A native modal <dialog>: the page behind is
 * inert, Escape closes it; focus starts on Close, stays inside, and goes back where it was.
 */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  useFocusTrap(ref, open);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      closeButton.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  function closed() {
    onClose();
    const back = opener.current;
    opener.current = null;
    if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
    else focusTasks();
  }

  return (
    <dialog
      ref={ref}
      onClose={closed}
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-help"
      className="m-auto w-[min(30rem,calc(100%-2rem))] rounded-2xl border border-slate-200 bg-surface p-0 text-slate-900 shadow-xl backdrop:bg-black/50"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 px-5 py-3">
        <h2 id="shortcuts-title" className="flex-1 font-semibold">
          Keyboard shortcuts
        </h2>
        <button
          ref={closeButton}
          type="button"
          className="btn btn-ghost p-2"
          onClick={() => ref.current?.close()}
          aria-label="Close"
          data-testid="shortcuts-close"
        >
          <XIcon />
        </button>
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">Keys and what they do</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr
              key={shortcut.action}
              className="border-b border-slate-100 last:border-0"
              data-testid="shortcut"
            >
              <td className="py-2 pr-3 pl-5 whitespace-nowrap">
                {shortcut.keys.map((keys, index) => (
                  <Fragment key={keys}>
                    {index > 0 && <span className="px-1 text-xs text-slate-500">or</span>}
                    <Keys keys={keys} />
                  </Fragment>
                ))}
              </td>
              <td className="py-2 pr-5 text-slate-700">{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="px-5 pt-1 pb-4 text-xs text-slate-500">
        Shortcuts work on the board when you are not typing in a field.
      </p>
    </dialog>
  );
}

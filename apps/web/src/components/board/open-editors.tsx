"use client";

// Which tasks are being edited, and what has been typed in them, kept above the rows. A row is mounted
// again when it moves to another layout or day group (a view switch, a live change of its due date
// in Upcoming); an editor kept in the row closed with it then, and what had been typed was lost.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { TaskDraft } from "./task-draft";

type Store = {
  editing: ReadonlySet<number>;
  setEditing: (id: number, open: boolean) => void;
  /** What is typed in each open editor, written as it is typed (not state: no render per key). */
  drafts: Map<number, TaskDraft>;
};

const OpenEditorsContext = createContext<Store | null>(null);

/** Keeps the editors of the rows it shows; an editor whose task is no longer among `ids` is closed. */
export function OpenEditors({ ids, children }: { ids: readonly number[]; children: ReactNode }) {
  const [editing, setEditingIds] = useState<ReadonlySet<number>>(new Set());
  const drafts = useRef(new Map<number, TaskDraft>()).current;
  const setEditing = useCallback(
    (id: number, open: boolean) => {
      if (!open) drafts.delete(id);
      setEditingIds((current) => {
        if (current.has(id) === open) return current;
        const next = new Set(current);
        if (open) next.add(id);
        else next.delete(id);
        return next;
      });
    },
    [drafts],
  );
  useEffect(() => {
    for (const id of editing) if (!ids.includes(id)) setEditing(id, false);
  }, [ids, editing, setEditing]);
  const store = useMemo(() => ({ editing, setEditing, drafts }), [editing, setEditing, drafts]);
  return <OpenEditorsContext.Provider value={store}>{children}</OpenEditorsContext.Provider>;
}

/**
 * One row's editor: whether it is open, open/close, and the draft typed so far (undefined until the
 * editor has been shown once: then the editor starts from the task and selects its title).
 */
export function useOpenEditor(id: number) {
  const store = useContext(OpenEditorsContext);
  if (!store) throw new Error("useOpenEditor needs <OpenEditors> above it");
  const { editing, setEditing, drafts } = store;
  return {
    editing: editing.has(id),
    open: () => setEditing(id, true),
    close: () => setEditing(id, false),
    typed: drafts.get(id),
    keep: (draft: TaskDraft) => drafts.set(id, draft),
  };
}

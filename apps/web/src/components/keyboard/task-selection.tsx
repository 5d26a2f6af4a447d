"use client";

import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import { rovingRow } from "./selection";

type Selection = { roving: number | null; select: (id: number) => void };

const SelectionContext = createContext<Selection | null>(null);

/**
 * The selected task row, for a roving tabindex: Tab reaches only the selected row (else the first),
 * and focusing anything in a row selects it, so j/k, x, e and # act where the user is.
 */
export function TaskSelection({ ids, children }: { ids: readonly number[]; children: ReactNode }) {
  const [selected, setSelected] = useState<number | null>(null);
  const roving = rovingRow(ids, selected);
  const value = useMemo(() => ({ roving, select: setSelected }), [roving]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

/** A task row's props: its tabindex in the roving group, and selection when focus enters it. */
export function useRowFocus(id: number): { tabIndex: number; onFocus: () => void } {
  const selection = useContext(SelectionContext);
  return {
    tabIndex: selection?.roving === id ? 0 : -1,
    onFocus: () => selection?.select(id),
  };
}

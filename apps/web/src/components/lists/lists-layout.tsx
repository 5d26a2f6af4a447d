"use client";

import type { ReactNode } from "react";
import { ListSidebar } from "./list-sidebar";
import { ListsProvider } from "./lists-context";

/** The board with the lists' sidebar beside it (from the xl width) or above it (a disclosure). */
export function ListsLayout({ children }: { children: ReactNode }) {
  return (
    <ListsProvider>
      <div className="grid min-w-0 content-start gap-4 xl:grid-cols-[13rem_minmax(0,1fr)] xl:gap-6">
        <ListSidebar />
        {children}
      </div>
    </ListsProvider>
  );
}

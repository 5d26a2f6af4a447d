"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { AlertIcon } from "@/components/ui/icons";
import type { Imported, ImportFailure } from "./import-request";

/** How many of the items the api named are listed; the rest are counted. */
const ITEMS_SHOWN = 8;

/** Why the file was not imported (the problem's detail, or each place it named). Nothing changed. */
export function ImportError({ failure }: { failure: ImportFailure }) {
  const shown = failure.items.slice(0, ITEMS_SHOWN);
  const more = failure.items.length - shown.length;
  return (
    <div
      role="alert"
      className="mt-4 flex gap-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
      data-testid="import-error"
    >
      <AlertIcon className="mt-0.5 shrink-0" />
      <div className="min-w-0 flex-1">
        <p data-testid="import-error-message">{failure.message}</p>
        {shown.length > 0 && (
          <ul className="mt-1 list-disc space-y-0.5 ps-5 break-words" data-testid="import-error-items">
            {shown.map((item) => (
              <li key={item}>{item}</li>
            ))}
            {more > 0 && <li>…and {more} more</li>}
          </ul>
        )}
      </div>
    </div>
  );
}

/** The import went through: what came in, the way to the board, and a way to import another file. */
export function ImportDone({ imported, onAnother }: { imported: Imported; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const tasks = `${imported.tasks} ${imported.tasks === 1 ? "task" : "tasks"}`;
  const lists = imported.lists === 1 ? "1 list" : `${imported.lists} lists`;
  return (
    <div
      className="mt-5 animate-rise rounded-xl border border-emerald-200 bg-emerald-50 p-4"
      data-testid="import-done"
    >
      <h3 ref={heading} tabIndex={-1} className="font-semibold text-emerald-900">
        Imported {tasks}
        {imported.lists > 0 && ` and created ${lists}`}
      </h3>
      <p className="mt-0.5 text-sm text-emerald-800">They are on your board now.</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Link href="/" className="btn btn-primary" data-testid="import-board-link">
          Open the board
        </Link>
        <button type="button" className="btn btn-secondary" onClick={onAnother} data-testid="import-another">
          Import another file
        </button>
      </div>
    </div>
  );
}

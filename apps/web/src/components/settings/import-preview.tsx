"use client";

import { useEffect, useRef } from "react";
import type { ImportFile } from "./import-file";
import type { ImportPreview } from "./import-request";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function Names({ label, names, testId }: { label: string; names: string[]; testId: string }) {
  if (names.length === 0) return null;
  return (
    <p className="mt-2 text-sm text-slate-700">
      <span className="font-medium">{label}: </span>
      <span data-testid={testId}>{names.join(", ")}</span>
    </p>
  );
}

/** What the dry run found, and the one button that imports exactly that. */
export function ImportPreviewCard({
  file,
  preview,
  importing,
  onConfirm,
  onCancel,
}: {
  file: ImportFile;
  preview: ImportPreview;
  importing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on what was found; the next Tab is the import button.
  useEffect(() => heading.current?.focus(), []);
  const { lists, tasks, completed, sample, warnings = [] } = preview;
  const nothing = tasks === 0 && lists.create.length === 0;
  const label = tasks > 0 || nothing ? `Import ${plural(tasks, "task", "tasks")}` : "Import the lists";

  return (
    <div className="mt-5 rounded-xl border border-slate-200 p-4" data-testid="import-preview">
      <h3 ref={heading} tabIndex={-1} className="font-semibold">
        What “{file.name}” holds
      </h3>
      <dl className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Figure label="Tasks" value={tasks} testId="preview-tasks" />
        <Figure label="Completed" value={completed} testId="preview-completed" />
        <Figure label="New lists" value={lists.create.length} testId="preview-lists-new" />
        <Figure label="Lists you have" value={lists.existing.length} testId="preview-lists-existing" />
      </dl>
      <Names label="Lists to create" names={lists.create} testId="preview-create" />
      <Names label="Added to your lists" names={lists.existing} testId="preview-existing" />
      {sample.length > 0 && (
        <div className="mt-3">
          <p className="text-sm font-medium text-slate-700">First tasks</p>
          <ul className="mt-1 list-disc space-y-0.5 ps-5 text-sm text-slate-700" data-testid="preview-sample">
            {sample.map((title, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: titles may repeat; the list never reorders.
              <li key={index} dir="auto">
                {title}
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="mt-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-medium">Worth knowing</p>
          <ul className="mt-1 list-disc space-y-0.5 ps-5" data-testid="preview-warnings">
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-primary aria-disabled:cursor-progress aria-disabled:opacity-60"
          onClick={() => {
            if (!importing) onConfirm();
          }}
          // Not disabled while importing, so focus stays on it (a disabled button drops focus).
          aria-disabled={importing || undefined}
          disabled={nothing}
          data-testid="import-confirm"
        >
          {importing ? "Importing…" : nothing ? "Nothing to import" : label}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={onCancel}
          disabled={importing}
          data-testid="import-cancel"
        >
          Cancel
        </button>
      </div>
    </div>
  );
}

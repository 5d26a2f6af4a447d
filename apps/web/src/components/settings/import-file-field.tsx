"use client";

import { IMPORT_MAX_BYTES, LIST_NAME_MAX_LENGTH } from "@taskflow/contracts";
import type { RefObject } from "react";
import { formatSize } from "./import-file";
import type { ImportFlow } from "./use-import";

/** The file chooser: a real file input with its label, so it works by keyboard and screen reader. */
export function ImportFileField({
  flow,
  inputRef,
}: {
  flow: ImportFlow;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  return (
    <div className="mt-4">
      <label htmlFor="import-file" className="mb-1.5 block text-sm font-medium text-slate-700">
        File to import
      </label>
      <input
        ref={inputRef}
        id="import-file"
        type="file"
        accept=".json,.csv,application/json,text/csv"
        aria-describedby="import-file-hint"
        disabled={flow.state.step === "importing"}
        onChange={(event) => void flow.choose(event.currentTarget.files?.[0])}
        data-testid="import-file"
        className="block w-full max-w-md rounded-lg text-sm text-slate-700 file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-50"
      />
      <p id="import-file-hint" className="mt-1.5 text-xs text-slate-500">
        A Taskflow export (.json) or a Todoist CSV export (.csv: in Todoist, a project’s menu → Export as a
        template), up to {formatSize(IMPORT_MAX_BYTES)}. You see what it holds before anything changes.
      </p>
    </div>
  );
}

/** A Todoist file's tasks go into one list, named after the file unless the user says otherwise. */
export function ListNameForm({ flow }: { flow: ImportFlow }) {
  const { state } = flow;
  const invalid = state.step === "chosen" && flow.error !== null;
  return (
    <form
      className="mt-4"
      onSubmit={(event) => {
        event.preventDefault();
        flow.preview();
      }}
      data-testid="import-list-form"
    >
      <label htmlFor="import-list-name" className="mb-1.5 block text-sm font-medium text-slate-700">
        List name
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="import-list-name"
          className="field sm:max-w-sm"
          value={flow.listName}
          maxLength={LIST_NAME_MAX_LENGTH}
          aria-describedby="import-list-hint"
          aria-invalid={invalid || undefined}
          disabled={state.step === "importing"}
          onChange={(event) => flow.editListName(event.target.value)}
          data-testid="import-list-name"
        />
        {state.step === "chosen" && (
          <button type="submit" className="btn btn-secondary" data-testid="import-preview-button">
            Preview import
          </button>
        )}
      </div>
      <p id="import-list-hint" className="mt-1.5 text-xs text-slate-500">
        The Todoist project’s tasks go into this list, created unless you have one by this name; leave it
        empty to put them in your Inbox.
      </p>
    </form>
  );
}

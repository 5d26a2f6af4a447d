"use client";

import { useEffect, useRef } from "react";
import { ImportFileField, ListNameForm } from "./import-file-field";
import { ImportDone, ImportError } from "./import-outcome";
import { ImportPreviewCard } from "./import-preview";
import { type ImportStep, useImport } from "./use-import";

function statusText(state: ImportStep): string {
  switch (state.step) {
    case "reading":
      return "Reading the file…";
    case "checking":
      return `Checking what “${state.file.name}” would import…`;
    case "importing":
      return `Importing “${state.file.name}”…`;
    default:
      return "";
  }
}

export function ImportSection() {
  const flow = useImport();
  const { state, error } = flow;
  const input = useRef<HTMLInputElement>(null);
  const file = "file" in state ? state.file : null;

  // Once imported, or once a file is refused, the chooser is empty again: the same file, fixed, can be
  // chosen again (choosing what the input already holds would not be a change).
  const refused = error !== null && state.step !== "preview";
  useEffect(() => {
    if ((state.step === "done" || refused) && input.current) input.current.value = "";
  }, [state.step, refused]);

  const startOver = () => {
    flow.cancel();
    if (input.current) {
      input.current.value = "";
      input.current.focus();
    }
  };

  return (
    <section
      className="card p-4 sm:p-6"
      aria-labelledby="import-heading"
      data-testid="import-section"
      data-step={state.step}
    >
      <h2 id="import-heading" className="font-semibold">
        Import
      </h2>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Bring in a Taskflow export or a Todoist project. Imported tasks are added to the ones you have; a file
        with a problem imports nothing at all.
      </p>
      <ImportFileField flow={flow} inputRef={input} />
      {file?.kind === "todoist" && <ListNameForm flow={flow} />}
      <p role="status" className="text-sm text-slate-600 not-empty:mt-3" data-testid="import-status">
        {statusText(state)}
      </p>
      {error && <ImportError failure={error} />}
      {file?.kind === "taskflow" && state.step === "chosen" && (
        <button
          type="button"
          className="btn btn-secondary mt-4"
          onClick={flow.preview}
          data-testid="import-preview-button"
        >
          Preview import
        </button>
      )}
      {(state.step === "preview" || state.step === "importing") && (
        <ImportPreviewCard
          file={state.file}
          preview={state.preview}
          importing={state.step === "importing"}
          onConfirm={() => void flow.confirm()}
          onCancel={startOver}
        />
      )}
      {state.step === "done" && <ImportDone imported={state.imported} onAnother={startOver} />}
    </section>
  );
}

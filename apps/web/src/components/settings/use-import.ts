"use client";

// The import's steps: a file is chosen and read (refused in the browser if too big or not an export),
// previewed by a dry run, then imported on confirm. A newer step (another file, Cancel) makes the
// answer of an older one stale, and it is dropped.
import { listNameSchema } from "@taskflow/contracts";
import { useCallback, useRef, useState } from "react";
import { type ImportFile, listNameFromFile, readImportFile, sizeProblem } from "./import-file";
import {
  type Imported,
  type ImportFailure,
  type ImportPreview,
  importFailure,
  previewImport,
  refusal,
  runImport,
} from "./import-request";

export type ImportStep =
  | { step: "empty" }
  | { step: "reading" }
  | { step: "chosen"; file: ImportFile }
  | { step: "checking"; file: ImportFile }
  | { step: "preview"; file: ImportFile; preview: ImportPreview }
  | { step: "importing"; file: ImportFile; preview: ImportPreview }
  | { step: "done"; imported: Imported };

export function useImport() {
  const [state, setState] = useState<ImportStep>({ step: "empty" });
  const [listName, setListName] = useState("");
  const [error, setError] = useState<ImportFailure | null>(null);
  // Each step takes a new number; an answer for an older number is stale.
  const run = useRef(0);
  const pending = useRef<AbortController | null>(null);

  const next = useCallback(() => {
    pending.current?.abort();
    pending.current = null;
    run.current += 1;
    return run.current;
  }, []);

  const check = useCallback(
    async (file: ImportFile, name: string) => {
      const id = next();
      setError(null);
      if (file.kind === "todoist" && name.trim()) {
        const parsed = listNameSchema.safeParse(name);
        if (!parsed.success) {
          setState({ step: "chosen", file });
          setError({ message: `List name ${parsed.error.issues[0]?.message ?? "is not valid"}.`, items: [] });
          return;
        }
      }
      const controller = new AbortController();
      pending.current = controller;
      setState({ step: "checking", file });
      try {
        const preview = await previewImport(file, name, controller.signal);
        if (id === run.current) setState({ step: "preview", file, preview });
      } catch (caught) {
        if (id !== run.current) return;
        setState({ step: "chosen", file });
        setError(importFailure(caught));
      }
    },
    [next],
  );

  /** A file was chosen (or the choice cleared): check it here, then preview it. */
  const choose = useCallback(
    async (chosen: File | undefined) => {
      const id = next();
      setError(null);
      if (!chosen) {
        setState({ step: "empty" });
        return;
      }
      const tooBig = sizeProblem(chosen.name, chosen.size);
      if (tooBig) {
        setState({ step: "empty" });
        setError(refusal(tooBig));
        return;
      }
      setState({ step: "reading" });
      let read: ReturnType<typeof readImportFile>;
      try {
        read = readImportFile(chosen.name, chosen.size, await chosen.text());
      } catch {
        read = { ok: false, error: `“${chosen.name}” could not be read. Choose it again.` };
      }
      if (id !== run.current) return;
      if (!read.ok) {
        setState({ step: "empty" });
        setError(refusal(read.error));
        return;
      }
      const name = read.value.kind === "todoist" ? listNameFromFile(chosen.name) : "";
      setListName(name);
      await check(read.value, name);
    },
    [next, check],
  );

  /** The list name changed: a preview made for the old name no longer says what would happen. */
  const editListName = useCallback(
    (name: string) => {
      setListName(name);
      setError(null);
      if (state.step === "preview" || state.step === "checking") {
        next();
        setState({ step: "chosen", file: state.file });
      }
    },
    [state, next],
  );

  const preview = useCallback(() => {
    if (state.step === "chosen") void check(state.file, listName);
  }, [state, listName, check]);

  const confirm = useCallback(async () => {
    if (state.step !== "preview") return;
    const id = next();
    const { file, preview } = state;
    setError(null);
    setState({ step: "importing", file, preview });
    try {
      const imported = await runImport(file, listName);
      if (id === run.current) setState({ step: "done", imported });
    } catch (caught) {
      if (id !== run.current) return;
      // Nothing was imported (one transaction): the same preview stays, to try again or cancel.
      setState({ step: "preview", file, preview });
      setError(importFailure(caught));
    }
  }, [state, listName, next]);

  const cancel = useCallback(() => {
    next();
    setError(null);
    setListName("");
    setState({ step: "empty" });
  }, [next]);

  return { state, listName, error, choose, editListName, preview, confirm, cancel };
}

export type ImportFlow = ReturnType<typeof useImport>;

// The two calls the import makes, the same for both kinds of file: a dry run that answers with a
// preview and changes nothing, then the import itself (one transaction on the api's side).
import type { ImportResult, ImportPreview as PreviewResponse } from "@taskflow/contracts";
import { ApiError, api, errorMessage } from "../../lib/api";
import type { ImportFile } from "./import-file";

/** What a dry run found. */
export type ImportPreview = PreviewResponse["preview"];
/** What an import created. */
export type Imported = ImportResult["imported"];

/** Why an import or its preview failed: the problem's detail and, when it names them, the bad items. */
export type ImportFailure = { message: string; items: string[] };

/** `/api/import` with the file's format, its list (a Todoist file) and whether it is a dry run. */
export function importUrl(file: ImportFile, listName: string, dryRun: boolean): string {
  const query = new URLSearchParams();
  if (file.kind === "todoist") {
    query.set("format", "todoist");
    // No list: the Inbox.
    if (listName.trim()) query.set("list", listName.trim());
  }
  if (dryRun) query.set("dry_run", "true");
  const search = query.toString();
  return search ? `/api/import?${search}` : "/api/import";
}

function send<T>(file: ImportFile, listName: string, dryRun: boolean, signal?: AbortSignal): Promise<T> {
  const url = importUrl(file, listName, dryRun);
  if (file.kind === "taskflow") return api<T>(url, { method: "POST", json: file.body, signal });
  return api<T>(url, { method: "POST", body: file.csv, headers: { "content-type": "text/csv" }, signal });
}

export async function previewImport(
  file: ImportFile,
  listName: string,
  signal: AbortSignal,
): Promise<ImportPreview> {
  return (await send<PreviewResponse>(file, listName, true, signal)).preview;
}

export async function runImport(file: ImportFile, listName: string): Promise<Imported> {
  return (await send<ImportResult>(file, listName, false)).imported;
}

const SAYS_NOTHING_IMPORTED = /nothing (?:was|has been) imported/i;

/** A refusal without named items, saying that nothing was imported unless its message already does. */
export function refusal(message: string): ImportFailure {
  return {
    message: SAYS_NOTHING_IMPORTED.test(message) ? message : `Nothing was imported: ${message}`,
    items: [],
  };
}

/**
 * The failure as the page shows it: the api's detail, or, when the problem names the bad places in the
 * file, each of them as the api words it (`tasks[1].title must be at most 200 characters`).
 */
export function importFailure(error: unknown): ImportFailure {
  if (!(error instanceof ApiError)) return refusal(errorMessage(error));
  if (error.fieldErrors.length === 0) return refusal(error.message);
  const items = error.fieldErrors.map((item) =>
    item.field ? `${item.field} ${item.message}` : item.message,
  );
  const fix = items.length === 1 ? "Fix this" : "Fix these";
  return { message: `Nothing was imported. ${fix} in the file, then choose it again:`, items };
}

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

/** The failure as the page shows it: the api's detail, then each item it named ("tasks.3.title: …"). */
export function importFailure(error: unknown): ImportFailure {
  if (!(error instanceof ApiError)) return { message: errorMessage(error), items: [] };
  const items = error.fieldErrors.map((item) =>
    item.field ? `${item.field}: ${item.message}` : item.message,
  );
  return { message: error.message, items };
}

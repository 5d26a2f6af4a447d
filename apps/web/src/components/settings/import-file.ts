// What a chosen import file is, decided in the browser before anything is sent: its size (refused
// past the limit without reading it), its kind (a Taskflow JSON export or a Todoist CSV export, from
// the extension, else from the content) and, for a Todoist file, the list its tasks go into.
import { IMPORT_MAX_BYTES, INBOX, LIST_NAME_MAX_LENGTH } from "@taskflow/contracts";

/** The columns every Todoist CSV export starts with (their documented template format). */
const TODOIST_REQUIRED = ["TYPE", "CONTENT"];

export type ImportKind = "taskflow" | "todoist";

/** A file ready to preview: the JSON as parsed, or the CSV text as it is. */
export type ImportFile =
  | { kind: "taskflow"; name: string; size: number; body: unknown }
  | { kind: "todoist"; name: string; size: number; csv: string };

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** "1.2 MB", "830 KB", "12 bytes": what a person reads, not exact. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} byte${bytes === 1 ? "" : "s"}`;
}

/**
 * Null when the size is fine; else why the file is refused (before it is read or sent: the api would
 * answer 413 past IMPORT_MAX_BYTES anyway).
 */
export function sizeProblem(name: string, size: number): string | null {
  if (size === 0) return `“${name}” is empty. Choose a Taskflow export (.json) or a Todoist export (.csv).`;
  if (size > IMPORT_MAX_BYTES)
    return `“${name}” is ${formatSize(size)}; files up to ${formatSize(IMPORT_MAX_BYTES)} can be imported. Split it, or export less.`;
  return null;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** The CSV's column names, from its first line (quotes and a byte-order mark removed). */
function csvColumns(text: string): string[] {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return firstLine.split(",").map((cell) => cell.trim().replace(/^"|"$/g, "").trim().toUpperCase());
}

function looksTodoist(text: string): boolean {
  const columns = csvColumns(text);
  return TODOIST_REQUIRED.every((column) => columns.includes(column));
}

/** Taskflow JSON or Todoist CSV: the extension decides; without one the content does. */
export function detectKind(name: string, text: string): Checked<ImportKind> {
  const extension = extensionOf(name);
  if (extension === "json") return { ok: true, value: "taskflow" };
  if (extension === "csv") return { ok: true, value: "todoist" };
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("{")) return { ok: true, value: "taskflow" };
  if (looksTodoist(text)) return { ok: true, value: "todoist" };
  return {
    ok: false,
    error: `“${name}” is neither a Taskflow export (.json) nor a Todoist export (.csv).`,
  };
}

/** Reads the chosen file's text into what the import sends, or says why it cannot be imported. */
export function readImportFile(name: string, size: number, text: string): Checked<ImportFile> {
  const kind = detectKind(name, text);
  if (!kind.ok) return kind;
  if (kind.value === "todoist") {
    if (!looksTodoist(text))
      return {
        ok: false,
        error: `“${name}” is not a Todoist export: its first line must name the columns ${TODOIST_REQUIRED.join(", ")}… (Todoist: project menu → Export as a template → CSV).`,
      };
    return { ok: true, value: { kind: "todoist", name, size, csv: text } };
  }
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const why = error instanceof Error ? error.message : "it could not be read";
    return { ok: false, error: `“${name}” is not valid JSON (${why}), so it is not a Taskflow export.` };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return {
      ok: false,
      error: `“${name}” is not a Taskflow export: it should be one object with lists and tasks.`,
    };
  return { ok: true, value: { kind: "taskflow", name, size, body } };
}

/**
 * The list a Todoist file's tasks go into: the file's name without its extension (Todoist names the
 * file after the project), cut to a list name's length; a name the Inbox owns or none at all becomes
 * "Todoist".
 */
export function listNameFromFile(name: string): string {
  const dot = name.lastIndexOf(".");
  const base = (dot >= 0 ? name.slice(0, dot) : name).trim().slice(0, LIST_NAME_MAX_LENGTH).trim();
  return base && base.toLowerCase() !== INBOX ? base : "Todoist";
}

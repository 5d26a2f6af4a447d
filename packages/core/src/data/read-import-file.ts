import {
  EXPORT_VERSION,
  type ExportFile,
  exportFileSchema,
  IMPORT_MAX_LISTS,
  IMPORT_MAX_TASKS,
} from "@taskflow/contracts";
import type { z } from "zod";
import { AppError, type FieldError } from "../errors";

/**
 * How an error names a place in the file: `tasks[3].priority` for a Taskflow export; a Todoist import
 * names the CSV row and column instead (`row 7, PRIORITY`).
 */
export type PlaceNamer = (path: readonly PropertyKey[]) => string;

/** `["tasks", 3, "priority"]` → `tasks[3].priority`. */
export const jsonPlace: PlaceNamer = (path) =>
  path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, "");

/** A refusal of the whole file (400), in plain words. */
export const badFile = (message: string) => new AppError("validation", message);

/** One refusal naming every bad place (at most `MAX_REPORTED`), so one fix-and-retry covers them. */
export function placeErrors(errors: FieldError[]): AppError {
  const shown = errors.slice(0, MAX_REPORTED);
  const more = errors.length > shown.length ? ` (and ${errors.length - shown.length} more)` : "";
  const detail = shown.map((error) => `${error.field} ${error.message}`).join("; ");
  return new AppError("validation", `${detail}${more}. Nothing was imported.`, shown);
}
const MAX_REPORTED = 20;

const number = (count: number) => count.toLocaleString("en-US");

function issueErrors(issues: z.core.$ZodIssue[], place: PlaceNamer): FieldError[] {
  return issues.flatMap((issue) => {
    // An unknown key is reported on the object that holds it; name the key itself.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: place([...issue.path, key]),
        message: "is not a known field",
      }));
    }
    return [{ field: place(issue.path), message: issue.message }];
  });
}

/**
 * Checks a Taskflow export as a whole (JSON object, version, how many lists and tasks) and then every
 * item against the file's schema; a bad file is one 400 naming the places (`tasks[3].priority`).
 */
export function readImportFile(body: unknown, place: PlaceNamer = jsonPlace): ExportFile {
  if (typeof body === "string") {
    throw badFile(
      "The file is not a Taskflow export: it was sent as text, not JSON. A Todoist CSV export is imported with format=todoist.",
    );
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badFile(
      "The file is not a Taskflow export: it should be one JSON object with version, lists and tasks.",
    );
  }
  const { version, lists, tasks } = body as Record<string, unknown>;
  if (version === undefined) {
    throw badFile(
      `The file is not a Taskflow export: it has no version (an export says "version": ${EXPORT_VERSION}).`,
    );
  }
  if (version !== EXPORT_VERSION) {
    throw badFile(
      `The file is version ${JSON.stringify(version)} of the Taskflow export; this server reads version ${EXPORT_VERSION}.`,
    );
  }
  if (Array.isArray(tasks) && tasks.length > IMPORT_MAX_TASKS) {
    throw badFile(
      `The file has ${number(tasks.length)} tasks; one import takes at most ${number(IMPORT_MAX_TASKS)}. Split it into several files.`,
    );
  }
  if (Array.isArray(lists) && lists.length > IMPORT_MAX_LISTS) {
    throw badFile(
      `The file has ${number(lists.length)} lists; one import takes at most ${number(IMPORT_MAX_LISTS)}.`,
    );
  }
  const parsed = exportFileSchema.safeParse(body);
  if (!parsed.success) throw placeErrors(issueErrors(parsed.error.issues, place));
  return parsed.data;
}

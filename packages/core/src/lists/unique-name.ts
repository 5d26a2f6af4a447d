import { conflict } from "../errors";

/** Whether a database error (or one it wraps) is a unique violation: here, a list name already taken. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === "23505") return true;
  return false;
}

/** Runs a write of a list's name; the name already used by another of the user's lists is a 409. */
export async function withUniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export const nameTaken = (name: string) =>
  conflict(`You already have a list named “${name}” (names are compared whatever their case)`);

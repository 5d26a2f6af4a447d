import { expect } from "vitest";

/** For `toThrow`: an AppError("validation") whose one field error is on `field`, with a matching message. */
export const fieldError = (field: string, message: RegExp) =>
  expect.objectContaining({
    name: "AppError",
    code: "validation",
    fieldErrors: [{ field, message: expect.stringMatching(message) }],
  });

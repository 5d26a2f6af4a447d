import { z } from "zod";
import { NUL_MESSAGE, noNulCharacter } from "./fields";

export const createTokenBody = z.strictObject({
  name: z
    .string({ error: "must be a string" })
    .trim()
    .min(1, "must not be empty")
    .max(100, "must be at most 100 characters")
    .refine(noNulCharacter, NUL_MESSAGE),
});
export const tokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
});
export const createdTokenSchema = tokenSchema.extend({
  token: z.string().describe("Shown once; store it now"),
});
export type PersonalToken = z.infer<typeof tokenSchema>;
export type CreatedToken = z.infer<typeof createdTokenSchema>;

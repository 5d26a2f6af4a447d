import { z } from "zod";
import { textInput } from "./fields";

export const createTokenBody = z.strictObject({
  name: textInput().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
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

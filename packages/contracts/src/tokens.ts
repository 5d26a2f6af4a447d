import { z } from "zod";
import { textInput } from "./fields";

export const createTokenBody = z.strictObject({
  name: textInput().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  expires_in_days: z
    .number({ error: "must be a whole number of days" })
    .int("must be a whole number of days")
    .min(1, "must be at least 1")
    .max(3650, "must be at most 3650 (ten years)")
    .optional()
    .describe("Days until the token stops working; omit for a token that works until revoked"),
});
export const tokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  expires_at: z.string().nullable().describe("When the token stops working; null: until revoked"),
});
export const createdTokenSchema = tokenSchema.extend({
  token: z.string().describe("Shown once; store it now"),
});
/** GET /api/tokens */
export const tokenListSchema = z.object({ items: z.array(tokenSchema) });
export type PersonalToken = z.infer<typeof tokenSchema>;
export type TokenList = z.infer<typeof tokenListSchema>;
export type CreatedToken = z.infer<typeof createdTokenSchema>;

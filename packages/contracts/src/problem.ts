import { z } from "zod";

/** One invalid input: `field` names where it was (`title`, `body.due_at`, `querystring.status`). */
export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** RFC 9457 problem details, the shape of every error response. */
export const problemSchema = z
  .object({
    type: z.string().default("about:blank"),
    status: z.number().int(),
    title: z.string(),
    detail: z.string(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

import { z } from "zod";

/** RFC 9457 problem details, the shape of every error response. */
export const problemSchema = z
  .object({
    type: z.string().default("about:blank"),
    status: z.number().int(),
    title: z.string(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

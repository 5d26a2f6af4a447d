import { z } from "zod";
import { timeZoneSchema } from "./fields";

export const meSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    time_zone: z.string().describe("IANA zone dates are typed and shown in"),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof meSchema>;

export const updateMeBody = z.strictObject({ time_zone: timeZoneSchema });
export type UpdateMeInput = z.infer<typeof updateMeBody>;

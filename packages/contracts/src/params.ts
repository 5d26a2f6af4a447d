import { z } from "zod";
import { taskIdSchema, textInput } from "./fields";

// Path parameters of the REST routes.

/** `/tasks/{id}`, `/tokens/{id}`, `/conversations/{id}`: a positive 32-bit integer id. */
export const idParams = z.object({ id: taskIdSchema });

/** The hackathon `/api/{user_id}/…` aliases; the api refuses any id but the caller's. */
export const userIdParams = z.object({ user_id: z.string() });

/** `/connected-apps/{client_id}`: an OAuth client id. */
export const clientIdParams = z.object({ client_id: textInput().min(1).max(200) });

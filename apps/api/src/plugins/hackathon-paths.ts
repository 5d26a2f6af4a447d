// The hackathon's `/api/{user_id}/…` paths are part of the contract. They are not routes of their own:
// a scope at prefix `/:user_id` registers the same route plugins again, and this hook makes that scope
// refuse any id but the caller's and document its routes as deprecated aliases.
import { userIdParams } from "@taskflow/contracts";
import { sendProblem } from "@taskflow/runtime/problem";
import type { FastifyInstance } from "fastify";
import { z } from "zod";

/** Call first in a scope registered at prefix `/:user_id`, inside a scope whose hook sets `request.user`. */
export function ownUserIdOnly(scope: FastifyInstance) {
  scope.addHook("onRequest", async (request, reply) => {
    const { user_id: pathUser } = request.params as { user_id?: string };
    if (pathUser !== request.user?.id)
      return sendProblem(reply, 403, "The user id in the path is not yours.");
  });
  scope.addHook("onRoute", (route) => {
    const schema = route.schema ?? {};
    const params = schema.params;
    route.schema = {
      ...schema,
      params: params instanceof z.ZodObject ? params.extend(userIdParams.shape) : userIdParams,
      tags: ["hackathon compatibility"],
      summary: `${schema.summary ?? ""} (hackathon path; user_id must be your own)`,
      deprecated: true,
    };
  });
}

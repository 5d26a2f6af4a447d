import { meSchema, problemSchema, updateMeBody } from "@taskflow/contracts";
import { getMe, setTimeZone } from "@taskflow/core/users";
import type { Db } from "@taskflow/db/client";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { currentUser } from "../plugins/auth";
import { routeDoc } from "./route-doc";

/** The signed-in user's profile and the time zone their dates are read and shown in. */
export function registerMeRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: problemSchema, 401: problemSchema };

  r.get("/me", {
    schema: { ...routeDoc("me", "Your profile and time zone"), response: { 200: meSchema, ...errors } },
    handler: (request) => getMe(db, currentUser(request).id),
  });

  r.patch("/me", {
    schema: {
      ...routeDoc("me", "Set your time zone (IANA name)"),
      body: updateMeBody,
      response: { 200: meSchema, ...errors },
    },
    handler: (request) => setTimeZone(db, currentUser(request).id, request.body.time_zone),
  });
}

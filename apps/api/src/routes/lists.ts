import {
  createListBody,
  idParams,
  listListSchema,
  listSchema,
  problemSchema,
  renameListBody,
} from "@taskflow/contracts";
import { createList, deleteList, listLists, renameList } from "@taskflow/core/lists";
import type { Db } from "@taskflow/db/client";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentUser } from "../plugins/auth";
import { routeDoc } from "./route-doc";

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };
const doc = (summary: string) => routeDoc("lists", summary);

/** The user's lists (projects) at `/lists`; a task in none is in the Inbox. Another user's list is a 404. */
export function registerListRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get("/lists", {
    schema: {
      ...doc("List lists, each with its count of open tasks"),
      response: { 200: listListSchema, ...errors },
    },
    handler: async (request) => ({ items: await listLists(db, currentUser(request).id) }),
  });

  r.post("/lists", {
    schema: {
      ...doc("Create a list (names are unique per user, whatever their case)"),
      body: createListBody,
      response: { 201: listSchema, ...errors, 409: problemSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createList(db, currentUser(request).id, request.body)),
  });

  r.patch("/lists/:id", {
    schema: {
      ...doc("Rename a list"),
      params: idParams,
      body: renameListBody,
      response: { 200: listSchema, ...errors, 409: problemSchema },
    },
    handler: (request) => renameList(db, currentUser(request).id, request.params.id, request.body),
  });

  r.delete("/lists/:id", {
    schema: {
      ...doc("Delete a list; its tasks move to the Inbox"),
      params: idParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await deleteList(db, currentUser(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  });
}

import {
  createTaskBody,
  listTasksQuery,
  idParams as params,
  problemSchema,
  replaceTaskBody,
  taskListSchema,
  taskSchema,
  updateTaskBody,
} from "@taskflow/contracts";
import {
  createTask,
  deleteTask,
  getTask,
  listTasks,
  restoreTask,
  toggleTask,
  updateTask,
} from "@taskflow/core/tasks";
import type { Db } from "@taskflow/db/client";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentUser } from "../plugins/auth";
import { routeDoc } from "./route-doc";

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const doc = (summary: string) => routeDoc("tasks", summary);

/**
 * The task routes at `<prefix>/tasks`: registered in the signed-in `/api` scope, and again in its
 * hackathon `/api/{user_id}` scope.
 */
export function registerTaskRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/tasks";

  r.get(base, {
    schema: {
      ...doc("List tasks"),
      querystring: listTasksQuery,
      response: { 200: taskListSchema, ...errors },
    },
    handler: (request) => listTasks(db, currentUser(request).id, request.query),
  });

  r.post(base, {
    schema: {
      ...doc("Create a task"),
      body: createTaskBody,
      response: { 201: taskSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createTask(db, currentUser(request).id, request.body)),
  });

  r.get(`${base}/:id`, {
    schema: { ...doc("Get a task"), params, response: { 200: taskSchema, ...errors } },
    handler: (request) => getTask(db, currentUser(request).id, request.params.id),
  });

  r.patch(`${base}/:id`, {
    schema: {
      ...doc("Change some fields of a task"),
      params,
      body: updateTaskBody,
      response: { 200: taskSchema, ...errors },
    },
    handler: (request) => updateTask(db, currentUser(request).id, request.params.id, request.body),
  });

  r.put(`${base}/:id`, {
    schema: {
      ...doc("Replace a task"),
      params,
      body: replaceTaskBody,
      response: { 200: taskSchema, ...errors },
    },
    handler: (request) => updateTask(db, currentUser(request).id, request.params.id, request.body),
  });

  r.patch(`${base}/:id/complete`, {
    schema: { ...doc("Toggle a task's completion"), params, response: { 200: taskSchema, ...errors } },
    handler: (request) => toggleTask(db, currentUser(request).id, request.params.id),
  });

  r.delete(`${base}/:id`, {
    schema: {
      ...doc("Move a task to the trash (restorable for 30 days)"),
      params,
      response: { 204: z.null().describe("Moved to the trash"), ...errors },
    },
    handler: async (request, reply) => {
      await deleteTask(db, currentUser(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  });

  r.post(`${base}/:id/restore`, {
    schema: {
      ...doc("Restore a task from the trash"),
      params,
      response: { 200: taskSchema, ...errors, 409: problemSchema },
    },
    handler: (request) => restoreTask(db, currentUser(request).id, request.params.id),
  });
}

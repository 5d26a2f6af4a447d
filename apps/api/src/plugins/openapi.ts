import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import {
  problemSchema,
  sessionResponseSchema,
  signedInSchema,
  signInBody,
  signOutResponseSchema,
  signUpBody,
} from "@taskflow/contracts";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { OpenAPIV3 } from "openapi-types";
import { z } from "zod";

// Better Auth serves /api/auth/* through one wildcard route, so its contract endpoints are described
// here by hand (with the contracts' zod shapes, like every other route) rather than generated from route schemas.
// A schema with an OpenAPI id (Problem, Task, …) is written once under components (jsonSchemaTransformObject
// below) and referenced, as the generated routes do.
const jsonSchema = (schema: z.ZodType, io: "input" | "output") => {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: `#/components/schemas/${id}` } as unknown as OpenAPIV3.SchemaObject;
  return z.toJSONSchema(schema, { io }) as OpenAPIV3.SchemaObject;
};
const json = (schema: z.ZodType) => ({ "application/json": { schema: jsonSchema(schema, "input") } });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: jsonSchema(problemSchema, "output") } },
});
const signedIn = (description: string) => ({
  description,
  headers: {
    "set-auth-token": {
      description: "The bearer token (same as `token`)",
      schema: jsonSchema(z.string(), "output"),
    },
    "set-cookie": {
      description: "The session cookie, for browsers",
      schema: jsonSchema(z.string(), "output"),
    },
  },
  content: json(signedInSchema),
});

function authPaths(): OpenAPIV3.PathsObject {
  return {
    "/api/auth/sign-up/email": {
      post: {
        tags: ["auth"],
        summary: "Create an account and sign in",
        requestBody: {
          required: true,
          content: json(signUpBody),
        },
        responses: {
          200: signedIn("Signed up and signed in"),
          400: problem("Bad input"),
          422: problem("Email already used"),
          429: problem("Too many attempts"),
        },
      },
    },
    "/api/auth/sign-in/email": {
      post: {
        tags: ["auth"],
        summary: "Sign in; returns the bearer token and sets the session cookie",
        requestBody: { required: true, content: json(signInBody) },
        responses: {
          200: signedIn("Signed in"),
          400: problem("Bad input"),
          401: problem("Wrong email or password"),
          429: problem("Too many attempts"),
        },
      },
    },
    "/api/auth/sign-out": {
      post: {
        tags: ["auth"],
        summary: "End the current session (cookie or bearer)",
        security: [{ bearer: [] }, { cookie: [] }],
        responses: { 200: { description: "Signed out", content: json(signOutResponseSchema) } },
      },
    },
    "/api/auth/get-session": {
      get: {
        tags: ["auth"],
        summary: "The current session and user, or null when signed out",
        security: [{ bearer: [] }, { cookie: [] }],
        responses: {
          200: {
            description: "Session or null",
            content: json(sessionResponseSchema),
          },
        },
      },
    },
  };
}

/** OpenAPI 3.1 generated from the same zod schemas that validate requests; browsable at /api/docs. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Taskflow API",
        version: "0.1.0",
        description:
          "Tasks, chat and personal tokens. Sign in at POST /api/auth/sign-in/email (email, password); the response's `token` (also in the `set-auth-token` header) is your bearer token. Errors are application/problem+json.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          cookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
        },
      },
      paths: authPaths(),
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());
}

import { createRoute, OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import { z } from "zod";
import type { ApiEnv } from "./api";
import { AppError, fieldsFromZod } from "./errors";

// The JSON API is built with @hono/zod-openapi: one route object is the path, the
// validation and the OpenAPI description, so they can't drift apart. A module writes
//
//   export const thingsApi = apiRouter();
//   thingsApi.openapi(
//     apiRoute({ method: "post", path: "/api/v1/things", tags: ["things"], summary: "Create a thing",
//       middleware: [allow("things.write")], body: ThingInputSchema,
//       responses: { 201: { description: "Created", schema: ThingSchema } } }),
//     async (c) => { const body = c.req.valid("json"); ...; return c.json(toApi(thing), 201); });
//
// and app.ts mounts it under the one API router that serves /api/v1/openapi.json.

/** The one error shape of every 4xx answer. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.object({ code: z.string(), message: z.string() })).optional(),
  }),
});

/** A router whose validation failures are our 422 `validation_failed`, with field keys. */
export function apiRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        // The validator passes the raw value as `data` on failure too (not in its types).
        const raw = (result as { data?: unknown }).data;
        throw new AppError("validation_failed", fieldsFromZod(result.error as z.ZodError, raw));
      }
    },
  });
}

/**
 * An `{id}` path parameter. Documented, not refused here: the handler's requireUuidParam
 * answers 404 for anything that can't be an id, as for an unknown one.
 */
export const UuidParamSchema = z.object({ id: z.string().describe("The id (a UUID)") });

const STANDARD_ERRORS = {
  400: "Malformed request",
  401: "Missing or unknown bearer token",
  403: "Your role doesn't allow this",
  404: "Unknown id, or another organization's",
  422: "Invalid fields",
} as const;

/** A required JSON request body. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true as const,
  content: { "application/json": { schema } },
});

/** A JSON response; a 4xx without a schema gets the error shape. */
export const jsonResponse = <S extends z.ZodType>(description: string, schema: S) => ({
  description,
  content: { "application/json": { schema } },
});

/**
 * A route description (as @hono/zod-openapi's createRoute takes it) with the standard
 * error answers, a stable operationId and, for `public` routes, no bearer security.
 */
export function apiRoute<const R extends RouteConfig>(route: R & { public?: boolean }): R {
  const { public: isPublic, ...config } = route;
  const errors = isPublic
    ? {}
    : Object.fromEntries(
        Object.entries(STANDARD_ERRORS).map(([status, description]) => [
          status,
          jsonResponse(description, ErrorBodySchema),
        ]),
      );
  return createRoute({
    operationId: `${config.method}${config.path.replace(/[{}]/g, "").replace(/\/(\w)/g, (_, ch: string) => ch.toUpperCase())}`,
    ...(isPublic ? { security: [] } : {}),
    ...config,
    responses: { ...errors, ...config.responses },
  }) as unknown as R;
}

import { createRoute, OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import { z } from "zod";
import { type ApiEnv, requireToken } from "./api";
import { AppError, type FieldErrors, fieldsFromZod } from "./errors";

// The JSON API is built with @hono/zod-openapi: one route object is the path, the
// validation and the OpenAPI description, so they can't drift apart. A module writes
//
//   export const thingsApi = tokenApiRouter("/api/v1/things", "/api/v1/things/*");
//   const route = apiRoutes("things"); // api-routes.ts: method, path, tag and permission
//   thingsApi.openapi(
//     route.post("/api/v1/things", "things.write", {
//       summary: "Create a thing",
//       request: { body: jsonBody(ThingInputSchema) },
//       responses: { 201: jsonResponse("Created", ThingSchema) },
//     }),
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
 * A module's API router: every request to one of `paths` (Hono patterns such as
 * "/api/v1/things" and "/api/v1/things/*") needs a bearer token first.
 */
export function tokenApiRouter(...paths: string[]) {
  const router = apiRouter();
  for (const path of paths) router.use(path, requireToken);
  return router;
}

/**
 * How a domain field's error path is named in the API: the first segment through `names`
 * (`{ displayName: "display_name" }`), the rest kept ("phones.0.number" -> "phones.0.number").
 */
export function apiFieldPath(names: Record<string, string>): (path: string) => string {
  return (path) => {
    const [head = "", ...rest] = path.split(".");
    return [names[head] ?? head, ...rest].join(".");
  };
}

/** Field errors with their paths renamed (domain names -> API names). */
export function renameFieldErrors(fields: FieldErrors, rename: (path: string) => string) {
  const renamed: FieldErrors = {};
  for (const [path, key] of Object.entries(fields)) renamed[rename(path)] = key;
  return renamed;
}

/**
 * Domain validation of what an API body was turned into; a failure is a 422
 * `validation_failed` whose field paths are the API's (`rename`).
 */
export function validateApiInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  rename: (path: string) => string,
): z.infer<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new AppError("validation_failed", renameFieldErrors(fieldsFromZod(parsed.error), rename));
}

/**
 * A PATCH body checked as a whole: what was sent over what is stored, validated like a new
 * one (failures under the API's field paths), and only the sent fields returned.
 */
export function validateApiPatch<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  current: Record<string, unknown>,
  sent: Record<string, unknown>,
  rename: (path: string) => string,
): Partial<z.infer<S>> {
  const merged: Record<string, unknown> = validateApiInput(schema, { ...current, ...sent }, rename);
  return Object.fromEntries(Object.keys(sent).map((k) => [k, merged[k]])) as Partial<z.infer<S>>;
}

/**
 * For `.catch(…)` after an operation: an AppError's field errors (an operation's own
 * checks) renamed to the API's field paths; anything else thrown again as it is.
 */
export function withApiFieldNames(rename: (path: string) => string): (error: unknown) => never {
  return (error) => {
    if (error instanceof AppError && error.fields) {
      throw new AppError(
        error.code,
        renameFieldErrors(error.fields, rename),
        error.retryAfterSeconds,
      );
    }
    throw error;
  };
}

/**
 * An `{id}` path parameter. Documented, not refused here: the handler's requireUuidParam
 * answers 404 for anything that can't be an id, as for an unknown one.
 */
/** A text in both languages as the API answers it (the stored text of each, "" when none). */
export const ApiBilingualSchema = z.object({ es: z.string(), en: z.string() });

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

/** A 4xx answer a route documents beside the standard ones: the error shape. */
export const refused = (description: string) => jsonResponse(description, ErrorBodySchema);

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

import type { RouteConfig } from "@hono/zod-openapi";
import { z } from "zod";
import { apiRoute, jsonBody, jsonResponse, UuidParamSchema } from "./api-router";
import { allow } from "./authorize";
import { AppError } from "./errors";
import { definedOnly } from "./fields";
import { type AppContext, requireUuidParam } from "./http";
import type { Permission } from "./permissions";

// What the API routes of every module share, so a module declares only what differs:
//
//   const route = apiRoutes("things");
//   thingsApi.openapi(
//     route.patch("/api/v1/things/{id}", "things.write", {
//       summary: "Change a thing",
//       request: withIdAndBody(ApiThingPatchSchema),
//       responses: { 200: jsonResponse("The thing", ThingSchema) },
//     }),
//     async (c) => { const thing = await foundById(c, getThing); … },
//   );
//
// for a route that takes nothing but the id,
// `route.onId("get", "/api/v1/things/{id}", "things.read", "Get a thing", { 200: … })`;
// and for the POST that makes a thing from a body and answers 201 "Created" with it,
// `route.create("/api/v1/things", "things.write", "Create a thing", InputSchema, ThingSchema)`.

/** What a route says beyond its method, path, tag and permission. */
type RouteParts = Omit<RouteConfig, "method" | "path" | "tags" | "middleware">;

/** A route's answers beside the standard ones. */
type Responses = RouteConfig["responses"];

type Method = "get" | "post" | "put" | "patch" | "delete";

/**
 * The route declarations of one tag (an OpenAPI group): `route.get(path, permission, parts)`
 * is `apiRoute` with the method, the path, the tag and `allow(permission)` filled in.
 */
export function apiRoutes(tag: string) {
  const tags = [tag];
  const declare =
    <const M extends Method>(method: M) =>
    <const P extends string, const R extends RouteParts>(
      path: P,
      permission: Permission,
      parts: R,
    ) =>
      apiRoute({ method, path, ...parts, tags, middleware: [allow(permission)] });
  return {
    get: declare("get"),
    post: declare("post"),
    put: declare("put"),
    patch: declare("patch"),
    delete: declare("delete"),
    /**
     * A route on one thing that takes nothing but its `{id}` (a get, a delete, a step):
     * `route.onId("get", path, permission, summary, { 200: jsonResponse(…) })`.
     */
    onId: <const M extends Method, const P extends string, const R extends Responses>(
      method: M,
      path: P,
      permission: Permission,
      summary: string,
      responses: R,
    ) => declare(method)(path, permission, { summary, request: withId, responses }),
    /**
     * The POST that makes a new thing from a JSON body and answers 201 "Created" with it
     * (or with its id): `route.create(path, permission, summary, InputSchema, ThingSchema)`.
     */
    create: <const P extends string, const B extends z.ZodType, const S extends z.ZodType>(
      path: P,
      permission: Permission,
      summary: string,
      body: B,
      created: S,
    ) =>
      declare("post")(path, permission, {
        summary,
        request: { body: jsonBody(body) },
        responses: { 201: jsonResponse("Created", created) },
      }),
  };
}

/** The request of a route on one thing: its `{id}` in the path. */
export const withId = { params: UuidParamSchema };

/** The request of a route on one thing that takes a JSON body. */
export const withIdAndBody = <S extends z.ZodType>(schema: S) => ({
  params: UuidParamSchema,
  body: jsonBody(schema),
});

/** What a lookup found, or a 404 (unknown id, or another organization's). */
export function found<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new AppError("not_found");
  return value;
}

/** A list's search text (`?q=`): documented as searchQuery (platform/text.ts) reads it. */
export const searchParam = z.string().max(200).optional();

/** The thing of the route's `{id}` in the actor's organization, or a 404. */
export async function foundById<T>(
  c: AppContext,
  get: (db: AppContext["var"]["deps"]["db"], orgId: string, id: string) => Promise<T | null>,
): Promise<T> {
  return found(await get(c.var.deps.db, c.var.actor.orgId, requireUuidParam(c)));
}

/**
 * `page` and `per_page` of a list's query, as text: documented, not refused (a list's
 * query falls back to its defaults). `perPage` says the range and default.
 */
export const pagingParams = (perPage: string) => ({
  page: z.string().optional().describe("1 or more"),
  per_page: z.string().optional().describe(perPage),
});

/**
 * The query of a searched, paged list: `q`, the list's own `filters`, then `page` and
 * `per_page` (see pagingParams), in that order in the document.
 */
export const pagedSearchQuery = <const F extends z.ZodRawShape>(perPage: string, filters: F) =>
  z.object({ q: searchParam, ...filters, ...pagingParams(perPage) });

/** A page of a list as the API answers it, beside the items. */
export const pageEnvelope = (page: { page: number; perPage: number; total: number }) => ({
  page: page.page,
  per_page: page.perPage,
  total_records: page.total,
});

/**
 * The fields a body sent, under the domain's names: a key whose value is undefined (left
 * out of the body) is dropped, so a PATCH changes only what was sent.
 */
export function sentFields(fields: Record<string, unknown>): Record<string, unknown> {
  return definedOnly(fields);
}

import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { ApiEnv } from "./api";

// The OpenAPI 3.1 document is assembled from each module's route descriptions and
// its Zod schemas, so the document and the validation can't drift apart.
export type ApiOperation = {
  method: "get" | "post" | "patch" | "put" | "delete";
  path: string;
  summary: string;
  tags: string[];
  params?: {
    name: string;
    in: "path" | "query" | "header";
    schema: z.ZodType;
    required?: boolean;
    description?: string;
  }[];
  body?: z.ZodType;
  responses: Record<string, { description: string; schema?: z.ZodType }>;
  /** Served without a bearer token. */
  public?: boolean;
};

/** The document describes itself too: it is an /api/v1 route like the others. */
export const OPENAPI_PATH = "/api/v1/openapi.json";
const selfOperation: ApiOperation = {
  method: "get",
  path: OPENAPI_PATH,
  summary: "This OpenAPI 3.1 document",
  tags: ["meta"],
  public: true,
  responses: {
    "200": { description: "The OpenAPI document", schema: z.record(z.string(), z.unknown()) },
  },
};

const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.object({ code: z.string(), message: z.string() })).optional(),
  }),
});

const toSchema = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });

/**
 * The whole document: the routes built with api-router.ts (@hono/zod-openapi) plus the
 * operations still listed by hand (`legacy`, shrinking to none as modules move over).
 */
export function openApiDocument(
  router: OpenAPIHono<ApiEnv>,
  legacy: ApiOperation[],
  version: string,
) {
  const base = buildOpenApi(legacy, version);
  const built = router.getOpenAPI31Document({
    openapi: "3.1.0",
    info: base.info,
    servers: base.servers,
    security: base.security,
  });
  return { ...base, paths: { ...base.paths, ...(built.paths ?? {}) } };
}

export function buildOpenApi(operations: ApiOperation[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of [selfOperation, ...operations]) {
    const errors = op.public
      ? {}
      : {
          "400": { description: "Malformed request", schema: ErrorBody },
          "401": { description: "Missing or unknown bearer token", schema: ErrorBody },
          "403": { description: "Your role doesn't allow this", schema: ErrorBody },
          "404": { description: "Unknown id, or another organization's", schema: ErrorBody },
          "422": { description: "Invalid fields", schema: ErrorBody },
        };
    const responses = Object.fromEntries(
      Object.entries({ ...errors, ...op.responses }).map(([status, r]) => {
        // Every 4xx has the one error shape, even when a module declares only a description.
        const schema = r.schema ?? (status.startsWith("4") ? ErrorBody : undefined);
        return [
          status,
          {
            description: r.description,
            ...(schema
              ? { content: { "application/json": { schema: toSchema(schema, "output") } } }
              : {}),
          },
        ];
      }),
    );
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, unknown>)[op.method] = {
      summary: op.summary,
      tags: op.tags,
      ...(op.public ? { security: [] } : {}),
      operationId: `${op.method}${op.path.replace(/[{}]/g, "").replace(/\/(\w)/g, (_, ch: string) => ch.toUpperCase())}`,
      ...(op.params
        ? {
            parameters: op.params.map((p) => ({
              name: p.name,
              in: p.in,
              required: p.in === "path" ? true : (p.required ?? false),
              ...(p.description ? { description: p.description } : {}),
              schema: toSchema(p.schema, "input"),
            })),
          }
        : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: toSchema(op.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Amparo API",
      version,
      description:
        "Organizing, legal defense and fundraising for community groups. Field names follow OSDI where it has one.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths,
  };
}

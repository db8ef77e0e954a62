import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { ApiEnv } from "./api";

// The OpenAPI 3.1 document is generated from the routes built with api-router.ts
// (@hono/zod-openapi): route, validation and description are one object, so they can't drift.

/** The document describes itself too: it is an /api/v1 route like the others. */
export const OPENAPI_PATH = "/api/v1/openapi.json";

const selfPath = {
  get: {
    summary: "This OpenAPI 3.1 document",
    tags: ["meta"],
    security: [],
    operationId: "getApiV1Openapi.json",
    responses: {
      "200": {
        description: "The OpenAPI document",
        content: {
          "application/json": {
            schema: z.toJSONSchema(z.record(z.string(), z.unknown()), { target: "draft-2020-12" }),
          },
        },
      },
    },
  },
};

export function openApiDocument(router: OpenAPIHono<ApiEnv>, version: string) {
  const info = {
    title: "Amparo API",
    version,
    description:
      "Organizing, legal defense and fundraising for community groups. Field names follow OSDI where it has one.",
  };
  const built = router.getOpenAPI31Document({
    openapi: "3.1.0",
    info,
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
  });
  return {
    ...built,
    components: {
      ...built.components,
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
    paths: { [OPENAPI_PATH]: selfPath, ...(built.paths ?? {}) },
  };
}

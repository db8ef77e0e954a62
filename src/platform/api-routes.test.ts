import type { RouteConfig } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiFieldPath, apiRoute, jsonBody, jsonResponse, validateApiPatch } from "./api-router";
import { apiRoutes, found, pageEnvelope, sentFields, withId, withIdAndBody } from "./api-routes";
import { allow, declaredAccess } from "./authorize";
import { AppError } from "./errors";

// The shared pieces of the API routes: a route declared through apiRoutes is the one
// apiRoute would build by hand, and the handler helpers keep the API's answers.
describe("apiRoutes", () => {
  const Body = z.object({ name: z.string() });
  const responses = { 200: jsonResponse("The thing", Body) };
  /** The route of the tag "things" and the permission people.write, written out for apiRoute. */
  const byHand = (route: Omit<RouteConfig, "tags" | "middleware">) =>
    apiRoute({ ...route, tags: ["things"], middleware: [allow("people.write")] });

  it("fills in the method, path, tag and permission of apiRoute", () => {
    const route = apiRoutes("things").patch("/api/v1/things/{id}", "people.write", {
      summary: "Change a thing",
      request: withIdAndBody(Body),
      responses,
    });
    expect(route).toEqual(
      byHand({
        method: "patch",
        path: "/api/v1/things/{id}",
        summary: "Change a thing",
        request: withIdAndBody(Body),
        responses,
      }),
    );
    expect((route as { operationId?: string }).operationId).toBe("patchApiV1ThingsId");
    expect(declaredAccess(route.middleware[0])).toEqual({
      kind: "permission",
      permission: "people.write",
    });
  });

  it("declares a create route as the POST of a JSON body answering 201 Created", () => {
    const Input = z.object({ name: z.string().max(10) });
    const route = apiRoutes("things").create(
      "/api/v1/things",
      "people.write",
      "Create a thing",
      Input,
      Body,
    );
    expect(route).toEqual(
      byHand({
        method: "post",
        path: "/api/v1/things",
        summary: "Create a thing",
        request: { body: jsonBody(Input) },
        responses: { 201: jsonResponse("Created", Body) },
      }),
    );
    expect((route as { operationId?: string }).operationId).toBe("postApiV1Things");
  });

  it("declares a route on one id with only its id in the request", () => {
    const route = apiRoutes("things").onId(
      "post",
      "/api/v1/things/{id}/close",
      "people.write",
      "Close a thing",
      responses,
    );
    expect(route).toEqual(
      byHand({
        method: "post",
        path: "/api/v1/things/{id}/close",
        summary: "Close a thing",
        request: withId,
        responses,
      }),
    );
  });
});

describe("found", () => {
  it("answers 404 not_found for a lookup that found nothing, and passes anything else", () => {
    for (const nothing of [null, undefined]) {
      const thrown = (() => {
        try {
          found(nothing);
        } catch (error) {
          return error;
        }
      })();
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe("not_found");
      expect((thrown as AppError).status).toBe(404);
    }
    expect(found(0)).toBe(0);
    expect(found("")).toBe("");
  });
});

describe("sentFields and pageEnvelope", () => {
  it("drops only what was left out: null and false are sent values", () => {
    expect(sentFields({ a: undefined, b: null, c: false, d: "x" })).toEqual({
      b: null,
      c: false,
      d: "x",
    });
    expect(Object.keys(sentFields({ z: 1, a: 2 }))).toEqual(["z", "a"]);
  });

  it("names a page's figures as the API does", () => {
    expect(pageEnvelope({ page: 2, perPage: 25, total: 51 })).toEqual({
      page: 2,
      per_page: 25,
      total_records: 51,
    });
  });
});

describe("validateApiPatch", () => {
  const Fields = z.object({ displayName: z.string().min(1, "required"), notes: z.string() });
  const rename = apiFieldPath({ displayName: "display_name" });

  it("checks what was sent over what is stored and returns only what was sent", () => {
    const current = { displayName: "Ana Prueba", notes: "" };
    expect(validateApiPatch(Fields, current, { notes: "hola" }, rename)).toEqual({ notes: "hola" });
  });

  it("names a failing field as the API does", () => {
    const current = { displayName: "Ana Prueba", notes: "" };
    try {
      validateApiPatch(Fields, current, { displayName: "" }, rename);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe("validation_failed");
      expect((error as AppError).fields).toEqual({ display_name: "required" });
    }
  });
});

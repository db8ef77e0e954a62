import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiFieldPath, apiRoute, jsonResponse, validateApiPatch } from "./api-router";
import { apiRoutes, found, pageEnvelope, sentFields, withIdAndBody } from "./api-routes";
import { allow, declaredAccess } from "./authorize";
import { AppError } from "./errors";

// The shared pieces of the API routes: a route declared through apiRoutes is the one
// apiRoute would build by hand, and the handler helpers keep the API's answers.
describe("apiRoutes", () => {
  const Body = z.object({ name: z.string() });
  const responses = { 200: jsonResponse("The thing", Body) };

  it("fills in the method, path, tag and permission of apiRoute", () => {
    const route = apiRoutes("things").patch("/api/v1/things/{id}", "people.write", {
      summary: "Change a thing",
      request: withIdAndBody(Body),
      responses,
    });
    const byHand = apiRoute({
      method: "patch",
      path: "/api/v1/things/{id}",
      summary: "Change a thing",
      tags: ["things"],
      middleware: [allow("people.write")],
      request: withIdAndBody(Body),
      responses,
    });
    expect(route).toEqual(byHand);
    expect((route as { operationId?: string }).operationId).toBe("patchApiV1ThingsId");
    expect(declaredAccess(route.middleware[0])).toEqual({
      kind: "permission",
      permission: "people.write",
    });
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

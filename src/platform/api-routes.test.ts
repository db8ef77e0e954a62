import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiRoute, jsonResponse } from "./api-router";
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

import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../test/support/api";
import { apiTokenFor, createOrg, createTestApp, type TestApp } from "../../test/support/app";
import { DEFAULT_STORE } from "../../test/support/stores";

// The OpenAPI document is valid 3.1 and describes exactly the /api/v1 routes the app serves.
type Schema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
};
type Operation = {
  operationId: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { content?: { "application/json": { schema: Schema } } }>;
};
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  security: unknown[];
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
};

const METHODS = ["get", "post", "put", "patch", "delete"];

describe("OpenAPI document", () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await createTestApp(DEFAULT_STORE);
    const res = await t.app.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    doc = (await res.json()) as Doc;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
    );

  it("is served without a token and validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(
      structuredClone(doc) as unknown as Record<string, unknown>,
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it("lists every /api/v1 route the app serves, and no route it doesn't", () => {
    const served = t.app.routes
      .filter((r) => r.path.startsWith("/api/v1/") && METHODS.includes(r.method.toLowerCase()))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    const documented = operations().map((o) => o.key);
    expect(new Set(documented).size).toBe(documented.length);
    expect([...new Set(served)].sort()).toEqual([...documented].sort());
    // The people routes, as the contract names them.
    for (const route of [
      "GET /api/v1/people",
      "POST /api/v1/people",
      "GET /api/v1/people/{id}",
      "PATCH /api/v1/people/{id}",
      "DELETE /api/v1/people/{id}",
      "GET /api/v1/openapi.json",
    ]) {
      expect(documented).toContain(route);
    }
  });

  // Public on purpose: the document, and casting a ballot (the voting token is the credential).
  const PUBLIC = new Set(["GET /api/v1/openapi.json", "POST /api/v1/ballots"]);
  it("declares bearer auth on every route but the public ones", () => {
    expect(doc.components.securitySchemes.bearer).toEqual({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ bearer: [] }]);
    for (const { key, op } of operations()) {
      if (PUBLIC.has(key)) expect(op.security).toEqual([]);
      else {
        expect(op.security, key).toBeUndefined();
        expect(Object.keys(op.responses), key).toContain("401");
      }
    }
  });

  it("gives unique operation ids, path parameters, and the error shape on every 4xx", () => {
    const ids = operations().map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { key, op } of operations()) {
      for (const name of key.match(/\{(\w+)\}/g) ?? []) {
        const param = op.parameters?.find((p) => `{${p.name}}` === name);
        expect(param, `${key} ${name}`).toMatchObject({ in: "path", required: true });
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (!status.startsWith("4")) continue;
        const schema = response.content?.["application/json"].schema;
        expect(schema?.required, `${key} ${status}`).toEqual(["error"]);
        expect(schema?.properties?.error?.required?.sort()).toEqual(["code", "message"]);
      }
    }
  });

  it("documents request bodies that refuse unknown fields", () => {
    for (const { key, op } of operations()) {
      const body = op.requestBody?.content["application/json"].schema;
      if (!body) continue;
      expect(body.additionalProperties, key).toBe(false);
    }
    const create =
      doc.paths["/api/v1/people"]?.post?.requestBody?.content["application/json"].schema;
    expect(create?.required).toEqual(["display_name"]);
    const patch =
      doc.paths["/api/v1/people/{id}"]?.patch?.requestBody?.content["application/json"].schema;
    expect(patch?.required ?? []).toEqual([]);
  });

  it("describes the responses the API really sends", async () => {
    const org = await createOrg(t);
    const api = apiClient(t, await apiTokenFor(t, org.actor));
    const created = await api.post("/api/v1/people", {
      display_name: "Documentada",
      email_addresses: [{ address: "doc@example.org" }],
      phone_numbers: [{ number: "555 010 1234" }],
      consent: { email: true },
    });
    expect(created.status).toBe(201);
    const personSchema = doc.paths["/api/v1/people"]?.post?.responses["201"]?.content?.[
      "application/json"
    ].schema as Schema;
    expect(Object.keys(created.json).sort()).toEqual(
      Object.keys(personSchema.properties ?? {}).sort(),
    );
    expect([...(personSchema.required ?? [])].sort()).toEqual(Object.keys(created.json).sort());
    expect(Object.keys(personSchema.properties?.consent?.properties ?? {}).sort()).toEqual([
      "email",
      "sms",
    ]);
    // What `consent` means now (decision 094): read from, and written to, messaging.
    expect(personSchema.properties?.consent?.description).toContain("messaging's consent records");
    const input = doc.paths["/api/v1/people"]?.post?.requestBody?.content["application/json"]
      .schema as Schema;
    expect(input.properties?.consent?.description).toContain('source "api"');

    const list = await api.get("/api/v1/people");
    const listSchema = doc.paths["/api/v1/people"]?.get?.responses["200"]?.content?.[
      "application/json"
    ].schema as Schema;
    expect(Object.keys(list.json).sort()).toEqual([...(listSchema.required ?? [])].sort());

    const missing = await api.get("/api/v1/people/00000000-0000-0000-0000-000000000000");
    expect(missing.status).toBe(404);
    expect(Object.keys(doc.paths["/api/v1/people/{id}"]?.get?.responses ?? {})).toContain("404");
    const deleted = await api.delete(`/api/v1/people/${created.json.id}`);
    expect(deleted.status).toBe(204);
    expect(Object.keys(doc.paths["/api/v1/people/{id}"]?.delete?.responses ?? {})).toContain("204");
  });
});

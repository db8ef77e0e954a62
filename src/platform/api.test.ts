import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../test/support/api";
import { apiTokenFor, createOrg, createTestApp, type TestApp } from "../../test/support/app";
import { DEFAULT_STORE } from "../../test/support/stores";

// What the JSON API refuses before any route reads a body: something that isn't JSON,
// JSON nested deeper than any Amparo body (without walking it recursively), and NUL.
describe("JSON bodies on /api/v1", () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    t = await createTestApp(DEFAULT_STORE);
    const org = await createOrg(t);
    api = apiClient(t, await apiTokenFor(t, org.actor));
  });
  afterAll(() => t.close());

  it("refuses a body sent as another content type with 415, in the error shape", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const res = await api.post("/api/v1/people", '{"display_name":"Sin tipo"}', {
        "content-type": type,
      });
      expect(res.status, type).toBe(415);
      expect(res.json.error.code).toBe("unsupported_media_type");
      expect(res.json.error.message).toMatch(/JSON/);
    }
    const listed = await api.get("/api/v1/people?q=sin");
    expect(listed.json.total_records).toBe(0);
  });

  it("takes JSON with a charset, and application/*+json", async () => {
    const res = await api.post(
      "/api/v1/people",
      { display_name: "Con charset" },
      {
        "content-type": "application/json; charset=utf-8",
      },
    );
    expect(res.status).toBe(201);
  });

  it("refuses JSON nested 100,000 deep with 400, quickly, and keeps serving", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const started = performance.now();
    const res = await api.post("/api/v1/people", deep);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("bad_request");
    expect(performance.now() - started).toBeLessThan(2_000);
    const health = await t.app.request("/healthz");
    expect(health.status).toBe(200);
  });

  it("names the field holding a NUL character", async () => {
    const res = await api.post("/api/v1/people", { display_name: "a\u0000b" });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error.fields)).toEqual(["display_name"]);
  });
});

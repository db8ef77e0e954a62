import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiClient } from "../../test/support/api";
import {
  apiTokenFor,
  createOrg,
  createTestApp,
  signedIn,
  type TestApp,
} from "../../test/support/app";
import { text } from "../../test/support/html";
import { DEFAULT_STORE } from "../../test/support/stores";
import { common } from "./common.messages";
import { describeError } from "./error-handler";

// When something truly unexpected fails, the person sees a calm 500 page in their
// language, and the log says what broke without a word of what they typed.
describe("unexpected errors", () => {
  let t: TestApp;
  let logged: string[];

  beforeAll(async () => {
    t = await createTestApp(DEFAULT_STORE);
    // A database rule the app doesn't know about makes one insert fail for real.
    await t.database.db.execute(
      sql`ALTER TABLE people ADD CONSTRAINT test_forbidden_name CHECK (display_name NOT LIKE 'Secreta%')`,
    );
    logged = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(
        args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(" "),
      );
    });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t.close();
  });

  it("answers a page with a 500 and logs no personal data", async () => {
    const org = await createOrg(t);
    const client = await signedIn(t, org.email);
    const res = await client.post("/people", {
      display_name: "Secreta Persona",
      emails: "secreta@example.org",
      notes: "nota privadísima",
    });
    expect(res.status).toBe(500);
    expect(text(await res.text())).toContain(common.es.server_error);
    const log = logged.join("\n");
    expect(log).toContain("POST /people");
    expect(log).toContain("23514");
    for (const secret of ["Secreta", "secreta@example.org", "privadísima", "params"]) {
      expect(log).not.toContain(secret);
    }
  });

  it("answers the API with a JSON 500 and logs no personal data", async () => {
    logged.length = 0;
    const org = await createOrg(t, "Con API");
    const api = apiClient(t, await apiTokenFor(t, org.actor));
    const res = await api.post(
      "/api/v1/people",
      { display_name: "Secreta API", notes: "nota privadísima" },
      { "accept-language": "en" },
    );
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: { code: "internal", message: common.en.server_error } });
    const log = logged.join("\n");
    expect(log).toContain("23514");
    expect(log).not.toContain("Secreta");
    expect(log).not.toContain("privadísima");
  });

  it("describes an error by name, SQLSTATE and stack frames only", () => {
    const cause = Object.assign(new Error("duplicate key value (email)=(ana@example.org)"), {
      code: "23505",
    });
    const error = new Error("Failed query: insert ...\nparams: Ana Pérez,ana@example.org", {
      cause,
    });
    const described = describeError(error);
    expect(described).toContain("Error <- Error (23505)");
    expect(described).toMatch(/\n\s+at /);
    expect(described).not.toContain("Ana");
    expect(described).not.toContain("ana@example.org");
    expect(describeError("a string")).toBe("string");
  });
});

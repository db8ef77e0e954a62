import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Client, PASSWORD, refusedForm, type TestApp } from "../../../test/support/app";
import { fieldError, fieldValue, pageLang, selectedValue, text } from "../../../test/support/html";
import { STORES } from "../../../test/support/stores";
import { freshApp } from "../../../test/support/suites";
import { common } from "../../platform/common.messages";
import { accountsText } from "./accounts.messages";

// First-run setup over HTTP: only while no organization exists, every bad field
// answered in the page's language, and never a second time.
const GOOD = {
  org_name: "Unión de Vendedores Ambulantes",
  slug: "vendedores",
  time_zone: "America/Los_Angeles",
  default_language: "es",
  owner_name: "Coordinadora",
  email: "coordinadora@example.org",
  password: PASSWORD,
};

const count = async (t: TestApp, table: "organizations" | "users" | "memberships") => {
  const res = await t.database.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
  );
  return Number(res.rows[0]?.n);
};

describe.each(STORES)("first-run setup over HTTP on %s", (store) => {
  const s = freshApp(store);

  it("sends every page to /setup while no organization exists", async () => {
    const client = new Client(s.t);
    for (const path of ["/", "/login", "/people", "/people/new", "/users", "/nope"]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location"), path).toBe("/setup");
    }
    const page = await client.get("/setup");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('action="/setup"');
    // The JSON API and health check are not pages: they answer as themselves.
    expect((await client.get("/healthz")).status).toBe(200);
    expect((await client.get("/api/v1/people")).status).toBe(401);
  });

  it("lets the setup page switch language before anything exists", async () => {
    const client = new Client(s.t, { "accept-language": "es" });
    const res = await client.post("/lang", { lang: "en", next: "/setup" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/setup");
    expect(client.cookie("amparo_lang")).toBe("en");
    const html = await (await client.get("/setup")).text();
    expect(pageLang(html)).toBe("en");
    expect(text(html)).toContain(accountsText.en.setup_title);
  });

  const BAD: [string, Record<string, string>, Record<string, string>][] = [
    [
      "empty",
      {
        org_name: "",
        slug: "",
        time_zone: "",
        default_language: "",
        owner_name: "",
        email: "",
        password: "",
      },
      {
        org_name: "required",
        slug: "required",
        time_zone: "invalid_time_zone",
        default_language: "invalid_choice",
        owner_name: "required",
        email: "required",
        password: "password_too_short",
      },
    ],
    [
      "whitespace only",
      { org_name: "   ", slug: "  ", owner_name: "\t \n", email: "   " },
      { org_name: "required", slug: "required", owner_name: "required", email: "required" },
    ],
    [
      "10,000 characters",
      {
        org_name: "x".repeat(10_000),
        slug: "a".repeat(10_000),
        time_zone: "A".repeat(10_000),
        owner_name: "y".repeat(10_000),
        email: `${"z".repeat(10_000)}@example.org`,
        password: "p".repeat(10_000),
      },
      {
        org_name: "too_long",
        slug: "invalid_slug",
        time_zone: "invalid_time_zone",
        owner_name: "too_long",
        email: "too_long",
        password: "too_long",
      },
    ],
    ["invalid email", { email: "not-an-email" }, { email: "invalid_email" }],
    ["short password", { password: "short" }, { password: "password_too_short" }],
    ["bad slug", { slug: "Con Espacios!" }, { slug: "invalid_slug" }],
    ["bad time zone", { time_zone: "Mars/Olympus_Mons" }, { time_zone: "invalid_time_zone" }],
  ];

  for (const lang of ["es", "en"] as const) {
    for (const [label, change, expected] of BAD) {
      it(`refuses ${label} with 422 and ${lang} messages, keeping what was typed`, async () => {
        const client = new Client(s.t, { "accept-language": lang });
        const values = { ...GOOD, ...change };
        const html = await refusedForm(client, "/setup", values);
        expect(pageLang(html)).toBe(lang);
        expect(text(html)).toContain(common[lang].error_validation_failed);
        for (const [field, key] of Object.entries(expected)) {
          expect(fieldError(html, field), field).toBe(
            common[lang][`field_${key}` as keyof (typeof common)["es"]],
          );
        }
        // What was typed comes back as typed...
        for (const field of ["org_name", "slug", "owner_name", "email"]) {
          expect(fieldValue(html, field), field).toBe(values[field as keyof typeof values]);
        }
        if (values.default_language) {
          expect(selectedValue(html, "default_language")).toBe(values.default_language);
        }
        // ...except the password, which is never echoed.
        expect(fieldValue(html, "password")).toBe("");
        if (values.password) expect(html).not.toContain(values.password);
        expect(await count(s.t, "organizations")).toBe(0);
        expect(await count(s.t, "users")).toBe(0);
      });
    }
  }

  it("sets up, signs the owner in and lands on home", async () => {
    const client = new Client(s.t, { "accept-language": "es" });
    const res = await client.post("/setup", GOOD);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
    expect(client.cookie("amparo_session")).toBeTruthy();
    const home = await client.get("/");
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(text(html)).toContain("Coordinadora");
    expect(text(html)).toContain(GOOD.org_name);
    expect(await count(s.t, "organizations")).toBe(1);
    expect(await count(s.t, "memberships")).toBe(1);
    const roles = await s.t.database.db.execute<{ role: string }>(
      sql`SELECT role FROM memberships`,
    );
    expect(roles.rows[0]?.role).toBe("owner");
  });

  it("refuses a second setup: GET goes to sign in, POST is 409 and creates nothing", async () => {
    const client = new Client(s.t, { "accept-language": "en" });
    const get = await client.get("/setup");
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe("/login");

    for (const values of [
      { ...GOOD, slug: "otra", email: "intrusa@example.org" },
      { ...GOOD, slug: "vendedores" },
      { ...GOOD, email: "bad" },
      {},
    ]) {
      const res = await client.post("/setup", values);
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(text(html)).toContain(common.en.error_already_set_up);
      expect(html).not.toContain('action="/setup"');
      expect(client.cookie("amparo_session")).toBeUndefined();
    }
    expect(await count(s.t, "organizations")).toBe(1);
    expect(await count(s.t, "users")).toBe(1);
    expect(await count(s.t, "memberships")).toBe(1);
    // The first owner's password still works; the intruder's account doesn't exist.
    const owner = new Client(s.t);
    expect((await owner.post("/login", { email: GOOD.email, password: PASSWORD })).status).toBe(
      303,
    );
  });
});

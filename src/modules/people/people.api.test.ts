import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiClient } from "../../../test/support/api";
import { expectApiError as expectError } from "../../../test/support/api-errors";
import { apiTokenFor, createOrg } from "../../../test/support/app";
import { roleApi } from "../../../test/support/members";
import { peopleCount } from "../../../test/support/people";
import { STORES } from "../../../test/support/stores";
import { orgApis } from "../../../test/support/suites";
import { common } from "../../platform/common.messages";
import type { Role } from "../../platform/platform.schema";

// The JSON API contract of issue 2, exactly (bad input is in people.api.invalid.test.ts).
type Api = ReturnType<typeof apiClient>;
const OSDI_KEYS = [
  "consent",
  "created_date",
  "display_name",
  "email_addresses",
  "engagement_level",
  "family_name",
  "given_name",
  "id",
  "modified_date",
  "phone_numbers",
  "preferred_language",
  "tags",
];

describe.each(STORES)("people JSON API on %s", (store) => {
  const s = orgApis(store);
  const tokenWithRole = (role: Role) => roleApi(s.t, s.org.actor, role, role);

  const count = () => peopleCount(s.t, s.org.orgId);
  it("creates a person: 201 with the OSDI fields", async () => {
    const res = await s.api.post("/api/v1/people", {
      display_name: "Doña Chayo",
      given_name: "Rosario",
      family_name: "Méndez",
      email_addresses: [
        { address: "chayo@example.org" },
        { address: "rm@example.net", primary: true },
      ],
      phone_numbers: [{ number: "+1 555 010 7788" }],
      preferred_language: "es",
      engagement_level: "leader",
      tags: ["vendedores", " vendedores ", "Comité"],
      consent: { email: true, sms: false },
      birthdate: "1968-11-02",
      home_address: "Calle Inventada 5",
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const p = res.json;
    for (const key of OSDI_KEYS) expect(p).toHaveProperty(key);
    expect(p.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.display_name).toBe("Doña Chayo");
    expect(p.given_name).toBe("Rosario");
    expect(p.family_name).toBe("Méndez");
    expect(p.email_addresses).toEqual([
      { address: "rm@example.net", primary: true },
      { address: "chayo@example.org", primary: false },
    ]);
    expect(p.phone_numbers).toEqual([{ number: "+1 555 010 7788", primary: true }]);
    expect(p.preferred_language).toBe("es");
    expect(p.engagement_level).toBe("leader");
    expect(p.tags).toEqual(["vendedores", "Comité"]);
    expect(p.consent).toEqual({ email: true, sms: false });
    expect(new Date(p.created_date).toISOString()).toBe(p.created_date);
    expect(new Date(p.modified_date).toISOString()).toBe(p.modified_date);
    // Sensitive values go in, never out.
    expect(JSON.stringify(p)).not.toContain("1968-11-02");
    expect(JSON.stringify(p)).not.toContain("Inventada");
    expect(p.has_birthdate).toBe(true);
    const got = await s.api.get(`/api/v1/people/${p.id}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(p);
  });

  it("creates with only a display name, with defaults", async () => {
    const res = await s.api.post("/api/v1/people", { display_name: "  Seudónimo  " });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      display_name: "Seudónimo",
      given_name: null,
      family_name: null,
      email_addresses: [],
      phone_numbers: [],
      preferred_language: null,
      engagement_level: "contact",
      tags: [],
      consent: { email: false, sms: false },
    });
  });

  it("lists as {people, page, per_page, total_records, total_is_estimate}, searches with q, and pages", async () => {
    for (const i of [1, 2, 3, 4, 5]) {
      const res = await s.api.post("/api/v1/people", {
        display_name: `Lista ${i}`,
        tags: ["lista"],
      });
      expect(res.status).toBe(201);
    }
    const all = await s.api.get("/api/v1/people");
    expect(all.status).toBe(200);
    expect(Object.keys(all.json).sort()).toEqual([
      "page",
      "people",
      "per_page",
      "total_is_estimate",
      "total_records",
    ]);
    expect(all.json.total_is_estimate).toBe(false);
    expect(all.json.page).toBe(1);
    expect(all.json.per_page).toBe(25);
    expect(all.json.total_records).toBe(await count());
    for (const key of OSDI_KEYS) expect(all.json.people[0]).toHaveProperty(key);

    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await s.api.get(`/api/v1/people?tag=lista&per_page=2&page=${page}`);
      expect(res.json).toMatchObject({ page, per_page: 2, total_records: 5 });
      expect(res.json.people).toHaveLength(page === 3 ? 1 : 2);
      seen.push(...res.json.people.map((p: { display_name: string }) => p.display_name));
    }
    expect(seen).toEqual(["Lista 1", "Lista 2", "Lista 3", "Lista 4", "Lista 5"]);
    const past = await s.api.get("/api/v1/people?tag=lista&per_page=2&page=9");
    expect(past.json).toMatchObject({ people: [], page: 9, total_records: 5 });

    await s.api.post("/api/v1/people", { display_name: "María Fernández" });
    const found = await s.api.get(`/api/v1/people?q=${encodeURIComponent("maria fernandez")}`);
    expect(found.json.total_records).toBe(1);
    expect(found.json.people[0].display_name).toBe("María Fernández");
    expect((await s.other.get("/api/v1/people?q=maria")).json.total_records).toBe(0);
  });

  it("patches only the fields sent, and deletes", async () => {
    const created = (
      await s.api.post("/api/v1/people", {
        display_name: "Para Cambiar",
        tags: ["a"],
        email_addresses: [{ address: "cambiar@example.org" }],
        phone_numbers: [{ number: "+1 415 555 0142" }],
        birthdate: "1990-01-01",
      })
    ).json;
    expect(created.consent).toEqual({ email: false, sms: false });
    const patched = await s.api.patch(`/api/v1/people/${created.id}`, {
      engagement_level: "core",
      consent: { sms: true },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      display_name: "Para Cambiar",
      engagement_level: "core",
      tags: ["a"],
      email_addresses: [{ address: "cambiar@example.org", primary: true }],
      consent: { email: false, sms: true },
      has_birthdate: true,
      created_date: created.created_date,
    });
    expect(patched.json.modified_date >= created.modified_date).toBe(true);
    // false on a change revokes: messaging's records say no again, and so does the API.
    const revoked = await s.api.patch(`/api/v1/people/${created.id}`, { consent: { sms: false } });
    expect(revoked.json.consent).toEqual({ email: false, sms: false });
    const cleared = await s.api.patch(`/api/v1/people/${created.id}`, {
      given_name: null,
      email_addresses: [],
      birthdate: null,
    });
    expect(cleared.json).toMatchObject({ email_addresses: [], has_birthdate: false });

    const del = await s.api.delete(`/api/v1/people/${created.id}`);
    expect(del.status).toBe(204);
    expectError(await s.api.get(`/api/v1/people/${created.id}`), 404, "not_found");
    expectError(await s.api.delete(`/api/v1/people/${created.id}`), 404, "not_found");
  });

  it("answers 401 without a token or with a bad one, with WWW-Authenticate", async () => {
    const cases: Api[] = [
      apiClient(s.t, ""),
      apiClient(s.t, "amp_not-a-real-token"),
      apiClient(s.t, "x".repeat(5000)),
      apiClient(s.t, `amp_${"y".repeat(200)}`),
    ];
    for (const bad of cases) {
      for (const res of [
        await bad.get("/api/v1/people"),
        await bad.post("/api/v1/people", { display_name: "Sin permiso" }),
        await bad.get("/api/v1/people/00000000-0000-0000-0000-000000000000"),
      ]) {
        expectError(res, 401, "unauthorized");
        expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      }
    }
    const raw = await s.t.app.request("/api/v1/people", {
      headers: { authorization: "Basic abc" },
    });
    expect(raw.status).toBe(401);
    // A revoked token stops working.
    const token = await apiTokenFor(s.t, s.org.actor);
    await s.t.database.db.execute(
      sql`UPDATE api_tokens SET revoked_at = now() WHERE label = 'test'`,
    );
    expectError(await apiClient(s.t, token).get("/api/v1/people"), 401, "unauthorized");
    s.api = apiClient(s.t, await apiTokenFor(s.t, s.org.actor));
    s.other = apiClient(s.t, await apiTokenFor(s.t, (await createOrg(s.t, "Tercera")).actor));
    expect(await count()).toBeGreaterThan(0);
  });
  it("gives 404 for another organization's id or a non-id on GET, PATCH and DELETE", async () => {
    const theirs = (await s.other.post("/api/v1/people", { display_name: "De Otra Org" })).json;
    for (const id of [
      theirs.id,
      "00000000-0000-0000-0000-000000000000",
      "abc",
      `${theirs.id}0`,
      "%ZZ",
      "%00",
    ]) {
      expectError(await s.api.get(`/api/v1/people/${id}`), 404, "not_found");
      expectError(
        await s.api.patch(`/api/v1/people/${id}`, { display_name: "Robada" }),
        404,
        "not_found",
      );
      expectError(await s.api.delete(`/api/v1/people/${id}`), 404, "not_found");
    }
    expect((await s.other.get(`/api/v1/people/${theirs.id}`)).json).toEqual(theirs);
    expectError(await s.api.get("/api/v1/nothing-here"), 404, "not_found");
  });

  it("enforces roles: a viewer can't write, a member can't delete or send sensitive fields", async () => {
    const viewer = await tokenWithRole("viewer");
    const member = await tokenWithRole("member");
    expect((await viewer.get("/api/v1/people")).status).toBe(200);
    expectError(await viewer.post("/api/v1/people", { display_name: "No" }), 403, "forbidden");
    const mine = await member.post("/api/v1/people", { display_name: "De Miembro" });
    expect(mine.status).toBe(201);
    expectError(await member.delete(`/api/v1/people/${mine.json.id}`), 403, "forbidden");
    expectError(
      await viewer.patch(`/api/v1/people/${mine.json.id}`, { tags: ["x"] }),
      403,
      "forbidden",
    );
    expectError(
      await member.post("/api/v1/people", { display_name: "Con Datos", birthdate: "1990-01-01" }),
      403,
      "forbidden",
    );
    expectError(
      await member.patch(`/api/v1/people/${mine.json.id}`, { home_address: "X" }),
      403,
      "forbidden",
    );
  });

  it("speaks the caller's language: Accept-Language es or en", async () => {
    for (const lang of ["es", "en"] as const) {
      const res = await s.api.post(
        "/api/v1/people",
        { display_name: "" },
        { "accept-language": lang },
      );
      const error = expectError(res, 422, "validation_failed");
      expect(error.message).toBe(common[lang].error_validation_failed);
      expect((error.fields?.display_name as { message?: string })?.message).toBe(
        common[lang].field_required,
      );
      const missing = await s.api.get("/api/v1/people/00000000-0000-0000-0000-000000000000", {
        "accept-language": lang,
      });
      expect(missing.json.error.message).toBe(common[lang].error_not_found);
    }
    const none = await apiClient(s.t, "").get("/api/v1/people", {
      "accept-language": "en-GB,en;q=0.8",
    });
    expect(none.json.error.message).toBe(common.en.error_unauthorized);
  });
});

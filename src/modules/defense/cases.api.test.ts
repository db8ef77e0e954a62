import { beforeAll, describe, expect, it } from "vitest";
import { makePerson } from "../../../test/support/actions";
import { newCase } from "../../../test/support/advocacy";
import { apiClient } from "../../../test/support/api";
import { apiTokenFor, createOrg } from "../../../test/support/app";
import { roleApi } from "../../../test/support/members";
import { auditCount } from "../../../test/support/rows";
import { STORES } from "../../../test/support/stores";
import { oneOrg } from "../../../test/support/suites";
import { createFacility } from "./create-facility";
import { FacilityFieldsSchema } from "./facility";

type Api = ReturnType<typeof apiClient>;

describe.each(STORES)("cases API on %s", (store) => {
  const s = oneOrg(store);
  let api: Api;
  let organizerApi: Api;
  let memberApi: Api;
  let personId: string;
  let facilityId: string;
  let theirs: { caseId: string; personId: string; facilityId: string };

  beforeAll(async () => {
    api = apiClient(s.t, await apiTokenFor(s.t, s.actor));
    organizerApi = await roleApi(s.t, s.actor, "organizer");
    memberApi = await roleApi(s.t, s.actor, "member");
    personId = (await makePerson(s.t.deps, s.actor, "Inventada")).id;
    facilityId = (
      await createFacility(s.t.deps, s.actor, FacilityFieldsSchema.parse({ name: "Centro Uno" }))
    ).id;
    const other = (await createOrg(s.t, "Otra")).actor;
    const { person: theirPerson, kase: theirCase } = await newCase(s.t, other, "Ajena");
    const theirFacility = await createFacility(
      s.t.deps,
      other,
      FacilityFieldsSchema.parse({ name: "Ajeno" }),
    );
    theirs = { caseId: theirCase.id, personId: theirPerson.id, facilityId: theirFacility.id };
  });

  it("opens a case; sensitive fields are stored but never echoed", async () => {
    const res = await api.post("/api/v1/cases", {
      person_id: personId,
      status: "detained",
      facility_id: facilityId,
      lawyer_name: "Lic. Inventada",
      bond_cents: 500000,
      public_story: { es: "Nuestra vecina", en: "Our neighbor" },
      a_number: "A-012-345-678",
      notes: "Confidencial",
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      person_id: personId,
      person_display_name: "Inventada",
      status: "detained",
      facility: { id: facilityId, name: "Centro Uno" },
      bond_cents: 500000,
      bond_currency: "USD",
      has_a_number: true,
      has_notes: true,
      public_story: { es: "Nuestra vecina", en: "Our neighbor" },
    });
    // The A-number in any of its shapes (a short fragment like "345" can occur in a random UUID).
    for (const shape of ["012345678", "12345678", "012-345-678", "345-678"]) {
      expect(JSON.stringify(res.json)).not.toContain(shape);
    }
    expect(JSON.stringify(res.json)).not.toContain("Confidencial");
    expect(res.json.sensitive).toBeUndefined();
  });

  it("returns sensitive fields only with include=sensitive to owners and the team, audited", async () => {
    const { json } = await api.post("/api/v1/cases", { person_id: personId, a_number: "12345678" });
    const plain = await api.get(`/api/v1/cases/${json.id}`);
    expect(plain.json.sensitive).toBeUndefined();
    const full = await api.get(`/api/v1/cases/${json.id}?include=sensitive`);
    expect(full.json.sensitive).toEqual({ a_number: "012345678", birthdate: null, notes: null });
    expect(await auditCount(s.t, json.id, "case.sensitive_read")).toBe(1);
    expect((await organizerApi.get(`/api/v1/cases/${json.id}?include=sensitive`)).status).toBe(403);
    expect((await organizerApi.patch(`/api/v1/cases/${json.id}`, { a_number: null })).status).toBe(
      403,
    );
    expect(
      (await organizerApi.patch(`/api/v1/cases/${json.id}`, { needs: "Despensa" })).status,
    ).toBe(200);
    expect((await memberApi.get(`/api/v1/cases/${json.id}`)).status).toBe(200);
    expect((await memberApi.patch(`/api/v1/cases/${json.id}`, { needs: "x" })).status).toBe(403);
  });

  it("refuses bad input with field errors and saves nothing", async () => {
    const before = (await api.get("/api/v1/cases?status=all")).json.cases.length;
    const cases: [unknown, string][] = [
      [{ person_id: personId, a_number: "A-01B-345-678" }, "a_number"],
      [{ person_id: personId, a_number: "123" }, "a_number"],
      [{ person_id: personId, lawyer_name: "x".repeat(10_000) }, "lawyer_name"],
      [{ person_id: personId, public_story: { es: "x".repeat(10_000) } }, "public_story.es"],
      [{ person_id: personId, bond_cents: 10.5 }, "bond_cents"],
      [{ person_id: personId, bond_cents: -5 }, "bond_cents"],
      [{ person_id: personId, bond_cents: 1e20 }, "bond_cents"],
      [{ person_id: personId, status: "deported" }, "status"],
      [{ person_id: personId, detained_on: "2099-01-01" }, "detained_on"],
      [{ person_id: "not-a-uuid" }, "person_id"],
      [{ person_id: personId, surprise: 1 }, "surprise"],
      [{}, "person_id"],
    ];
    for (const [body, field] of cases) {
      const res = await api.post("/api/v1/cases", body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(Object.keys(res.json.error.fields ?? {}), field).toContain(field);
    }
    expect((await api.post("/api/v1/cases", "{not json")).status).toBe(400);
    expect((await api.get("/api/v1/cases?status=all")).json.cases.length).toBe(before);
  });

  it("records events that update the status, newest first", async () => {
    const { json } = await api.post("/api/v1/cases", { person_id: personId });
    let res = await api.post(`/api/v1/cases/${json.id}/events`, {
      kind: "detained",
      occurred_at: "2025-01-10T06:15:00-08:00",
      facility_id: facilityId,
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ kind: "detained", facility: { id: facilityId } });
    res = await api.post(`/api/v1/cases/${json.id}/events`, {
      kind: "released",
      occurred_at: "2025-02-01T12:00:00Z",
    });
    expect(res.status).toBe(201);
    const kase = await api.get(`/api/v1/cases/${json.id}`);
    expect(kase.json.status).toBe("released");
    expect(kase.json.detained_on).toBe("2025-01-10");
    const events = await api.get(`/api/v1/cases/${json.id}/events`);
    expect(events.json.events.map((e: { kind: string }) => e.kind)).toEqual([
      "released",
      "detained",
    ]);

    const bad: [unknown, string][] = [
      [{ kind: "escaped", occurred_at: "2025-01-01T00:00:00Z" }, "kind"],
      [{ kind: "note", occurred_at: "yesterday", note: "x" }, "occurred_at"],
      [{ kind: "note", occurred_at: "2025-01-01T00:00:00Z" }, "note"],
      [{ kind: "transferred", occurred_at: "2025-01-01T00:00:00Z" }, "facility_id"],
      [{ kind: "bond_set", occurred_at: "2025-01-01T00:00:00Z", amount_cents: 0 }, "amount_cents"],
      [{ kind: "note", occurred_at: "2025-01-01T00:00:00Z", note: "x".repeat(10_000) }, "note"],
    ];
    for (const [body, field] of bad) {
      const r = await api.post(`/api/v1/cases/${json.id}/events`, body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(Object.keys(r.json.error.fields ?? {})).toContain(field);
    }
  });

  it("answers 404 for another organization's case, person and facility", async () => {
    const { json } = await api.post("/api/v1/cases", { person_id: personId });
    const note = { kind: "note", occurred_at: "2025-01-01T00:00:00Z", note: "x" };
    const checks = [
      await api.get(`/api/v1/cases/${theirs.caseId}`),
      await api.get(`/api/v1/cases/${theirs.caseId}?include=sensitive`),
      await api.patch(`/api/v1/cases/${theirs.caseId}`, { needs: "x" }),
      await api.get(`/api/v1/cases/${theirs.caseId}/events`),
      await api.post(`/api/v1/cases/${theirs.caseId}/events`, note),
      await api.post("/api/v1/cases", { person_id: theirs.personId }),
      await api.post("/api/v1/cases", { person_id: personId, facility_id: theirs.facilityId }),
      await api.patch(`/api/v1/cases/${json.id}`, { facility_id: theirs.facilityId }),
      await api.post(`/api/v1/cases/${json.id}/events`, {
        kind: "detained",
        occurred_at: "2025-01-01T00:00:00Z",
        facility_id: theirs.facilityId,
      }),
      await api.get("/api/v1/cases/not-a-uuid"),
    ];
    expect(checks.map((r) => r.status)).toEqual(checks.map(() => 404));
    const list = await api.get("/api/v1/cases?status=all");
    expect(list.json.cases.map((c: { id: string }) => c.id)).not.toContain(theirs.caseId);
  });

  it("is in the OpenAPI document", async () => {
    const doc = await s.t.app.request("/api/v1/openapi.json");
    const json = (await doc.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(json.paths["/api/v1/cases"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(json.paths["/api/v1/cases/{id}"] ?? {}).sort()).toEqual(["get", "patch"]);
    expect(Object.keys(json.paths["/api/v1/cases/{id}/events"] ?? {}).sort()).toEqual([
      "get",
      "post",
    ]);
  });
});

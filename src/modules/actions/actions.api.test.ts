import { describe, expect, it } from "vitest";
import { makePerson } from "../../../test/support/actions";
import { createOrg } from "../../../test/support/app";
import { STORES } from "../../../test/support/stores";
import { orgApis } from "../../../test/support/suites";

// The /api/v1/events contract of issue 9, with its bad input.
describe.each(STORES)("events JSON API on %s", (store) => {
  const s = orgApis(store);
  let n = 0;

  const body = (over: Record<string, unknown> = {}) => ({
    slug: `mitin-${++n}`,
    kind: "rally",
    title: { es: "Mitin por la liberación", en: "Rally for release" },
    start_date: "2031-03-07T17:00",
    end_date: "2031-03-07T19:00",
    timezone: "America/Los_Angeles",
    location: { name: "Parque MacArthur", address: "2230 W 6th St" },
    expected_turnout: 30,
    public: true,
    ...over,
  });

  it("creates an event, plans it, reads readiness with stable codes, and marks it done", async () => {
    const created = await s.api.post("/api/v1/events", body());
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      id: expect.any(String),
      kind: "rally",
      status: "draft",
      // 17:00 in Los Angeles on 7 March 2031 (still standard time, UTC-8) is 01:00 UTC.
      start_date: "2031-03-08T01:00:00.000Z",
      timezone: "America/Los_Angeles",
      location: { name: "Parque MacArthur" },
    });
    const id = created.json.id as string;
    // After the change to daylight time (9 March), the same wall clock is an hour earlier in UTC.
    const summer = await s.api.post(
      "/api/v1/events",
      body({ start_date: "2031-03-10T17:00", end_date: "2031-03-10T19:00" }),
    );
    expect(summer.json.start_date).toBe("2031-03-11T00:00:00.000Z");
    const offset = await s.api.post(
      "/api/v1/events",
      body({ start_date: "2031-03-07T17:00:00-05:00", end_date: "2031-03-07T19:00:00-05:00" }),
    );
    expect(offset.json.start_date).toBe("2031-03-07T22:00:00.000Z");

    const before = await s.api.get(`/api/v1/events/${id}/readiness`, { "accept-language": "es" });
    expect(before.status).toBe(200);
    expect(before.json.ready).toBe(false);
    expect(before.json.missing.map((m: { code: string }) => m.code)).toEqual([
      "no_lead",
      "marshals_short",
      "no_first_step",
    ]);
    expect(before.json.missing[1]).toMatchObject({
      needed: 2,
      have: 0,
      message: expect.stringContaining("2"),
    });

    const lead = await makePerson(s.t.deps, s.org.actor, "Lucía Dirige", "leader");
    const m1 = await makePerson(s.t.deps, s.org.actor, "Mario Seguridad", "core");
    expect(
      (await s.api.post(`/api/v1/events/${id}/roles`, { person_id: lead.id, role: "lead" })).status,
    ).toBe(201);
    expect(
      (await s.api.post(`/api/v1/events/${id}/roles`, { person_id: lead.id, role: "marshal" }))
        .status,
    ).toBe(201);
    const custom = await s.api.post(`/api/v1/events/${id}/roles`, {
      person_id: m1.id,
      role: "Enlace con iglesias",
      notes: "Llega temprano",
    });
    expect(custom.json).toMatchObject({ role: "custom", custom_name: "Enlace con iglesias" });
    expect(
      (await s.api.post(`/api/v1/events/${id}/roles`, { person_id: m1.id, role: "marshal" }))
        .status,
    ).toBe(201);
    const material = await s.api.post(`/api/v1/events/${id}/materials`, {
      item: "Megáfono",
      quantity: 2,
    });
    expect(material.json).toMatchObject({ status: "needed", bringer_id: null });
    const mid = await s.api.get(`/api/v1/events/${id}/readiness`);
    expect(mid.json.missing).toEqual([
      expect.objectContaining({
        code: "material_unassigned",
        material_id: material.json.id,
        item: "Megáfono",
      }),
      { code: "no_first_step", message: expect.any(String) },
    ]);
    await s.api.post(`/api/v1/events/${id}/materials`, {
      item: "Agua",
      quantity: 24,
      bringer_id: m1.id,
    });
    const step = await s.api.post(`/api/v1/events/${id}/run_of_show`, {
      at: "2031-03-07T16:00",
      title: "Llegan organizadoras",
      owner_id: lead.id,
    });
    expect(step.status).toBe(201);
    expect(step.json.at).toBe("2031-03-08T00:00:00.000Z");

    const going = await makePerson(s.t.deps, s.org.actor, "Nadia Nueva");
    expect(
      (
        await s.api.post(`/api/v1/events/${id}/attendances`, {
          person_id: going.id,
          status: "going",
        })
      ).status,
    ).toBe(201);
    const late = await s.api.get(`/api/v1/events/${id}/readiness`);
    expect(late.json.missing.map((m: { code: string }) => m.code)).toEqual([
      "material_unassigned",
      "newcomer_unpaired",
    ]);
    expect(late.json.missing[1].person_id).toBe(going.id);

    const first = await s.api.post(`/api/v1/events/${id}/check_ins`, { person_id: going.id });
    const second = await s.api.post(`/api/v1/events/${id}/check_ins`, { person_id: going.id });
    expect(first.json.first).toBe(true);
    expect(second.json).toMatchObject({ first: false, checked_in_at: first.json.checked_in_at });

    const done = await s.api.patch(`/api/v1/events/${id}`, { status: "done" });
    expect(done.status).toBe(200);
    expect(done.json.status).toBe("done");
    const list = await s.api.get("/api/v1/events?q=liberacion");
    expect(list.json.total_records).toBeGreaterThanOrEqual(1);
  });

  it("refuses bad input with a field and a 4xx", async () => {
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [body({ end_date: "2031-03-07T16:00" }), { end_date: "end_before_start" }],
      [body({ timezone: "Mars/Olympus_Mons" }), { timezone: "invalid_time_zone" }],
      [body({ start_date: "mañana" }), { start_date: "invalid_date" }],
      [body({ kind: "riot" }), { kind: "invalid_choice" }],
      [body({ title: { es: "x".repeat(5001) } }), { "title.es": "too_long" }],
      [body({ surprise: true }), { surprise: "unknown_field" }],
      [body({ expected_turnout: "many" }), { expected_turnout: "wrong_type" }],
    ];
    for (const [input, fields] of cases) {
      const res = await s.api.post("/api/v1/events", input);
      expect(res.status, JSON.stringify(input).slice(0, 80)).toBe(422);
      expect(
        Object.fromEntries(
          Object.entries(res.json.error.fields).map(([k, v]) => [k, (v as { code: string }).code]),
        ),
      ).toMatchObject(fields);
    }
    const id = (await s.api.post("/api/v1/events", body())).json.id as string;
    const stranger = await makePerson(
      s.t.deps,
      (await createOrg(s.t, "Tercera")).actor,
      "Persona Ajena",
    );
    const cross = await s.api.post(`/api/v1/events/${id}/roles`, {
      person_id: stranger.id,
      role: "lead",
    });
    expect(cross.status).toBe(422);
    expect(cross.json.error.fields.person_id.code).toBe("person_not_found");
    const p = await makePerson(s.t.deps, s.org.actor, "Pepa Prueba", "core");
    const huge = await s.api.post(`/api/v1/events/${id}/roles`, {
      person_id: p.id,
      role: "r".repeat(5000),
    });
    expect(huge.status).toBe(422);
    expect(huge.json.error.fields.role.code).toBe("too_long");
    expect((await s.api.patch(`/api/v1/events/${id}`, { status: "finished" })).status).toBe(422);
    expect(
      (await s.api.post(`/api/v1/events/${id}/materials`, { item: "", quantity: 1 })).status,
    ).toBe(422);
  });

  it("another organization's event ids are 404 everywhere", async () => {
    const id = (await s.api.post("/api/v1/events", body())).json.id as string;
    expect((await s.other.get(`/api/v1/events/${id}`)).status).toBe(404);
    expect((await s.other.get(`/api/v1/events/${id}/readiness`)).status).toBe(404);
    expect((await s.other.patch(`/api/v1/events/${id}`, { status: "done" })).status).toBe(404);
    expect(
      (await s.other.post(`/api/v1/events/${id}/materials`, { item: "Agua", quantity: 1 })).status,
    ).toBe(404);
    expect((await s.api.get("/api/v1/events/not-a-uuid")).status).toBe(404);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await s.api.get("/api/v1/openapi.json")).json;
    for (const path of [
      "/api/v1/events",
      "/api/v1/events/{id}",
      "/api/v1/events/{id}/roles",
      "/api/v1/events/{id}/materials",
      "/api/v1/events/{id}/run_of_show",
      "/api/v1/events/{id}/attendances",
      "/api/v1/events/{id}/readiness",
    ]) {
      expect(doc.paths[path], path).toBeTruthy();
    }
    expect(doc.paths["/api/v1/events/{id}"].patch).toBeTruthy();
  });
});

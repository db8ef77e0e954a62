import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addOffice,
  callCampaignFields,
  newCallCampaign,
  newCase,
  newFacility,
} from "../../../test/support/advocacy";
import { outcome as code } from "../../../test/support/outcome";
import { rawRowText } from "../../../test/support/rows";
import { STORES } from "../../../test/support/stores";
import { twoOrgs } from "../../../test/support/suites";
import { AppError } from "../../platform/errors";
import { daysEnding } from "../../platform/time";
import { FacilityFieldsSchema } from "../defense/facility";
import { updateFacility } from "../defense/update-facility";
import { deletePerson } from "../people/delete-person";
import { addTarget } from "./add-target";
import { CALL_RATE_LIMIT, fillDays, LIMITS } from "./call-campaign";
import {
  callsOnDays,
  getCallCampaign,
  listCallCampaigns,
  listTargets,
  totalCalls,
} from "./call-campaign-record";
import { countCall } from "./count-call";
import { getPublicAdvocacy } from "./public-advocacy";
import { removeTarget } from "./remove-target";
import { updateCallCampaign } from "./update-call-campaign";
import { refreshTarget, updateTarget } from "./update-target";

describe.each(STORES)("advocacy operations on %s", (store) => {
  const s = twoOrgs(store);
  let caseId: string;
  let otherCaseId: string;

  beforeAll(async () => {
    caseId = (await newCase(s.t, s.actor, "Rosa Inventada")).kase.id;
    otherCaseId = (await newCase(s.t, s.other)).kase.id;
  });

  const auditActions = async (id: string) =>
    (
      await s.t.database.db.execute<{ action: string }>(
        sql`SELECT action FROM audit_events WHERE subject_id = ${id} ORDER BY created_at, id`,
      )
    ).rows.map((r) => r.action);

  it("creates and updates a campaign for one of the organization's cases, audited", async () => {
    const changes: string[] = [];
    const stop = s.t.deps.bus.on("advocacy.changed", (c) => changes.push(c.caseId));
    const created = await newCallCampaign(s.t, s.actor, caseId, { kind: "visit" });
    expect(created.title.es).toBe("Llamen al centro por Doña Prueba");
    expect([created.kind, created.open, created.public]).toEqual(["visit", true, false]);
    const updated = await updateCallCampaign(
      s.t.deps,
      s.actor,
      created.id,
      callCampaignFields(caseId, { titleEn: "Visit her", public: true, open: false }),
    );
    stop();
    expect([updated.title.en, updated.public, updated.open]).toEqual(["Visit her", true, false]);
    expect(await auditActions(created.id)).toEqual([
      "call_campaign.created",
      "call_campaign.updated",
    ]);
    const [detail] = (
      await s.t.database.db.execute<{ detail: { fields: string[] } }>(
        sql`SELECT detail FROM audit_events WHERE subject_id = ${created.id} AND action = 'call_campaign.updated'`,
      )
    ).rows;
    expect(detail?.detail.fields.sort()).toEqual(["kind", "open", "public", "title"]);
    expect(changes).toEqual([caseId, caseId]);
  });

  it("refuses another organization's case, and hides its campaigns (404)", async () => {
    expect(await code(newCallCampaign(s.t, s.actor, otherCaseId))).toBe(
      '{"caseId":"case_not_found"}',
    );
    const theirs = await newCallCampaign(s.t, s.other, otherCaseId);
    expect(await getCallCampaign(s.t.database.db, s.actor.orgId, theirs.id)).toBeNull();
    expect(
      await code(updateCallCampaign(s.t.deps, s.actor, theirs.id, callCampaignFields(caseId))),
    ).toBe("not_found");
    expect(await code(addOffice(s.t, s.actor, theirs.id))).toBe("not_found");
    const target = await addOffice(s.t, s.other, theirs.id);
    expect(await code(removeTarget(s.t.deps, s.actor, theirs.id, target.id))).toBe("not_found");
    expect(
      await code(updateTarget(s.t.deps, s.actor, theirs.id, target.id, { ...target, name: "x" })),
    ).toBe("not_found");
    expect(
      await code(
        countCall(s.t.deps, { orgId: s.actor.orgId, campaignId: theirs.id, address: "a" }),
      ),
    ).toBe("not_found");
    expect(await listTargets(s.t.database.db, s.other.orgId, theirs.id)).toHaveLength(1);
  });

  it("copies a facility's office data (never its notes) and can copy it again", async () => {
    const campaign = await newCallCampaign(s.t, s.actor, caseId);
    const facility = await newFacility(s.t, s.actor);
    const target = await addTarget(s.t.deps, s.actor, campaign.id, {
      from: "facility",
      facilityId: facility.id,
    });
    expect(target).toMatchObject({
      kind: "facility",
      facilityId: facility.id,
      name: "Centro Inventado de Prueba",
      phones: ["(555) 010-0101"],
      address: "1 Calle Ficticia, Ciudad Ejemplo",
      hours: "Sábados 8:00–15:00",
    });
    expect(await rawRowText(s.t, "advocacy_targets", target.id)).not.toContain("Nota interna");

    // The directory changes; the copy stays until it is refreshed.
    await updateFacility(
      s.t.deps,
      s.actor,
      facility.id,
      FacilityFieldsSchema.parse({
        name: "Centro Inventado (nuevo nombre)",
        phones: ["555-010-0111"],
      }),
    );
    expect((await listTargets(s.t.database.db, s.actor.orgId, campaign.id))[0]?.name).toBe(
      "Centro Inventado de Prueba",
    );
    const refreshed = await refreshTarget(s.t.deps, s.actor, campaign.id, target.id);
    expect([refreshed.name, refreshed.phones, refreshed.address]).toEqual([
      "Centro Inventado (nuevo nombre)",
      ["555-010-0111"],
      null,
    ]);
    expect(await auditActions(target.id)).toEqual([
      "advocacy_target.added",
      "advocacy_target.refreshed",
    ]);

    // Another organization's facility, or a made-up id, is a field error.
    const theirs = await newFacility(s.t, s.other);
    for (const facilityId of [theirs.id, "00000000-0000-4000-8000-000000000000", "nope"]) {
      expect(
        await code(addTarget(s.t.deps, s.actor, campaign.id, { from: "facility", facilityId })),
      ).toBe('{"facility_id":"invalid_choice"}');
    }
  });

  it("edits, orders, limits and removes targets", async () => {
    const campaign = await newCallCampaign(s.t, s.actor, caseId);
    const first = await addOffice(s.t, s.actor, campaign.id, { name: "Primera oficina" });
    const second = await addOffice(s.t, s.actor, campaign.id, { name: "Segunda oficina" });
    await updateTarget(s.t.deps, s.actor, campaign.id, first.id, {
      name: "Primera oficina (editada)",
      phones: ["+52 55 0100 0101"],
      address: null,
      hours: null,
    });
    expect(
      (await listTargets(s.t.database.db, s.actor.orgId, campaign.id)).map((x) => x.name),
    ).toEqual(["Primera oficina (editada)", "Segunda oficina"]);
    await removeTarget(s.t.deps, s.actor, campaign.id, second.id);
    expect(await code(removeTarget(s.t.deps, s.actor, campaign.id, second.id))).toBe("not_found");
    for (let i = 1; i < LIMITS.targets; i++) await addOffice(s.t, s.actor, campaign.id);
    expect(await code(addOffice(s.t, s.actor, campaign.id))).toBe('{"name":"too_many"}');
  });

  it("counts calls per day in the organization's time zone (America/Los_Angeles)", async () => {
    const campaign = await newCallCampaign(s.t, s.actor, caseId, { public: true });
    const tap = (at: string, address = "198.51.100.1") =>
      countCall(s.t.deps, {
        orgId: s.actor.orgId,
        campaignId: campaign.id,
        address,
        at: new Date(at),
      });
    // 22:30 on March 7 in Los Angeles is already March 8 in UTC.
    expect(await tap("2025-03-08T06:30:00Z")).toEqual({ day: "2025-03-07", count: 1 });
    expect(await tap("2025-03-08T07:59:00Z", "198.51.100.2")).toEqual({
      day: "2025-03-07",
      count: 2,
    });
    expect(await tap("2025-03-08T08:00:00Z", "198.51.100.3")).toEqual({
      day: "2025-03-08",
      count: 1,
    });
    const days = daysEnding("2025-03-09", 4);
    const counted = fillDays(
      days,
      await callsOnDays(s.t.database.db, s.actor.orgId, campaign.id, days),
    );
    expect(counted).toEqual([
      { day: "2025-03-06", count: 0 },
      { day: "2025-03-07", count: 2 },
      { day: "2025-03-08", count: 1 },
      { day: "2025-03-09", count: 0 },
    ]);
    expect(await totalCalls(s.t.database.db, s.actor.orgId, campaign.id)).toBe(3);
    // One row per day: the upsert adds to it.
    const rows = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM advocacy_call_counts WHERE call_campaign_id = ${campaign.id}`,
    );
    expect(rows.rows[0]?.n).toBe(2);
  });

  it("refuses the 11th call in an hour from one address, and stores no address", async () => {
    const campaign = await newCallCampaign(s.t, s.actor, caseId, { public: true });
    const address = "203.0.113.77";
    const tap = (from = address, campaignId = campaign.id) =>
      countCall(s.t.deps, { orgId: s.actor.orgId, campaignId, address: from });
    for (let i = 0; i < CALL_RATE_LIMIT.limit; i++) await tap();
    let refused: unknown;
    try {
      await tap();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("rate_limited");
    expect((refused as AppError).status).toBe(429);
    expect((refused as AppError).retryAfterSeconds).toBeGreaterThan(3000);
    // The refused call was not counted; another address, or another campaign, still counts.
    expect(await totalCalls(s.t.database.db, s.actor.orgId, campaign.id)).toBe(10);
    await tap("203.0.113.78");
    const second = await newCallCampaign(s.t, s.actor, caseId, { public: true });
    await tap(address, second.id);
    expect(await totalCalls(s.t.database.db, s.actor.orgId, campaign.id)).toBe(11);

    const everything = await s.t.database.db.execute(sql`
      SELECT (SELECT json_agg(r) FROM rate_limits r)::text AS limits,
             (SELECT json_agg(c) FROM advocacy_call_counts c)::text AS counts,
             (SELECT json_agg(a) FROM audit_events a)::text AS audit`);
    const dump = JSON.stringify(everything.rows);
    expect(dump).not.toContain("203.0.113.77");
    expect(dump).not.toContain("203.0.113.78");
  });

  it("counts only public, open campaigns", async () => {
    const hidden = await newCallCampaign(s.t, s.actor, caseId, { public: false });
    const closed = await newCallCampaign(s.t, s.actor, caseId, { public: true, open: false });
    for (const c of [hidden, closed]) {
      expect(
        await code(countCall(s.t.deps, { orgId: s.actor.orgId, campaignId: c.id, address: "x" })),
      ).toBe("not_found");
    }
    expect(
      await code(countCall(s.t.deps, { orgId: s.actor.orgId, campaignId: "nope", address: "x" })),
    ).toBe("not_found");
  });

  it("gives the public page only public, open campaigns with targets, tel: numbers normalized", async () => {
    const { kase } = await newCase(s.t, s.actor, "Lupe Inventada");
    const shown = await newCallCampaign(s.t, s.actor, kase.id, { public: true });
    await addOffice(s.t, s.actor, shown.id, { phones: ["(555) 010-0199", "+52 55 0100 0101"] });
    await addOffice(s.t, s.actor, shown.id, { name: "Sin teléfono", phones: [] });
    await addOffice(s.t, s.actor, (await newCallCampaign(s.t, s.actor, kase.id)).id);
    await addOffice(
      s.t,
      s.actor,
      (await newCallCampaign(s.t, s.actor, kase.id, { public: true, open: false })).id,
    );
    await newCallCampaign(s.t, s.actor, kase.id, { public: true }); // no target yet

    const items = await getPublicAdvocacy(s.t.database.db, s.actor.orgId, kase.id);
    expect(items.map((i) => i.id)).toEqual([shown.id]);
    expect(items[0]).toMatchObject({
      kind: "call",
      title: { es: "Llamen al centro por Doña Prueba", en: "Call the facility for Doña Prueba" },
      ask: { es: "Pidan que la liberen bajo palabra.", en: "Ask for her release on parole." },
      script: { en: "Hello, I'm calling to ask for Doña Prueba's release." },
    });
    expect(items[0]?.targets).toEqual([
      {
        kind: "office",
        name: "Oficina Inventada de la Congresista",
        phones: [
          { display: "(555) 010-0199", tel: "tel:5550100199" },
          { display: "+52 55 0100 0101", tel: "tel:+525501000101" },
        ],
        address: "2 Avenida Imaginaria",
        hours: "Lunes a viernes, 9:00–17:00",
      },
      {
        kind: "office",
        name: "Sin teléfono",
        phones: [],
        address: "2 Avenida Imaginaria",
        hours: "Lunes a viernes, 9:00–17:00",
      },
    ]);
    // Another organization asking about this case gets nothing; so do junk ids.
    expect(await getPublicAdvocacy(s.t.database.db, s.other.orgId, kase.id)).toEqual([]);
    expect(await getPublicAdvocacy(s.t.database.db, s.actor.orgId, "nope")).toEqual([]);
  });

  it("searches by title (accents folded) or by the person on the case, scoped by org", async () => {
    const { kase } = await newCase(s.t, s.actor, "Ximena Buscable");
    const mine = await newCallCampaign(s.t, s.actor, kase.id, {
      titleEs: "Visitas al Centro Órale",
    });
    const ids = async (q: string, a = s.actor, caseFilter?: string) =>
      (await listCallCampaigns(s.t.database.db, a.orgId, { q, caseId: caseFilter })).map(
        (c) => c.id,
      );
    expect(await ids("centro orale")).toEqual([mine.id]);
    expect(await ids("ximena")).toEqual([mine.id]);
    expect(await ids("zzz")).toEqual([]);
    expect(await ids("", s.actor, kase.id)).toEqual([mine.id]);
    expect(await ids("ximena", s.other)).toEqual([]);
    const [item] = (await listCallCampaigns(s.t.database.db, s.actor.orgId, { q: "ximena" })) ?? [];
    expect(item?.personDisplayName).toBe("Ximena Buscable");
  });

  it("deletes a case's campaigns with the person (right to be forgotten)", async () => {
    const { person, kase } = await newCase(s.t, s.actor, "Persona Olvidada");
    const campaign = await newCallCampaign(s.t, s.actor, kase.id, { public: true });
    await addOffice(s.t, s.actor, campaign.id);
    await countCall(s.t.deps, {
      orgId: s.actor.orgId,
      campaignId: campaign.id,
      address: "192.0.2.1",
    });
    await deletePerson(s.t.deps, s.actor, person.id);
    expect(await getCallCampaign(s.t.database.db, s.actor.orgId, campaign.id)).toBeNull();
    const left = await s.t.database.db.execute<{ n: number }>(sql`
      SELECT (SELECT count(*) FROM advocacy_targets WHERE call_campaign_id = ${campaign.id})
           + (SELECT count(*) FROM advocacy_call_counts WHERE call_campaign_id = ${campaign.id}) AS n`);
    expect(Number(left.rows[0]?.n)).toBe(0);
  });
});

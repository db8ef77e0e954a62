import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createTestApp, type TestApp } from "../../../test/support/app";
import { addMember } from "../../../test/support/members";
import { STORES } from "../../../test/support/stores";
import type { Actor } from "../../platform/actor";
import { createPerson } from "../people/create-person";
import { deletePerson } from "../people/delete-person";
import { PersonFieldsSchema } from "../people/person";
import { addFamilyContact } from "./add-family-contact";
import { type CaseFields, CaseFieldsSchema } from "./case";
import { listCases, staleCases, upcomingHearings } from "./case-dashboard";
import { CaseEventInputSchema } from "./case-event";
import { getCaseSummary } from "./case-lookup";
import { getCase } from "./case-record";
import { listCaseEvents } from "./case-timeline";
import { createCase } from "./create-case";
import { createFacility } from "./create-facility";
import { deleteCaseEvent } from "./delete-case-event";
import { FacilityFieldsSchema } from "./facility";
import { searchFacilities } from "./facility-record";
import { readCaseSensitive } from "./read-case-sensitive";
import { recordCaseEvent } from "./record-case-event";
import { setCaseTeam } from "./set-case-team";
import { updateCase } from "./update-case";
import { updateFacility } from "./update-facility";

const DAY = 86_400_000;

describe.each(STORES)("defense operations on %s", (store) => {
  let t: TestApp;
  let owner: Actor;
  let organizer: Actor;
  let member: Actor;
  let other: Actor;
  let personId: string;

  beforeAll(async () => {
    t = await createTestApp(store);
    owner = (await createOrg(t)).actor;
    organizer = (await addMember(t, owner, "organizer", "Organizadora")).actor;
    member = (await addMember(t, owner, "member", "Miembro")).actor;
    other = (await createOrg(t, "Otra Organización")).actor;
    personId = (await person("Doña Inventada")).id;
  });
  afterAll(() => t.close());

  const person = (displayName: string, actor = owner) =>
    createPerson(t.deps, actor, PersonFieldsSchema.parse({ displayName }));
  const fields = (input: Record<string, unknown>): CaseFields =>
    CaseFieldsSchema.parse({ personId, ...input });
  const facility = (name: string, actor = owner) =>
    createFacility(t.deps, actor, FacilityFieldsSchema.parse({ name, phones: ["555-010-2000"] }));
  const event = (input: Record<string, unknown>) =>
    CaseEventInputSchema.parse({ occurredAt: new Date(), ...input });
  const auditCount = async (id: string, action: string) =>
    (
      await t.database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM audit_events WHERE subject_id = ${id} AND action = ${action}`,
      )
    ).rows[0]?.n ?? 0;

  it("opens a case for a person; the opener joins the team", async () => {
    const c = await createCase(t.deps, organizer, fields({ lawyerName: "Lic. Inventada" }));
    expect(c.status).toBe("open");
    expect(c.personDisplayName).toBe("Doña Inventada");
    expect(c.team.map((m) => m.name)).toEqual(["Organizadora"]);
    expect(await getCaseSummary(t.database.db, owner.orgId, c.id)).toEqual({
      id: c.id,
      personId,
      personDisplayName: "Doña Inventada",
      status: "open",
      public: false,
      publicStory: { es: null, en: null },
    });
    expect(await getCaseSummary(t.database.db, other.orgId, c.id)).toBeNull();
    expect(await getCaseSummary(t.database.db, owner.orgId, "not-a-uuid")).toBeNull();
  });

  it("encrypts the A-number, birth date and notes; no plaintext in the row", async () => {
    const c = await createCase(
      t.deps,
      owner,
      fields({
        aNumber: "A-012-345-678",
        birthdate: "1980-02-03",
        notes: "Nota secreta inventada",
      }),
    );
    const raw = await t.database.db.execute<Record<string, unknown>>(
      sql`SELECT * FROM cases WHERE id = ${c.id}`,
    );
    const text = JSON.stringify(raw.rows[0]);
    // Fragments long enough that a random id or ciphertext can't hold them by chance
    // ("345" sat in a random UUID once).
    for (const plain of ["012345678", "12345678", "012-345", "1980-02-03", "secreta"]) {
      expect(text).not.toContain(plain);
    }
    expect(text).toContain("v1.");
    expect([c.hasANumber, c.hasBirthdate, c.hasNotes]).toEqual([true, true, true]);
    // A ciphertext moved to another case doesn't decrypt there.
    const second = await createCase(t.deps, owner, fields({}));
    await t.database.db.execute(
      sql`UPDATE cases SET a_number_enc = (SELECT a_number_enc FROM cases WHERE id = ${c.id}) WHERE id = ${second.id}`,
    );
    await expect(readCaseSensitive(t.deps, owner, second.id)).rejects.toThrow();
  });

  it("shows sensitive fields only to owners and the case team, and audits each view", async () => {
    const c = await createCase(t.deps, owner, fields({ aNumber: "12345678" }));
    const before = await auditCount(c.id, "case.sensitive_read");
    expect((await readCaseSensitive(t.deps, owner, c.id)).aNumber).toBe("012345678");
    expect(await auditCount(c.id, "case.sensitive_read")).toBe(before + 1);
    // Organizers and members off the team: 403, nothing decrypted, nothing logged as read.
    for (const actor of [organizer, member]) {
      await expect(readCaseSensitive(t.deps, actor, c.id)).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(updateCase(t.deps, actor, c.id, { aNumber: null })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(setCaseTeam(t.deps, actor, c.id, [actor.userId ?? ""])).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect(await auditCount(c.id, "case.sensitive_read")).toBe(before + 1);
    await setCaseTeam(t.deps, owner, c.id, [member.userId ?? ""]);
    expect((await readCaseSensitive(t.deps, member, c.id)).aNumber).toBe("012345678");
    await expect(readCaseSensitive(t.deps, other, c.id)).rejects.toMatchObject({
      code: "not_found",
    });
    // Someone from another organization can't be put on the team.
    await expect(setCaseTeam(t.deps, owner, c.id, [other.userId ?? ""])).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("updates only the fields given and audits their names, never values", async () => {
    const c = await createCase(t.deps, owner, fields({ aNumber: "123456789", needs: "Renta" }));
    const after = await updateCase(t.deps, owner, c.id, { needs: "Despensa", status: "released" });
    expect([after.needs, after.status, after.hasANumber]).toEqual(["Despensa", "released", true]);
    const detail = (
      await t.database.db.execute<{ detail: unknown }>(
        sql`SELECT detail FROM audit_events WHERE subject_id = ${c.id} ORDER BY created_at`,
      )
    ).rows;
    expect(JSON.stringify(detail)).not.toContain("Despensa");
    expect(JSON.stringify(detail)).not.toContain("123456789");
    const cleared = await updateCase(t.deps, owner, c.id, { aNumber: null });
    expect(cleared.hasANumber).toBe(false);
  });

  it("records timeline events that update status, facility and bond", async () => {
    const a = await facility("Centro Inventado Norte");
    const b = await facility("Centro Inventado Sur");
    const c = await createCase(t.deps, owner, fields({}));
    await recordCaseEvent(
      t.deps,
      owner,
      c.id,
      event({ kind: "detained", facilityId: a.id, occurredAt: new Date(Date.now() - 5 * DAY) }),
    );
    let now = await getCase(t.database.db, owner.orgId, c.id);
    expect([now?.status, now?.facility?.name]).toEqual(["detained", "Centro Inventado Norte"]);
    expect(now?.detainedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await recordCaseEvent(t.deps, owner, c.id, event({ kind: "transferred", facilityId: b.id }));
    await recordCaseEvent(
      t.deps,
      owner,
      c.id,
      event({ kind: "bond_set", amountCents: 1_500_000, currency: "USD" }),
    );
    const hearingAt = new Date(Date.now() + 3 * DAY);
    await recordCaseEvent(
      t.deps,
      owner,
      c.id,
      event({
        kind: "hearing_scheduled",
        occurredAt: hearingAt,
        hearingKind: "bond",
        court: "Sala 3",
      }),
    );
    now = await getCase(t.database.db, owner.orgId, c.id);
    expect(now?.facility?.name).toBe("Centro Inventado Sur");
    expect(now?.bondCents).toBe(1_500_000);
    expect(now?.nextHearing?.at.toISOString()).toBe(hearingAt.toISOString());
    await recordCaseEvent(t.deps, owner, c.id, event({ kind: "released" }));
    now = await getCase(t.database.db, owner.orgId, c.id);
    expect(now?.status).toBe("released");

    const timeline = await listCaseEvents(t.database.db, owner.orgId, c.id);
    expect(timeline.map((e) => e.kind)).toEqual([
      "hearing_scheduled",
      "released",
      "bond_set",
      "transferred",
      "detained",
    ]);
    const transfer = timeline.find((e) => e.kind === "transferred");
    expect([transfer?.fromFacility?.name, transfer?.facility?.name]).toEqual([
      "Centro Inventado Norte",
      "Centro Inventado Sur",
    ]);
    expect(timeline[0]?.recordedBy?.name).toBe("Dueña de Prueba");

    const hearings = await upcomingHearings(t.database.db, owner.orgId);
    expect(hearings.some((h) => h.caseId === c.id && h.court === "Sala 3")).toBe(true);
    expect(await upcomingHearings(t.database.db, other.orgId)).toEqual([]);

    const scheduled = timeline[0];
    if (!scheduled) throw new Error("no event");
    await expect(deleteCaseEvent(t.deps, other, c.id, scheduled.id)).rejects.toMatchObject({
      code: "not_found",
    });
    await deleteCaseEvent(t.deps, owner, c.id, scheduled.id);
    expect((await getCase(t.database.db, owner.orgId, c.id))?.nextHearing).toBeNull();
  });

  it("undoes the status an event set when that event is removed", async () => {
    const c = await createCase(t.deps, owner, fields({}));
    const day = (d: number) => new Date(Date.UTC(2026, 2, d, 18));
    const detained = await recordCaseEvent(
      t.deps,
      owner,
      c.id,
      event({ kind: "detained", occurredAt: day(1) }),
    );
    const released = await recordCaseEvent(
      t.deps,
      owner,
      c.id,
      event({ kind: "released", occurredAt: day(9) }),
    );
    const status = async () => (await getCase(t.database.db, owner.orgId, c.id))?.status;
    expect(await status()).toBe("released");
    // "Released" was a mistake: the case is detained again, as the detention says.
    await deleteCaseEvent(t.deps, owner, c.id, released);
    expect(await status()).toBe("detained");
    // And with no status event left, it is open again.
    await deleteCaseEvent(t.deps, owner, c.id, detained);
    expect(await status()).toBe("open");
    // A status set by hand after the event is not undone.
    const again = await recordCaseEvent(
      t.deps,
      owner,
      c.id,
      event({ kind: "detained", occurredAt: day(12) }),
    );
    await updateCase(t.deps, owner, c.id, { status: "closed" });
    await deleteCaseEvent(t.deps, owner, c.id, again);
    expect(await status()).toBe("closed");
  });

  it("keeps every operation inside its organization", async () => {
    const c = await createCase(t.deps, owner, fields({}));
    const theirs = await facility("Centro Ajeno", other);
    const theirPerson = await person("Persona Ajena", other);
    const notFound = { code: "not_found" };
    await expect(getCase(t.database.db, other.orgId, c.id)).resolves.toBeNull();
    await expect(updateCase(t.deps, other, c.id, { needs: "x" })).rejects.toMatchObject(notFound);
    await expect(
      recordCaseEvent(t.deps, other, c.id, event({ kind: "note", note: "x" })),
    ).rejects.toMatchObject(notFound);
    await expect(
      recordCaseEvent(t.deps, owner, c.id, event({ kind: "detained", facilityId: theirs.id })),
    ).rejects.toMatchObject(notFound);
    await expect(
      createCase(t.deps, owner, fields({ personId: theirPerson.id })),
    ).rejects.toMatchObject(notFound);
    await expect(updateCase(t.deps, owner, c.id, { facilityId: theirs.id })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      addFamilyContact(t.deps, owner, c.id, { personId: theirPerson.id, relationship: "Hija" }),
    ).rejects.toMatchObject(notFound);
    await expect(
      updateFacility(t.deps, owner, theirs.id, FacilityFieldsSchema.parse({ name: "x" })),
    ).rejects.toMatchObject(notFound);
    expect((await listCases(t.database.db, other.orgId, { q: "", filter: "all" })).length).toBe(0);
  });

  it("links family contacts and searches cases by the person's name", async () => {
    const c = await createCase(t.deps, owner, fields({ lawyerName: "Licenciada Quiñones" }));
    const daughter = await person("Hija Inventada");
    await addFamilyContact(t.deps, owner, c.id, { personId: daughter.id, relationship: "Hija" });
    await addFamilyContact(t.deps, owner, c.id, {
      personId: daughter.id,
      relationship: "Hija mayor",
    });
    const now = await getCase(t.database.db, owner.orgId, c.id);
    expect(now?.family).toEqual([
      { personId: daughter.id, displayName: "Hija Inventada", relationship: "Hija mayor" },
    ]);
    const byPerson = await listCases(t.database.db, owner.orgId, {
      q: "dona inventada",
      filter: "all",
    });
    expect(byPerson.map((x) => x.id)).toContain(c.id);
    const byLawyer = await listCases(t.database.db, owner.orgId, { q: "quinones", filter: "all" });
    expect(byLawyer.map((x) => x.id)).toEqual([c.id]);
    expect(await listCases(t.database.db, owner.orgId, { q: "nadie asi", filter: "all" })).toEqual(
      [],
    );
  });

  it("lists cases with no update in 30 days", async () => {
    const c = await createCase(t.deps, owner, fields({}));
    await t.database.db.execute(
      sql`UPDATE cases SET last_activity_at = now() - interval '31 days' WHERE id = ${c.id}`,
    );
    expect((await staleCases(t.database.db, owner.orgId)).map((x) => x.id)).toContain(c.id);
    await recordCaseEvent(t.deps, owner, c.id, event({ kind: "note", note: "Visita" }));
    expect((await staleCases(t.database.db, owner.orgId)).map((x) => x.id)).not.toContain(c.id);
  });

  it("manages the facilities directory with search", async () => {
    const f = await facility("Centro de Procesamiento Inventado");
    const edited = await updateFacility(
      t.deps,
      member,
      f.id,
      FacilityFieldsSchema.parse({ name: "Centro Inventado Río", visitingHours: "Sáb 9–15" }),
    );
    expect(edited.visitingHours).toBe("Sáb 9–15");
    expect((await searchFacilities(t.database.db, owner.orgId, "rio")).map((x) => x.id)).toEqual([
      f.id,
    ]);
    expect(await searchFacilities(t.database.db, other.orgId, "rio")).toEqual([]);
  });

  it("deleting a person deletes their cases with them", async () => {
    const p = await person("Para Borrar");
    const c = await createCase(t.deps, owner, fields({ personId: p.id, aNumber: "987654321" }));
    await deletePerson(t.deps, owner, p.id);
    expect(await getCase(t.database.db, owner.orgId, c.id)).toBeNull();
  });
});

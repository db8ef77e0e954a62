import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createOrg } from "../../../test/support/app";
import { addMember } from "../../../test/support/members";
import { auditCount, rawRowText } from "../../../test/support/rows";
import { STORES } from "../../../test/support/stores";
import { appSuite } from "../../../test/support/suites";
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
  const s = appSuite(store, async (t) => {
    const owner = (await createOrg(t)).actor;
    const organizer = (await addMember(t, owner, "organizer", "Organizadora")).actor;
    const member = (await addMember(t, owner, "member", "Miembro")).actor;
    const other = (await createOrg(t, "Otra Organización")).actor;
    const inventada = PersonFieldsSchema.parse({ displayName: "Doña Inventada" });
    const personId = (await createPerson(t.deps, owner, inventada)).id;
    return { owner, organizer, member, other, personId };
  });

  const person = (displayName: string, actor = s.owner) =>
    createPerson(s.t.deps, actor, PersonFieldsSchema.parse({ displayName }));
  const fields = (input: Record<string, unknown>): CaseFields =>
    CaseFieldsSchema.parse({ personId: s.personId, ...input });
  const facility = (name: string, actor = s.owner) =>
    createFacility(s.t.deps, actor, FacilityFieldsSchema.parse({ name, phones: ["555-010-2000"] }));
  const event = (input: Record<string, unknown>) =>
    CaseEventInputSchema.parse({ occurredAt: new Date(), ...input });
  /** The owner records an event on the case's timeline: its id. */
  const record = (caseId: string, input: Record<string, unknown>) =>
    recordCaseEvent(s.t.deps, s.owner, caseId, event(input));

  it("opens a case for a person; the opener joins the team", async () => {
    const c = await createCase(s.t.deps, s.organizer, fields({ lawyerName: "Lic. Inventada" }));
    expect(c.status).toBe("open");
    expect(c.personDisplayName).toBe("Doña Inventada");
    expect(c.team.map((m) => m.name)).toEqual(["Organizadora"]);
    expect(await getCaseSummary(s.t.database.db, s.owner.orgId, c.id)).toEqual({
      id: c.id,
      personId: s.personId,
      personDisplayName: "Doña Inventada",
      status: "open",
      public: false,
      publicStory: { es: null, en: null },
    });
    expect(await getCaseSummary(s.t.database.db, s.other.orgId, c.id)).toBeNull();
    expect(await getCaseSummary(s.t.database.db, s.owner.orgId, "not-a-uuid")).toBeNull();
  });

  it("encrypts the A-number, birth date and notes; no plaintext in the row", async () => {
    const c = await createCase(
      s.t.deps,
      s.owner,
      fields({
        aNumber: "A-012-345-678",
        birthdate: "1980-02-03",
        notes: "Nota secreta inventada",
      }),
    );
    const text = await rawRowText(s.t, "cases", c.id);
    // Fragments long enough that a random id or ciphertext can't hold them by chance
    // ("345" sat in a random UUID once).
    for (const plain of ["012345678", "12345678", "012-345", "1980-02-03", "secreta"]) {
      expect(text).not.toContain(plain);
    }
    expect(text).toContain("v1.");
    expect([c.hasANumber, c.hasBirthdate, c.hasNotes]).toEqual([true, true, true]);
    // A ciphertext moved to another case doesn't decrypt there.
    const second = await createCase(s.t.deps, s.owner, fields({}));
    await s.t.database.db.execute(
      sql`UPDATE cases SET a_number_enc = (SELECT a_number_enc FROM cases WHERE id = ${c.id}) WHERE id = ${second.id}`,
    );
    await expect(readCaseSensitive(s.t.deps, s.owner, second.id)).rejects.toThrow();
  });

  it("shows sensitive fields only to owners and the case team, and audits each view", async () => {
    const c = await createCase(s.t.deps, s.owner, fields({ aNumber: "12345678" }));
    const before = await auditCount(s.t, c.id, "case.sensitive_read");
    expect((await readCaseSensitive(s.t.deps, s.owner, c.id)).aNumber).toBe("012345678");
    expect(await auditCount(s.t, c.id, "case.sensitive_read")).toBe(before + 1);
    // Organizers and members off the team: 403, nothing decrypted, nothing logged as read.
    for (const actor of [s.organizer, s.member]) {
      await expect(readCaseSensitive(s.t.deps, actor, c.id)).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(updateCase(s.t.deps, actor, c.id, { aNumber: null })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(setCaseTeam(s.t.deps, actor, c.id, [actor.userId ?? ""])).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect(await auditCount(s.t, c.id, "case.sensitive_read")).toBe(before + 1);
    await setCaseTeam(s.t.deps, s.owner, c.id, [s.member.userId ?? ""]);
    expect((await readCaseSensitive(s.t.deps, s.member, c.id)).aNumber).toBe("012345678");
    await expect(readCaseSensitive(s.t.deps, s.other, c.id)).rejects.toMatchObject({
      code: "not_found",
    });
    // Someone from another organization can't be put on the team.
    await expect(
      setCaseTeam(s.t.deps, s.owner, c.id, [s.other.userId ?? ""]),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("updates only the fields given and audits their names, never values", async () => {
    const c = await createCase(s.t.deps, s.owner, fields({ aNumber: "123456789", needs: "Renta" }));
    const after = await updateCase(s.t.deps, s.owner, c.id, {
      needs: "Despensa",
      status: "released",
    });
    expect([after.needs, after.status, after.hasANumber]).toEqual(["Despensa", "released", true]);
    const detail = (
      await s.t.database.db.execute<{ detail: unknown }>(
        sql`SELECT detail FROM audit_events WHERE subject_id = ${c.id} ORDER BY created_at`,
      )
    ).rows;
    expect(JSON.stringify(detail)).not.toContain("Despensa");
    expect(JSON.stringify(detail)).not.toContain("123456789");
    const cleared = await updateCase(s.t.deps, s.owner, c.id, { aNumber: null });
    expect(cleared.hasANumber).toBe(false);
  });

  it("records timeline events that update status, facility and bond", async () => {
    const a = await facility("Centro Inventado Norte");
    const b = await facility("Centro Inventado Sur");
    const c = await createCase(s.t.deps, s.owner, fields({}));
    await record(c.id, {
      kind: "detained",
      facilityId: a.id,
      occurredAt: new Date(Date.now() - 5 * DAY),
    });
    let now = await getCase(s.t.database.db, s.owner.orgId, c.id);
    expect([now?.status, now?.facility?.name]).toEqual(["detained", "Centro Inventado Norte"]);
    expect(now?.detainedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await record(c.id, { kind: "transferred", facilityId: b.id });
    await record(c.id, { kind: "bond_set", amountCents: 1_500_000, currency: "USD" });
    const hearingAt = new Date(Date.now() + 3 * DAY);
    await record(c.id, {
      kind: "hearing_scheduled",
      occurredAt: hearingAt,
      hearingKind: "bond",
      court: "Sala 3",
    });
    now = await getCase(s.t.database.db, s.owner.orgId, c.id);
    expect(now?.facility?.name).toBe("Centro Inventado Sur");
    expect(now?.bondCents).toBe(1_500_000);
    expect(now?.nextHearing?.at.toISOString()).toBe(hearingAt.toISOString());
    await record(c.id, { kind: "released" });
    now = await getCase(s.t.database.db, s.owner.orgId, c.id);
    expect(now?.status).toBe("released");

    const timeline = await listCaseEvents(s.t.database.db, s.owner.orgId, c.id);
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

    const hearings = await upcomingHearings(s.t.database.db, s.owner.orgId);
    expect(hearings.some((h) => h.caseId === c.id && h.court === "Sala 3")).toBe(true);
    expect(await upcomingHearings(s.t.database.db, s.other.orgId)).toEqual([]);

    const scheduled = timeline[0];
    if (!scheduled) throw new Error("no event");
    await expect(deleteCaseEvent(s.t.deps, s.other, c.id, scheduled.id)).rejects.toMatchObject({
      code: "not_found",
    });
    await deleteCaseEvent(s.t.deps, s.owner, c.id, scheduled.id);
    expect((await getCase(s.t.database.db, s.owner.orgId, c.id))?.nextHearing).toBeNull();
  });

  it("undoes the status an event set when that event is removed", async () => {
    const c = await createCase(s.t.deps, s.owner, fields({}));
    const day = (d: number) => new Date(Date.UTC(2026, 2, d, 18));
    const detained = await record(c.id, { kind: "detained", occurredAt: day(1) });
    const released = await record(c.id, { kind: "released", occurredAt: day(9) });
    const status = async () => (await getCase(s.t.database.db, s.owner.orgId, c.id))?.status;
    expect(await status()).toBe("released");
    // "Released" was a mistake: the case is detained again, as the detention says.
    await deleteCaseEvent(s.t.deps, s.owner, c.id, released);
    expect(await status()).toBe("detained");
    // And with no status event left, it is open again.
    await deleteCaseEvent(s.t.deps, s.owner, c.id, detained);
    expect(await status()).toBe("open");
    // A status set by hand after the event is not undone.
    const again = await record(c.id, { kind: "detained", occurredAt: day(12) });
    await updateCase(s.t.deps, s.owner, c.id, { status: "closed" });
    await deleteCaseEvent(s.t.deps, s.owner, c.id, again);
    expect(await status()).toBe("closed");
  });

  it("keeps every operation inside its organization", async () => {
    const c = await createCase(s.t.deps, s.owner, fields({}));
    const theirs = await facility("Centro Ajeno", s.other);
    const theirPerson = await person("Persona Ajena", s.other);
    const notFound = { code: "not_found" };
    await expect(getCase(s.t.database.db, s.other.orgId, c.id)).resolves.toBeNull();
    await expect(updateCase(s.t.deps, s.other, c.id, { needs: "x" })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      recordCaseEvent(s.t.deps, s.other, c.id, event({ kind: "note", note: "x" })),
    ).rejects.toMatchObject(notFound);
    await expect(record(c.id, { kind: "detained", facilityId: theirs.id })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      createCase(s.t.deps, s.owner, fields({ personId: theirPerson.id })),
    ).rejects.toMatchObject(notFound);
    await expect(
      updateCase(s.t.deps, s.owner, c.id, { facilityId: theirs.id }),
    ).rejects.toMatchObject(notFound);
    await expect(
      addFamilyContact(s.t.deps, s.owner, c.id, { personId: theirPerson.id, relationship: "Hija" }),
    ).rejects.toMatchObject(notFound);
    await expect(
      updateFacility(s.t.deps, s.owner, theirs.id, FacilityFieldsSchema.parse({ name: "x" })),
    ).rejects.toMatchObject(notFound);
    expect((await listCases(s.t.database.db, s.other.orgId, { q: "", filter: "all" })).length).toBe(
      0,
    );
  });

  it("links family contacts and searches cases by the person's name", async () => {
    const c = await createCase(s.t.deps, s.owner, fields({ lawyerName: "Licenciada Quiñones" }));
    const daughter = await person("Hija Inventada");
    await addFamilyContact(s.t.deps, s.owner, c.id, {
      personId: daughter.id,
      relationship: "Hija",
    });
    await addFamilyContact(s.t.deps, s.owner, c.id, {
      personId: daughter.id,
      relationship: "Hija mayor",
    });
    const now = await getCase(s.t.database.db, s.owner.orgId, c.id);
    expect(now?.family).toEqual([
      { personId: daughter.id, displayName: "Hija Inventada", relationship: "Hija mayor" },
    ]);
    const byPerson = await listCases(s.t.database.db, s.owner.orgId, {
      q: "dona inventada",
      filter: "all",
    });
    expect(byPerson.map((x) => x.id)).toContain(c.id);
    const byLawyer = await listCases(s.t.database.db, s.owner.orgId, {
      q: "quinones",
      filter: "all",
    });
    expect(byLawyer.map((x) => x.id)).toEqual([c.id]);
    expect(
      await listCases(s.t.database.db, s.owner.orgId, { q: "nadie asi", filter: "all" }),
    ).toEqual([]);
  });

  it("lists cases with no update in 30 days", async () => {
    const c = await createCase(s.t.deps, s.owner, fields({}));
    await s.t.database.db.execute(
      sql`UPDATE cases SET last_activity_at = now() - interval '31 days' WHERE id = ${c.id}`,
    );
    expect((await staleCases(s.t.database.db, s.owner.orgId)).map((x) => x.id)).toContain(c.id);
    await record(c.id, { kind: "note", note: "Visita" });
    expect((await staleCases(s.t.database.db, s.owner.orgId)).map((x) => x.id)).not.toContain(c.id);
  });

  it("manages the facilities directory with search", async () => {
    const f = await facility("Centro de Procesamiento Inventado");
    const edited = await updateFacility(
      s.t.deps,
      s.member,
      f.id,
      FacilityFieldsSchema.parse({ name: "Centro Inventado Río", visitingHours: "Sáb 9–15" }),
    );
    expect(edited.visitingHours).toBe("Sáb 9–15");
    expect(
      (await searchFacilities(s.t.database.db, s.owner.orgId, "rio")).map((x) => x.id),
    ).toEqual([f.id]);
    expect(await searchFacilities(s.t.database.db, s.other.orgId, "rio")).toEqual([]);
  });

  it("deleting a person deletes their cases with them", async () => {
    const p = await person("Para Borrar");
    const c = await createCase(s.t.deps, s.owner, fields({ personId: p.id, aNumber: "987654321" }));
    await deletePerson(s.t.deps, s.owner, p.id);
    expect(await getCase(s.t.database.db, s.owner.orgId, c.id)).toBeNull();
  });
});

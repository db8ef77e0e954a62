import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { eventInput, makeEvent, makePerson } from "../../../test/support/actions";
import { STORES } from "../../../test/support/stores";
import { twoOrgs } from "../../../test/support/suites";
import { AppError } from "../../platform/errors";
import { createEvent } from "./create-event";
import { getEventAccess, getHostedEvent } from "./event-record";
import { listEvents } from "./list-events";
import { setEventStatus } from "./set-event-status";
import { updateEvent } from "./update-event";

async function fieldsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return { status: (error as AppError).status, fields: (error as AppError).fields };
}

describe.each(STORES)("action events on %s", (store) => {
  const s = twoOrgs(store);

  it("creates an action and reads it back in its time zone", async () => {
    const input = eventInput({ titleEn: "", descriptionEs: "  Traigan velas  " });
    const event = await createEvent(s.t.deps, s.actor, input);
    expect(event).toMatchObject({
      slug: input.slug,
      kind: "vigil",
      status: "draft",
      title: { es: "Vigilia por las familias", en: "" },
      description: { es: "Traigan velas", en: "" },
      timeZone: "America/Los_Angeles",
      startsAt: input.startsAt,
    });
    const audit = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE subject_id = ${event.id}`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["action.created"]);
  });

  it("refuses an end before the start, an unknown zone, a taken slug and a huge title", async () => {
    const base = eventInput();
    expect(
      await fieldsOf(
        createEvent(s.t.deps, s.actor, {
          ...base,
          endsAt: new Date(base.startsAt.getTime() - 60_000),
        }),
      ),
    ).toEqual({ status: 422, fields: { endsAt: "end_before_start" } });
    expect(
      (await fieldsOf(createEvent(s.t.deps, s.actor, { ...base, timeZone: "Mars/Olympus" })))
        .fields,
    ).toEqual({
      timeZone: "invalid_time_zone",
    });
    expect(
      (await fieldsOf(createEvent(s.t.deps, s.actor, { ...base, titleEs: "x".repeat(5000) })))
        .fields,
    ).toEqual({
      titleEs: "too_long",
    });
    expect(
      (await fieldsOf(createEvent(s.t.deps, s.actor, { ...base, titleEs: " ", titleEn: "" })))
        .fields,
    ).toEqual({
      titleEs: "required",
    });
    await createEvent(s.t.deps, s.actor, base);
    expect((await fieldsOf(createEvent(s.t.deps, s.actor, base))).fields).toEqual({
      slug: "slug_taken",
    });
    // Another organization may use the same slug.
    await expect(createEvent(s.t.deps, s.other, base)).resolves.toMatchObject({ slug: base.slug });
  });

  it("keeps other organizations' actions and cases out", async () => {
    const mine = await makeEvent(s.t.deps, s.actor);
    expect(await getEventAccess(s.t.database.db, s.other.orgId, mine.id)).toBeNull();
    expect(await getHostedEvent(s.t.database.db, s.other.orgId, mine.id)).toBeNull();
    expect(await getEventAccess(s.t.database.db, s.other.orgId, "not-a-uuid")).toBeNull();
    await expect(updateEvent(s.t.deps, s.other, mine.id, eventInput())).rejects.toMatchObject({
      status: 404,
    });
    await expect(setEventStatus(s.t.deps, s.other, mine.id, "done")).rejects.toMatchObject({
      status: 404,
    });
    const otherList = await listEvents(s.t.database.db, s.other.orgId, { q: mine.slug });
    expect(otherList.items).toEqual([]);
    const p = await makePerson(s.t.deps, s.other, "Persona Ajena");
    const theirCase = await s.t.database.db.execute<{ id: string }>(
      sql`INSERT INTO cases (org_id, person_id) VALUES (${s.other.orgId}, ${p.id}) RETURNING id`,
    );
    const caseId = theirCase.rows[0]?.id as string;
    expect((await fieldsOf(makeEvent(s.t.deps, s.actor, { caseId }))).fields).toEqual({
      caseId: "case_not_found",
    });
  });

  it("moves status and lists with search and a readiness number", async () => {
    const event = await makeEvent(s.t.deps, s.actor, {
      titleEs: "Marcha de Año Nuevo",
      kind: "march",
    });
    expect((await setEventStatus(s.t.deps, s.actor, event.id, "planned")).status).toBe("planned");
    expect((await setEventStatus(s.t.deps, s.actor, event.id, "done")).status).toBe("done");
    await expect(setEventStatus(s.t.deps, s.actor, event.id, "cancelled")).rejects.toMatchObject({
      status: 409,
    });
    await expect(setEventStatus(s.t.deps, s.actor, event.id, "finished")).rejects.toMatchObject({
      status: 422,
    });
    const found = await listEvents(s.t.database.db, s.actor.orgId, { q: "ano nuevo" });
    expect(found.items.map((e) => e.id)).toEqual([event.id]);
    // A bare plan misses a lead, a first step and two marshals.
    expect(found.items[0]?.missing).toBe(3);
  });

  it("court support follows its hearing when the hearing moves", async () => {
    const p = await makePerson(s.t.deps, s.actor, "Persona Detenida Inventada");
    const c = await s.t.database.db.execute<{ id: string }>(
      sql`INSERT INTO cases (org_id, person_id) VALUES (${s.actor.orgId}, ${p.id}) RETURNING id`,
    );
    const caseId = c.rows[0]?.id as string;
    const first = new Date("2027-01-12T17:00:00Z");
    const h = await s.t.database.db.execute<{ id: string }>(
      sql`INSERT INTO case_events (org_id, case_id, kind, occurred_at, court)
          VALUES (${s.actor.orgId}, ${caseId}, 'hearing_scheduled', ${first}, 'Corte de Inmigración, sala 4')
          RETURNING id`,
    );
    const hearingId = h.rows[0]?.id as string;
    const event = await makeEvent(s.t.deps, s.actor, { kind: "rally", hearingId });
    expect(event).toMatchObject({
      kind: "court_support",
      caseId,
      startsAt: first,
      placeName: "Corte de Inmigración, sala 4",
    });
    expect(event.endsAt.getTime() - event.startsAt.getTime()).toBe(2 * 3_600_000);
    const moved = new Date("2027-02-02T18:30:00Z");
    await s.t.database.db.execute(
      sql`UPDATE case_events SET occurred_at = ${moved} WHERE id = ${hearingId}`,
    );
    const after = await getHostedEvent(s.t.database.db, s.actor.orgId, event.id);
    expect(after?.startsAt).toEqual(moved);
    expect(after?.endsAt).toEqual(new Date(moved.getTime() + 2 * 3_600_000));
  });
});

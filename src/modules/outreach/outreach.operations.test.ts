import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeEvent, makePerson } from "../../../test/support/actions";
import { STORES } from "../../../test/support/stores";
import { twoOrgs } from "../../../test/support/suites";
import { AppError } from "../../platform/errors";
import { addSignUp, SignUpSchema } from "./add-sign-up";
import { createShift } from "./create-shift";
import { deleteShift } from "./delete-shift";
import { ShiftFieldsSchema, totalsByEvent, totalsByMonth } from "./shift";
import { getShift, listShifts, shiftsForTotals } from "./shift-record";
import { updateShift } from "./update-shift";

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return null;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fields: error.fields };
    throw error;
  }
};

describe.each(STORES)("outreach shifts on %s", (store) => {
  const s = twoOrgs(store);
  const tz = "America/Los_Angeles";

  const fields = (over: Record<string, unknown> = {}) =>
    ShiftFieldsSchema.parse({
      kind: "flyering",
      area: "Mercado de la calle 5",
      date: "2026-11-28",
      startTime: "10:00",
      endTime: "12:00",
      timeZone: tz,
      flyers: 150,
      conversations: 20,
      receptive: 9,
      neutral: 6,
      notInterested: 5,
      ...over,
    });

  it("logs a shift with its team, in the shift's time zone, linked to an action", async () => {
    const event = await makeEvent(s.t.deps, s.actor, { kind: "canvass" });
    const ana = await makePerson(s.t.deps, s.actor, "Ana Volantes", "active");
    const { id } = await createShift(
      s.t.deps,
      s.actor,
      fields({ eventId: event.id, team: [ana.id] }),
    );
    const shift = await getShift(s.t.database.db, s.actor.orgId, id);
    expect(shift).toMatchObject({
      eventId: event.id,
      team: [ana.id],
      flyers: 150,
      notInterested: 5,
    });
    // 10:00 in Los Angeles on 28 November (PST, UTC-8) is 18:00 UTC.
    expect(shift?.startsAt.toISOString()).toBe("2026-11-28T18:00:00.000Z");
    expect(await getShift(s.t.database.db, s.other.orgId, id)).toBeNull();
    const audit = await s.t.database.db.execute<{ detail: Record<string, unknown> }>(
      sql`SELECT detail FROM audit_events WHERE subject_id = ${id}`,
    );
    expect(JSON.stringify(audit.rows)).not.toContain("Ana");
  });

  it("refuses another organization's action or people, and counts that don't add up", async () => {
    const theirEvent = await makeEvent(s.t.deps, s.other);
    const theirPerson = await makePerson(s.t.deps, s.other, "Persona Ajena", "active");
    expect(
      await failure(createShift(s.t.deps, s.actor, fields({ eventId: theirEvent.id }))),
    ).toEqual({
      code: "validation_failed",
      fields: { eventId: "not_found_choice" },
    });
    expect(
      await failure(createShift(s.t.deps, s.actor, fields({ team: [theirPerson.id] }))),
    ).toEqual({
      code: "validation_failed",
      fields: { team: "not_found_choice" },
    });
    expect(ShiftFieldsSchema.safeParse({ ...fields(), notInterested: 50 }).success).toBe(false);
    const total = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM outreach_shifts WHERE org_id = ${s.actor.orgId} AND event_id = ${theirEvent.id}`,
    );
    expect(Number(total.rows[0]?.n)).toBe(0);
  });

  it("adds sign-ups by matching people by email or phone, or creating them", async () => {
    const { id } = await createShift(
      s.t.deps,
      s.actor,
      fields({ kind: "canvassing", area: "Colonia Centro" }),
    );
    const known = await makePerson(s.t.deps, s.actor, "Beto Conocido", "supporter", {
      emails: [{ address: "beto@example.org", primary: true }],
    });
    const matched = await addSignUp(
      s.t.deps,
      s.actor,
      id,
      SignUpSchema.parse({ name: "Otro Nombre", email: "BETO@example.org" }),
    );
    expect(matched).toEqual({ personId: known.id, personCreated: false });
    const created = await addSignUp(
      s.t.deps,
      s.actor,
      id,
      SignUpSchema.parse({
        name: "Carla Nueva",
        phone: "+1 555 010 2030",
        language: "es",
        consent: true,
      }),
    );
    expect(created.personCreated).toBe(true);
    expect(
      await failure(
        addSignUp(
          s.t.deps,
          s.actor,
          id,
          SignUpSchema.parse({ name: "Carla", phone: "+1 (555) 010-2030" }),
        ),
      ),
    ).toEqual({
      code: "conflict",
      fields: { name: "already_signed_up" },
    });
    expect((await getShift(s.t.database.db, s.actor.orgId, id))?.signUps).toEqual([
      known.id,
      created.personId,
    ]);
    expect(
      await failure(
        addSignUp(s.t.deps, s.other, id, SignUpSchema.parse({ name: "X", phone: "5550001111" })),
      ),
    ).toEqual({
      code: "not_found",
      fields: undefined,
    });
  });

  it("updates, searches, totals by month and by action, and deletes", async () => {
    const event = await makeEvent(s.t.deps, s.actor, { kind: "canvass" });
    const a = await createShift(
      s.t.deps,
      s.actor,
      fields({ area: "Parque Norte", eventId: event.id }),
    );
    await createShift(
      s.t.deps,
      s.actor,
      fields({ area: "Parque Norte", date: "2026-10-03", eventId: event.id }),
    );
    await updateShift(
      s.t.deps,
      s.actor,
      a.id,
      fields({ area: "Parque Norte, lado este", eventId: event.id, flyers: 10 }),
    );
    const found = await listShifts(s.t.database.db, s.actor.orgId, {
      q: "parque ESTE",
      page: 1,
      perPage: 20,
    });
    expect(found.items.map((s) => s.id)).toEqual([a.id]);
    const rows = await shiftsForTotals(s.t.database.db, s.actor.orgId, tz, {
      eventIds: [event.id],
    });
    expect(totalsByEvent(rows).get(event.id)).toMatchObject({
      shifts: 2,
      flyers: 160,
      conversations: 40,
    });
    expect(totalsByMonth(rows).map((m) => m.month)).toEqual(["2026-11", "2026-10"]);
    expect(await failure(deleteShift(s.t.deps, s.other, a.id))).toEqual({
      code: "not_found",
      fields: undefined,
    });
    await deleteShift(s.t.deps, s.actor, a.id);
    expect(await getShift(s.t.database.db, s.actor.orgId, a.id)).toBeNull();
  });
});

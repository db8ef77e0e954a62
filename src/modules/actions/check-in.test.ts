import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEvent, makePerson } from "../../../test/support/actions";
import { createOrg, createTestApp, type TestApp } from "../../../test/support/app";
import { STORES } from "../../../test/support/stores";
import type { Actor } from "../../platform/actor";
import { addCohost } from "./add-cohost";
import { checkIn } from "./check-in";
import { respondCohostInvitation } from "./respond-cohost-invitation";
import { setAttendance } from "./set-attendance";

// The check-in as one statement (decision 101): every refusal and guarantee of the
// operation it replaced, proved on both stores.
describe.each(STORES)("check-in on %s", (store) => {
  let t: TestApp;
  let host: Actor;
  let cohost: Actor;
  let cohostSlug: string;
  let outsider: Actor;

  beforeAll(async () => {
    t = await createTestApp(store);
    host = (await createOrg(t, "Comité de la Entrada")).actor;
    const c = await createOrg(t, "Vecinas Coanfitrionas");
    cohost = c.actor;
    cohostSlug = c.slug;
    outsider = (await createOrg(t, "Grupo de Otra Ciudad")).actor;
  });
  afterAll(() => t.close());

  const attendances = async (eventId: string) =>
    (
      await t.database.db.execute<{ person_id: string; status: string; source: string }>(
        sql`SELECT person_id, status, source FROM action_attendances WHERE event_id = ${eventId}`,
      )
    ).rows;
  const audits = async (eventId: string) =>
    (
      await t.database.db.execute<{ org_id: string; actor_user_id: string; detail: unknown }>(
        sql`SELECT org_id, actor_user_id, detail FROM audit_events
            WHERE action = 'action.checked_in' AND subject_id = ${eventId}`,
      )
    ).rows;

  it("writes one audit row for the first check-in only, also of someone who never RSVP'd", async () => {
    const event = await makeEvent(t.deps, host);
    const walkIn = await makePerson(t.deps, host, "Toña Sin Aviso");
    const first = await checkIn(t.deps, host, event.id, { personId: walkIn.id.toUpperCase() });
    const again = await checkIn(t.deps, host, event.id, { personId: walkIn.id });
    expect(first).toMatchObject({ eventId: event.id, personId: walkIn.id, first: true });
    expect(again).toMatchObject({ id: first.id, first: false, checkedInAt: first.checkedInAt });
    expect(await attendances(event.id)).toEqual([
      { person_id: walkIn.id, status: "attended", source: "staff" },
    ]);
    expect(await audits(event.id)).toEqual([
      { org_id: host.orgId, actor_user_id: host.userId, detail: { attendanceId: first.id } },
    ]);
    // Someone who said "going" checks in: the same row, now attended.
    const going = await makePerson(t.deps, host, "Beto Confirmado");
    const rsvp = await setAttendance(t.deps, host, event.id, {
      personId: going.id,
      status: "going",
    });
    const arrived = await checkIn(t.deps, host, event.id, { personId: going.id });
    expect(arrived).toMatchObject({ id: rsvp.id, first: true });
    expect(await audits(event.id)).toHaveLength(2);
  });

  it("refuses another organization's person (422) and event (404), writing nothing", async () => {
    const event = await makeEvent(t.deps, host);
    const mine = await makePerson(t.deps, host, "Lola de Aquí");
    const theirs = await makePerson(t.deps, outsider, "Paco de Allá");
    await expect(checkIn(t.deps, host, event.id, { personId: theirs.id })).rejects.toMatchObject({
      status: 422,
      fields: { personId: "person_not_found" },
    });
    await expect(
      checkIn(t.deps, host, event.id, { personId: "no-es-un-id" }),
    ).rejects.toMatchObject({ status: 422, fields: { personId: "person_not_found" } });
    await expect(
      checkIn(t.deps, outsider, event.id, { personId: theirs.id }),
    ).rejects.toMatchObject({ status: 404 });
    for (const id of ["no-es-un-id", "00000000-0000-4000-8000-000000000000"])
      await expect(checkIn(t.deps, host, id, { personId: mine.id })).rejects.toMatchObject({
        status: 404,
      });
    expect(await attendances(event.id)).toEqual([]);
    expect(await audits(event.id)).toEqual([]);
  });

  it("lets an accepted co-host check in its own people, not before it accepts", async () => {
    const event = await makeEvent(t.deps, host);
    const invitation = await addCohost(t.deps, host, event.id, { orgSlug: cohostSlug });
    const neighbor = await makePerson(t.deps, cohost, "Rosa Coanfitriona");
    const hostPerson = await makePerson(t.deps, host, "Lupe Anfitriona");
    await expect(
      checkIn(t.deps, cohost, event.id, { personId: neighbor.id }),
    ).rejects.toMatchObject({ status: 404 });
    await respondCohostInvitation(t.deps, cohost, invitation.id, "accepted");
    const r = await checkIn(t.deps, cohost, event.id, { personId: neighbor.id });
    expect(r.first).toBe(true);
    await expect(
      checkIn(t.deps, cohost, event.id, { personId: hostPerson.id }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await attendances(event.id)).toEqual([
      { person_id: neighbor.id, status: "attended", source: "staff" },
    ]);
    expect(await audits(event.id)).toEqual([
      { org_id: cohost.orgId, actor_user_id: cohost.userId, detail: { attendanceId: r.id } },
    ]);
  });
});

import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeEvent, makePerson } from "../../../test/support/actions";
import { createOrg } from "../../../test/support/app";
import { STORES } from "../../../test/support/stores";
import { appSuite } from "../../../test/support/suites";
import { addCohost } from "./add-cohost";
import { checkIn } from "./check-in";
import { respondCohostInvitation } from "./respond-cohost-invitation";
import { setAttendance } from "./set-attendance";

// The check-in as one statement (decision 101): every refusal and guarantee of the
// operation it replaced, proved on both stores.
describe.each(STORES)("check-in on %s", (store) => {
  const s = appSuite(store, async (t) => {
    const host = (await createOrg(t, "Comité de la Entrada")).actor;
    const c = await createOrg(t, "Vecinas Coanfitrionas");
    const cohost = c.actor;
    const cohostSlug = c.slug;
    const outsider = (await createOrg(t, "Grupo de Otra Ciudad")).actor;
    return { host, cohost, cohostSlug, outsider };
  });

  const attendances = async (eventId: string) =>
    (
      await s.t.database.db.execute<{ person_id: string; status: string; source: string }>(
        sql`SELECT person_id, status, source FROM action_attendances WHERE event_id = ${eventId}`,
      )
    ).rows;
  const audits = async (eventId: string) =>
    (
      await s.t.database.db.execute<{ org_id: string; actor_user_id: string; detail: unknown }>(
        sql`SELECT org_id, actor_user_id, detail FROM audit_events
            WHERE action = 'action.checked_in' AND subject_id = ${eventId}`,
      )
    ).rows;

  it("writes one audit row for the first check-in only, also of someone who never RSVP'd", async () => {
    const event = await makeEvent(s.t.deps, s.host);
    const walkIn = await makePerson(s.t.deps, s.host, "Toña Sin Aviso");
    const first = await checkIn(s.t.deps, s.host, event.id, { personId: walkIn.id.toUpperCase() });
    const again = await checkIn(s.t.deps, s.host, event.id, { personId: walkIn.id });
    expect(first).toMatchObject({ eventId: event.id, personId: walkIn.id, first: true });
    expect(again).toMatchObject({ id: first.id, first: false, checkedInAt: first.checkedInAt });
    expect(await attendances(event.id)).toEqual([
      { person_id: walkIn.id, status: "attended", source: "staff" },
    ]);
    expect(await audits(event.id)).toEqual([
      { org_id: s.host.orgId, actor_user_id: s.host.userId, detail: { attendanceId: first.id } },
    ]);
    // Someone who said "going" checks in: the same row, now attended.
    const going = await makePerson(s.t.deps, s.host, "Beto Confirmado");
    const rsvp = await setAttendance(s.t.deps, s.host, event.id, {
      personId: going.id,
      status: "going",
    });
    const arrived = await checkIn(s.t.deps, s.host, event.id, { personId: going.id });
    expect(arrived).toMatchObject({ id: rsvp.id, first: true });
    expect(await audits(event.id)).toHaveLength(2);
  });

  it("refuses another organization's person (422) and event (404), writing nothing", async () => {
    const event = await makeEvent(s.t.deps, s.host);
    const mine = await makePerson(s.t.deps, s.host, "Lola de Aquí");
    const theirs = await makePerson(s.t.deps, s.outsider, "Paco de Allá");
    await expect(
      checkIn(s.t.deps, s.host, event.id, { personId: theirs.id }),
    ).rejects.toMatchObject({
      status: 422,
      fields: { personId: "person_not_found" },
    });
    await expect(
      checkIn(s.t.deps, s.host, event.id, { personId: "no-es-un-id" }),
    ).rejects.toMatchObject({ status: 422, fields: { personId: "person_not_found" } });
    await expect(
      checkIn(s.t.deps, s.outsider, event.id, { personId: theirs.id }),
    ).rejects.toMatchObject({ status: 404 });
    for (const id of ["no-es-un-id", "00000000-0000-4000-8000-000000000000"])
      await expect(checkIn(s.t.deps, s.host, id, { personId: mine.id })).rejects.toMatchObject({
        status: 404,
      });
    expect(await attendances(event.id)).toEqual([]);
    expect(await audits(event.id)).toEqual([]);
  });

  it("lets an accepted co-host check in its own people, not before it accepts", async () => {
    const event = await makeEvent(s.t.deps, s.host);
    const invitation = await addCohost(s.t.deps, s.host, event.id, { orgSlug: s.cohostSlug });
    const neighbor = await makePerson(s.t.deps, s.cohost, "Rosa Coanfitriona");
    const hostPerson = await makePerson(s.t.deps, s.host, "Lupe Anfitriona");
    await expect(
      checkIn(s.t.deps, s.cohost, event.id, { personId: neighbor.id }),
    ).rejects.toMatchObject({ status: 404 });
    await respondCohostInvitation(s.t.deps, s.cohost, invitation.id, "accepted");
    const r = await checkIn(s.t.deps, s.cohost, event.id, { personId: neighbor.id });
    expect(r.first).toBe(true);
    await expect(
      checkIn(s.t.deps, s.cohost, event.id, { personId: hostPerson.id }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await attendances(event.id)).toEqual([
      { person_id: neighbor.id, status: "attended", source: "staff" },
    ]);
    expect(await audits(event.id)).toEqual([
      { org_id: s.cohost.orgId, actor_user_id: s.cohost.userId, detail: { attendanceId: r.id } },
    ]);
  });
});

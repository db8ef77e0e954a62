import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeEvent, makePerson } from "../../../test/support/actions";
import { STORES } from "../../../test/support/stores";
import { oneOrg } from "../../../test/support/suites";
import { getPersonSummaries } from "../people/person-summaries";
import { addRole } from "./add-role";
import { checkIn } from "./check-in";
import { attendanceHistory, roleHistory, upcomingEventsWithRsvps } from "./person-history";
import { publicRsvp } from "./public-rsvp";
import { setAttendance } from "./set-attendance";
import { setEventStatus } from "./set-event-status";

describe.each(STORES)("RSVPs and check-in on %s", (store) => {
  const s = oneOrg(store);

  const rows = async (eventId: string) =>
    (
      await s.t.database.db.execute<{
        person_id: string;
        status: string;
        checked_in_at: Date | null;
      }>(
        sql`SELECT person_id, status, checked_in_at FROM action_attendances WHERE event_id = ${eventId}`,
      )
    ).rows;

  const rsvp = (slug: string, input: Record<string, unknown>) =>
    publicRsvp(s.t.deps, s.actor.orgId, slug, input);

  it("checking the same person in twice is one check-in, the first time kept", async () => {
    const event = await makeEvent(s.t.deps, s.actor);
    const p = await makePerson(s.t.deps, s.actor, "Chuy Puntual");
    await setAttendance(s.t.deps, s.actor, event.id, { personId: p.id, status: "going" });
    const first = await checkIn(s.t.deps, s.actor, event.id, { personId: p.id });
    const second = await checkIn(s.t.deps, s.actor, event.id, { personId: p.id });
    expect(first.first).toBe(true);
    expect(second.first).toBe(false);
    expect(second.checkedInAt).toEqual(first.checkedInAt);
    const [row, ...rest] = await rows(event.id);
    expect(rest).toEqual([]);
    expect(row?.status).toBe("attended");
    // Concurrent double taps: still one row.
    const q = await makePerson(s.t.deps, s.actor, "Nico Doble Toque");
    await Promise.all(
      [1, 2, 3].map(() => checkIn(s.t.deps, s.actor, event.id, { personId: q.id })),
    );
    expect((await rows(event.id)).filter((r) => r.person_id === q.id)).toHaveLength(1);
  });

  it("a public RSVP matches a person by email or phone, or creates one with the least data", async () => {
    const event = await makeEvent(s.t.deps, s.actor);
    await setEventStatus(s.t.deps, s.actor, event.id, "planned");
    const known = await makePerson(s.t.deps, s.actor, "Marta Conocida", "active", {
      emails: [{ address: "marta@example.org" }],
      phones: [{ number: "(555) 010-3333" }],
    });
    const byEmail = await rsvp(event.slug, {
      name: "Otra forma de escribir",
      email: "MARTA@example.org",
      language: "es",
    });
    expect(byEmail.personCreated).toBe(false);
    const byPhone = await rsvp(event.slug, {
      name: "Marta",
      phone: "555 010 3333",
      language: "es",
      status: "maybe",
    });
    expect(byPhone.personCreated).toBe(false);
    const created = await rsvp(event.slug, {
      name: "Persona Nueva Inventada",
      phone: "555-010-4444",
      language: "en",
      consent: true,
    });
    expect(created.personCreated).toBe(true);
    const all = await rows(event.id);
    expect(all).toHaveLength(2);
    expect(all.find((r) => r.person_id === known.id)?.status).toBe("maybe");
    const newId = all.find((r) => r.person_id !== known.id)?.person_id as string;
    const summary = (await getPersonSummaries(s.t.database.db, s.actor.orgId, [newId])).get(newId);
    expect(summary).toMatchObject({
      displayName: "Persona Nueva Inventada",
      preferredLanguage: "en",
      engagementLevel: "contact",
    });
    // The known person's name is not changed by a stranger's form.
    expect(
      (await getPersonSummaries(s.t.database.db, s.actor.orgId, [known.id])).get(known.id)
        ?.displayName,
    ).toBe("Marta Conocida");
  });

  it("refuses an RSVP without a way to reach the person, and for drafts and unknown slugs", async () => {
    const draft = await makeEvent(s.t.deps, s.actor);
    await expect(
      rsvp(draft.slug, { name: "X", email: "x@example.org", language: "es" }),
    ).rejects.toMatchObject({ status: 404 });
    await setEventStatus(s.t.deps, s.actor, draft.id, "planned");
    await expect(rsvp(draft.slug, { name: "X", language: "es" })).rejects.toMatchObject({
      fields: { email: "required" },
    });
    await expect(
      rsvp(draft.slug, { name: "<b>X</b>", email: "no-es-correo", language: "es" }),
    ).rejects.toMatchObject({ fields: { email: "invalid_email" } });
    await expect(
      rsvp("no-existe", { name: "X", email: "x@example.org", language: "es" }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("publishes each person's attendance and roles, and upcoming RSVPs for reminders", async () => {
    const event = await makeEvent(s.t.deps, s.actor, { titleEs: "Mitin en el parque" });
    await setEventStatus(s.t.deps, s.actor, event.id, "planned");
    const p = await makePerson(s.t.deps, s.actor, "Tere Constante", "active");
    await setAttendance(s.t.deps, s.actor, event.id, { personId: p.id, status: "going" });
    await addRole(s.t.deps, s.actor, event.id, { personId: p.id, role: "deputy" });
    expect(await attendanceHistory(s.t.database.db, s.actor.orgId, p.id)).toMatchObject([
      { eventId: event.id, status: "going", title: { es: "Mitin en el parque" } },
    ]);
    expect(await roleHistory(s.t.database.db, s.actor.orgId, [p.id])).toMatchObject([
      { eventId: event.id, role: "deputy" },
    ]);
    const soon = await upcomingEventsWithRsvps(
      s.t.database.db,
      s.actor.orgId,
      new Date(),
      new Date(Date.now() + 30 * 86_400_000),
    );
    expect(soon.find((e) => e.eventId === event.id)?.rsvps).toEqual([
      { personId: p.id, status: "going" },
    ]);
  });
});

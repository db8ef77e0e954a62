import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hostAndCohost, makeEvent } from "../../../test/support/actions";
import {
  drainWithFakes,
  dueForPeople,
  personWithConsent,
  sendAnyTime,
} from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import { actionForMessages, actionsAhead } from "../actions";
import { addCohost } from "../actions/add-cohost";
import { respondCohostInvitation } from "../actions/respond-cohost-invitation";
import { setAttendance } from "../actions/set-attendance";
import { setEventStatus } from "../actions/set-event-status";
import { updateEvent } from "../actions/update-event";
import { createPerson } from "../people/create-person";
import { PersonFieldsSchema } from "../people/person";
import { type ActionAbout, outbox } from "./messaging.schema";
import { listOutbox } from "./outbox-list";
import { recordConsent } from "./record-consent";

// A co-hosted action (decision 055) that moves and is then cancelled: everyone going hears
// it, the host's people and the co-host's, each from their own organization, in their own
// language, under their own organization's consent; neither organization sees the other's
// people in its outbox.
describe.each(STORES)("co-hosted action notices on %s", (store) => {
  const s = hostAndCohost(store, async ({ t, host, cohost }) => {
    await sendAnyTime(t, host.orgId);
    await sendAnyTime(t, cohost.orgId);
  });

  const notice = (r: { about: unknown }) => (r.about as ActionAbout).notice;
  const rowsOf = (personIds: string[]) =>
    s.t.database.db.select().from(outbox).where(inArray(outbox.personId, personIds));
  const drain = () =>
    drainWithFakes(s.t, { action: (orgId, id) => actionForMessages(s.t.database.db, orgId, id) });

  it("a move and a cancellation reach the co-host's people going, in their language, under their organization's consent", async () => {
    const event = await makeEvent(s.t.deps, s.host);
    await setEventStatus(s.t.deps, s.host, event.id, "planned");
    const invitation = await addCohost(s.t.deps, s.host, event.id, { orgSlug: s.cohostSlug });
    await respondCohostInvitation(s.t.deps, s.cohost, invitation.id, "accepted");

    const hostPerson = await personWithConsent(s.t, s.host, { purposes: ["action_reminders"] });
    const theirs = await personWithConsent(s.t, s.cohost, {
      language: "en",
      purposes: ["action_reminders"],
    });
    // Going with the co-host, no consent there; the same contact points consented with the
    // host, which must not count for the co-host's messages.
    const unconsented = await personWithConsent(s.t, s.cohost, { purposes: [] });
    const sameContacts = await createPerson(
      s.t.deps,
      s.host,
      PersonFieldsSchema.parse({
        displayName: "Misma Persona en el Anfitrión",
        emails: [{ address: unconsented.email, primary: true }],
        phones: [{ number: unconsented.phone, primary: true }],
      }),
    );
    for (const contact of [unconsented.email, unconsented.phone]) {
      await recordConsent(s.t.deps, s.host, sameContacts.id, {
        contact,
        purpose: "action_reminders",
        action: "grant",
        source: "paper",
      });
    }
    await setAttendance(s.t.deps, s.host, event.id, {
      personId: hostPerson.person.id,
      status: "going",
    });
    for (const p of [theirs, unconsented])
      await setAttendance(s.t.deps, s.cohost, event.id, { personId: p.person.id, status: "going" });
    await s.t.app.actionMessages.idle();
    await drain(); // the confirmations

    // The periodic planner sees each organization's people under that organization only.
    const ahead = (
      await actionsAhead(
        s.t.database.db,
        new Date(event.startsAt.getTime() - 3_600_000),
        new Date(event.startsAt.getTime() + 3_600_000),
      )
    ).filter((a) => a.id === event.id);
    expect(ahead.map((a) => [a.orgId, [...a.goingPersonIds].sort()])).toEqual([
      [s.host.orgId, [hostPerson.person.id]],
      [s.cohost.orgId, [theirs.person.id, unconsented.person.id].sort()],
    ]);

    const later = new Date(event.startsAt.getTime() + 86_400_000);
    await updateEvent(s.t.deps, s.host, event.id, {
      slug: event.slug,
      kind: event.kind,
      titleEs: event.title.es,
      titleEn: event.title.en,
      startsAt: later,
      endsAt: new Date(later.getTime() + 2 * 3_600_000),
      timeZone: event.timeZone,
      placeName: "Parque Central",
      public: event.public,
    });
    await s.t.app.actionMessages.idle();

    const changed = (await rowsOf([hostPerson.person.id, theirs.person.id])).filter(
      (r) => notice(r) === "changed",
    );
    const hostChanged = changed.filter((r) => r.personId === hostPerson.person.id);
    const theirChanged = changed.filter((r) => r.personId === theirs.person.id);
    expect(hostChanged.map((r) => [r.orgId, r.language])).toEqual([
      [s.host.orgId, "es"],
      [s.host.orgId, "es"],
    ]);
    expect(theirChanged.map((r) => [r.orgId, r.language])).toEqual([
      [s.cohost.orgId, "en"],
      [s.cohost.orgId, "en"],
    ]);
    const theirEmail = theirChanged.find((r) => r.channel === "email");
    expect(theirEmail?.address).toBe(theirs.email);
    expect(theirEmail?.subject).toMatch(/Vigil for the families/);
    expect(theirEmail?.body).toContain("Parque Central");
    // Signed by the co-host, the organization the person gave their consent to.
    expect(theirEmail?.body).toContain("Unión de Inquilinas");
    expect(theirEmail?.body).not.toContain("Comité Anfitrión");

    // Neither organization's outbox shows the other's people.
    const hostList = await listOutbox(s.t.database.db, s.host.orgId, { limit: 500 });
    const cohostList = await listOutbox(s.t.database.db, s.cohost.orgId, { limit: 500 });
    const cohostAddresses = [theirs.email, theirs.phone, unconsented.email, unconsented.phone];
    expect(hostList.items.some((m) => cohostAddresses.includes(m.address))).toBe(false);
    expect(
      cohostList.items.some((m) => [hostPerson.email, hostPerson.phone].includes(m.address)),
    ).toBe(false);

    // Sent: consent is the co-host's own records, re-checked at send time.
    const everyone = [hostPerson.person.id, theirs.person.id, unconsented.person.id];
    await dueForPeople(s.t, everyone);
    const sent = await drain();
    const sentIds = new Set(sent.map((m) => m.id));
    expect(changed.every((r) => sentIds.has(r.id))).toBe(true);
    const refused = (await rowsOf([unconsented.person.id])).filter((r) => notice(r) === "changed");
    expect(refused.map((r) => [r.orgId, r.status, r.outcome])).toEqual([
      [s.cohost.orgId, "cancelled", "no_consent"],
      [s.cohost.orgId, "cancelled", "no_consent"],
    ]);

    // Cancelled: one notice per contact point for both organizations' people.
    await setEventStatus(s.t.deps, s.host, event.id, "cancelled");
    await s.t.app.actionMessages.idle();
    await dueForPeople(s.t, everyone);
    const after = await drain();
    const cancelled = (await rowsOf(everyone)).filter((r) => notice(r) === "cancelled");
    const sentNow = new Set(after.map((m) => m.id));
    const byPerson = (id: string) =>
      cancelled
        .filter((r) => r.personId === id)
        .map((r) => [r.orgId, r.language, sentNow.has(r.id) ? "sent" : r.status]);
    expect(byPerson(hostPerson.person.id)).toEqual([
      [s.host.orgId, "es", "sent"],
      [s.host.orgId, "es", "sent"],
    ]);
    expect(byPerson(theirs.person.id)).toEqual([
      [s.cohost.orgId, "en", "sent"],
      [s.cohost.orgId, "en", "sent"],
    ]);
    expect(byPerson(unconsented.person.id).map((r) => r[2])).toEqual(["cancelled", "cancelled"]);
    const theirCancel = cancelled.find(
      (r) => r.personId === theirs.person.id && r.channel === "email",
    );
    expect(theirCancel?.subject).toMatch(/cancel/i);
  });
});

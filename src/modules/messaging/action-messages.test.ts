import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeEvent } from "../../../test/support/actions";
import {
  closeWindowNow,
  drainWithFakes,
  dueForPeople,
  personWithConsent,
  sendAnyTime,
  sendingOrg,
} from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import { actionForMessages, actionsAhead } from "../actions";
import { publicRsvp } from "../actions/public-rsvp";
import { setAttendance } from "../actions/set-attendance";
import { setEventStatus } from "../actions/set-event-status";
import { updateEvent } from "../actions/update-event";
import { planActionReminders } from "./action-messages";
import { type ActionAbout, outbox } from "./messaging.schema";

const DAY = 86_400_000;

describe.each(STORES)("action confirmations, reminders and notices on %s", (store) => {
  const s = sendingOrg(store);

  const rowsOf = (personId: string) =>
    s.t.database.db.select().from(outbox).where(eq(outbox.personId, personId));
  const notice = (r: { about: unknown }) => (r.about as ActionAbout).notice;

  /** The worker with fake transports and the real lookups it re-checks at send time. */
  const drain = () =>
    drainWithFakes(s.t, {
      action: (orgId, id) => actionForMessages(s.t.database.db, orgId, id),
    });

  /** Marks each person's attendance at the event, as the plan's page would. */
  const attend = async (
    eventId: string,
    status: "going" | "declined",
    ...people: { person: { id: string } }[]
  ) => {
    for (const who of people)
      await setAttendance(s.t.deps, s.org.actor, eventId, { personId: who.person.id, status });
  };

  it("confirms at RSVP in the person's language, reminds the day before and the morning of; no consent, nothing sent", async () => {
    const start = new Date(Date.now() + 3 * DAY);
    start.setUTCHours(19, 0, 0, 0);
    const event = await makeEvent(s.t.deps, s.org.actor, {
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 3_600_000),
    });
    await setEventStatus(s.t.deps, s.org.actor, event.id, "planned");
    const yes = await personWithConsent(s.t, s.org.actor, {
      language: "en",
      purposes: ["action_reminders"],
    });
    const no = await personWithConsent(s.t, s.org.actor, { purposes: ["broadcasts"] });
    await attend(event.id, "going", yes, no);
    await s.t.app.actionMessages.idle();

    const queued = await rowsOf(yes.person.id);
    // Email and SMS, each: confirmation, day before, morning of.
    expect(queued.map(notice).sort()).toEqual([
      "confirmation",
      "confirmation",
      "day_before",
      "day_before",
      "morning_of",
      "morning_of",
    ]);
    expect(queued.every((r) => r.purpose === "action_reminders" && r.language === "en")).toBe(true);
    const email = queued.find((r) => notice(r) === "confirmation" && r.channel === "email");
    expect(email?.subject).toBe("You're in: Vigil for the families");
    expect(email?.body).toContain("Plaza del Pueblo");
    const dayBefore = queued.find((r) => notice(r) === "day_before");
    expect(Math.round((start.getTime() - (dayBefore?.sendAfter.getTime() ?? 0)) / DAY)).toBe(1);

    // RSVP again: nothing new (one confirmation per person and channel).
    await attend(event.id, "going", yes);
    await s.t.app.actionMessages.idle();
    expect(await rowsOf(yes.person.id)).toHaveLength(6);
    // The periodic planner has nothing to add for an action three days out.
    expect(await planActionReminders(s.t.database.db, actionsAhead)).toBe(0);

    const sent = await drain();
    expect(sent.filter((m) => m.address === yes.email || m.address === yes.phone)).toHaveLength(2);
    // Consent is checked at send time: the confirmation was due and is not sent.
    const other = (await rowsOf(no.person.id)).filter((r) => notice(r) === "confirmation");
    expect(other.map((r) => [r.status, r.outcome])).toEqual([
      ["cancelled", "no_consent"],
      ["cancelled", "no_consent"],
    ]);
    expect(sent.some((m) => m.address === no.email || m.address === no.phone)).toBe(false);
  });

  it("a moved action: change notice at once, the old reminders are never sent; a cancelled one: one notice, no reminders", async () => {
    const event = await makeEvent(s.t.deps, s.org.actor);
    await setEventStatus(s.t.deps, s.org.actor, event.id, "planned");
    const p = await personWithConsent(s.t, s.org.actor, { purposes: ["action_reminders"] });
    const leaving = await personWithConsent(s.t, s.org.actor, { purposes: ["action_reminders"] });
    await attend(event.id, "going", p, leaving);
    await s.t.app.actionMessages.idle();
    await drain(); // the confirmations
    // One of them can't come anymore: their reminders are not sent.
    await attend(event.id, "declined", leaving);

    const later = new Date(event.startsAt.getTime() + DAY);
    await updateEvent(s.t.deps, s.org.actor, event.id, {
      ...eventFields(event),
      startsAt: later,
      endsAt: new Date(later.getTime() + 2 * 3_600_000),
      placeName: "Parque Central",
    });
    await s.t.app.actionMessages.idle();
    const changed = (await rowsOf(p.person.id)).filter((r) => notice(r) === "changed");
    expect(changed).toHaveLength(2);
    expect(changed[0]?.body).toContain("Parque Central");
    expect((await rowsOf(leaving.person.id)).some((r) => notice(r) === "changed")).toBe(false);

    // Everything due now: old reminders are cancelled, the new ones and the notice go.
    await dueForPeople(s.t, [p.person.id, leaving.person.id]);
    const sent = await drain();
    const mine = await rowsOf(p.person.id);
    const old = mine.filter(
      (r) =>
        notice(r) !== "confirmation" &&
        (r.about as ActionAbout).at === event.startsAt.toISOString(),
    );
    expect(old).toHaveLength(4);
    expect(old.every((r) => r.status === "cancelled" && r.outcome === "action_changed")).toBe(true);
    expect(sent.some((m) => old.some((r) => r.id === m.id))).toBe(false);
    expect(mine.filter((r) => r.status === "sent" && notice(r) !== "confirmation")).toHaveLength(6);
    const theirs = await rowsOf(leaving.person.id);
    expect(
      theirs.filter((r) => notice(r) !== "confirmation").every((r) => r.status === "cancelled"),
    ).toBe(true);

    // Cancelled: one notice per contact point; no reminder left goes out.
    await s.t.database.db
      .update(outbox)
      .set({ status: "queued", sendAfter: new Date(Date.now() + DAY) })
      .where(eq(outbox.personId, p.person.id));
    await setEventStatus(s.t.deps, s.org.actor, event.id, "cancelled");
    await s.t.app.actionMessages.idle();
    await dueForPeople(s.t, [p.person.id]);
    const after = await drain();
    const cancelled = (await rowsOf(p.person.id)).filter((r) => notice(r) === "cancelled");
    expect(cancelled.map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(after.map((m) => m.id).sort()).toEqual(cancelled.map((r) => r.id).sort());
  });

  it("a public RSVP with the box ticked records consent with its wording and confirms; quiet hours hold it", async () => {
    const event = await makeEvent(s.t.deps, s.org.actor, { public: true });
    await setEventStatus(s.t.deps, s.org.actor, event.id, "planned");
    await closeWindowNow(s.t, s.org.orgId);
    try {
      await publicRsvp(s.t.deps, s.org.orgId, event.slug, {
        name: "Rosa Inventada",
        email: "rosa.inventada@example.org",
        language: "es",
        status: "going",
        consent: true,
      });
      await publicRsvp(s.t.deps, s.org.orgId, event.slug, {
        name: "Sin Casilla Inventado",
        email: "sin.casilla@example.org",
        language: "es",
        status: "going",
        consent: false,
      });
      await s.t.app.actionMessages.idle();
      const consents = await s.t.database.db.execute<{ address: string; wording: string }>(
        sql`SELECT address, wording FROM consent_records WHERE org_id = ${s.org.orgId}
              AND purpose = 'action_reminders' AND source = 'web_form'`,
      );
      expect(consents.rows.map((r) => r.address)).toEqual(["rosa.inventada@example.org"]);
      expect(consents.rows[0]?.wording).toMatch(/^Acepto que me escriban/);
      await drain();
      const rows = await s.t.database.db
        .select()
        .from(outbox)
        .where(inArray(outbox.address, ["rosa.inventada@example.org", "sin.casilla@example.org"]));
      const rosa = rows.find((r) => r.address.startsWith("rosa") && notice(r) === "confirmation");
      expect(rosa?.status).toBe("queued");
      expect(rosa?.outcome).toBe("quiet_hours");
      expect(rosa?.subject).toBe("Confirmación: Vigilia por las familias");
      const none = rows.find((r) => r.address.startsWith("sin") && notice(r) === "confirmation");
      expect(none?.status).toBe("cancelled");
    } finally {
      await sendAnyTime(s.t, s.org.orgId);
    }
  });
});

function eventFields(e: Awaited<ReturnType<typeof makeEvent>>) {
  return {
    slug: e.slug,
    kind: e.kind,
    titleEs: e.title.es,
    titleEn: e.title.en,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    placeName: e.placeName ?? undefined,
    public: e.public,
  };
}

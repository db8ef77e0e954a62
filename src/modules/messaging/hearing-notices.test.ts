import { and, eq, inArray, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeEvent } from "../../../test/support/actions";
import { newCase } from "../../../test/support/advocacy";
import { scheduleHearing } from "../../../test/support/defense";
import {
  closeWindowNow,
  drainWithFakes,
  personWithConsent,
  sendAnyTime,
  sendingOrg,
} from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import { formatDateTime } from "../../platform/i18n";
import { actionForMessages, getEvent } from "../actions";
import { setAttendance } from "../actions/set-attendance";
import { setEventStatus } from "../actions/set-event-status";
import { addFamilyContact } from "../defense/add-family-contact";
import { deleteCaseEvent } from "../defense/delete-case-event";
import { getHearing } from "../defense/hearing-lookup";
import { rescheduleHearing } from "../defense/reschedule-hearing";
import { createPerson } from "../people/create-person";
import { PersonFieldsSchema } from "../people/person";
import { type ActionAbout, type HearingAbout, outbox } from "./messaging.schema";
import { planHearingReminders } from "./plan-hearing-reminders";
import { recordConsent } from "./record-consent";
import { stopContactPoint } from "./stop-contact-point";

const DAY = 86_400_000;

describe.each(STORES)("hearing change notices on %s", (store) => {
  const s = sendingOrg(store);
  beforeAll(async () => {
    // The owner opens the cases below, so is on their team; their sign-in email agreed to
    // hearing reminders (recorded on the person page of the People database).
    const me = await createPerson(
      s.t.deps,
      s.org.actor,
      PersonFieldsSchema.parse({
        displayName: "Dueña Inventada",
        emails: [{ address: s.org.email }],
      }),
    );
    await recordConsent(s.t.deps, s.org.actor, me.id, {
      contact: s.org.email,
      purpose: "hearing_reminders",
      action: "grant",
      source: "verbal",
    });
  });

  const idle = async () => {
    await s.t.app.hearingMessages.idle();
    await s.t.app.actionMessages.idle();
  };
  /** The event defense sends when a hearing changes, heard and handled. */
  const hearingChanged = async (
    h: { caseId: string; hearingId: string },
    change: "moved" | "cancelled",
    at: Date,
  ) => {
    s.t.deps.bus.emit("defense.hearing_changed", {
      orgId: s.org.orgId,
      caseId: h.caseId,
      hearingId: h.hearingId,
      change,
      at,
    });
    await idle();
  };
  /** Makes these outbox rows due at once. */
  const dueNow = (rows: { id: string }[]) =>
    s.t.database.db
      .update(outbox)
      .set({ sendAfter: new Date(0) })
      .where(
        inArray(
          outbox.id,
          rows.map((r) => r.id),
        ),
      );
  const rowsFor = (hearingId: string) =>
    s.t.database.db
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.orgId, s.org.orgId), like(outbox.idempotencyKey, `hearing:${hearingId}:%`)),
      );
  const noticeOf = (r: { about: unknown }) => (r.about as HearingAbout).notice ?? "reminder";

  /** The worker with fake transports and the real lookups it re-checks at send time. */
  const drain = () =>
    drainWithFakes(s.t, {
      hearing: (orgId, id) => getHearing(s.t.database.db, orgId, id),
      action: (orgId, id) => actionForMessages(s.t.database.db, orgId, id),
    });

  /** A case with three family contacts: one agreed (English), one never did, one stopped. */
  async function caseWithHearing(at: Date) {
    const { kase: c } = await newCase(s.t, s.org.actor, "Persona Detenida Inventada");
    const yes = await personWithConsent(s.t, s.org.actor, { language: "en" });
    const no = await personWithConsent(s.t, s.org.actor, { purposes: ["broadcasts"] });
    const stopped = await personWithConsent(s.t, s.org.actor);
    await stopContactPoint(
      s.t.deps,
      s.org.orgId,
      { channel: "email", address: stopped.email },
      { source: "email_one_click", language: "es", ref: "test" },
    );
    for (const p of [yes, no, stopped])
      await addFamilyContact(s.t.deps, s.org.actor, c.id, {
        personId: p.person.id,
        relationship: "tía",
      });
    const hearingId = await scheduleHearing(s.t, s.org.actor, c.id, at, "Sala 3");
    await idle();
    return { caseId: c.id, hearingId, yes, no, stopped };
  }

  it("a moved hearing: a notice at once to family and team who agreed, new reminders, old ones never sent, nothing twice", async () => {
    const at = new Date(Date.now() + 5 * DAY);
    const h = await caseWithHearing(at);
    // Recorded: 3d and 1d reminders at once, to the contact points that agreed.
    const first = await rowsFor(h.hearingId);
    const addresses = new Set(first.map((r) => r.address));
    expect(addresses).toEqual(new Set([h.yes.email, h.yes.phone, h.stopped.phone, s.org.email]));
    expect(first.every((r) => noticeOf(r) === "reminder")).toBe(true);

    const moved = new Date(at.getTime() + 9 * DAY + 3_600_000);
    expect(
      await rescheduleHearing(s.t.deps, s.org.actor, h.caseId, h.hearingId, {
        occurredAt: moved,
        court: "Corte de Inmigración Inventada, sala 7",
      }),
    ).toBe(true);
    await idle();
    const rows = await rowsFor(h.hearingId);
    const notices = rows.filter((r) => noticeOf(r) === "moved");
    expect(new Set(notices.map((r) => r.address))).toEqual(addresses);
    expect(notices.every((r) => r.sendAfter.getTime() <= Date.now())).toBe(true);
    const english = notices.find((r) => r.address === h.yes.email);
    expect(english?.language).toBe("en");
    expect(english?.subject).toMatch(/^Hearing rescheduled: now on /);
    expect(english?.body).toContain("Corte de Inmigración Inventada, sala 7");
    const team = notices.find((r) => r.address === s.org.email);
    expect(team?.personId).toBeNull();
    expect(team?.body).toMatch(/cambió/);
    // The new 7/3/1-day reminders, for the new time, without the periodic pass.
    const fresh = rows.filter(
      (r) => noticeOf(r) === "reminder" && (r.about as HearingAbout).at === moved.toISOString(),
    );
    expect(fresh).toHaveLength(3 * addresses.size);
    expect(await planHearingReminders(s.t.database.db)).toBe(0);

    // The same event heard again (a retry, another instance): nothing new.
    const before = rows.length;
    await hearingChanged(h, "moved", moved);
    expect(await rowsFor(h.hearingId)).toHaveLength(before);
    // Moving it to where it already is says nothing.
    expect(
      await rescheduleHearing(s.t.deps, s.org.actor, h.caseId, h.hearingId, {
        occurredAt: moved,
        court: "Corte de Inmigración Inventada, sala 7",
      }),
    ).toBe(false);

    // Everything due: the old reminders are cancelled at send time, the notice goes.
    await dueNow(rows);
    const sent = (await drain()).filter((m) => rows.some((r) => r.id === m.id));
    const after = await rowsFor(h.hearingId);
    const old = after.filter((r) => (r.about as HearingAbout).at === at.toISOString());
    expect(old.length).toBeGreaterThan(0);
    expect(old.every((r) => r.status === "cancelled" && r.outcome === "hearing_moved")).toBe(true);
    expect(sent.some((m) => old.some((r) => r.id === m.id))).toBe(false);
    expect(after.filter((r) => noticeOf(r) === "moved").map((r) => r.status)).toEqual(
      notices.map(() => "sent"),
    );
    // Nobody without consent, and not the stopped email, got anything about this hearing.
    const reached = new Set(sent.map((m) => m.address));
    for (const address of [h.no.email, h.no.phone, h.stopped.email])
      expect(reached.has(address)).toBe(false);
  });

  it("a hearing called off: one cancellation notice, its reminders never sent; a past one removed says nothing", async () => {
    const h = await caseWithHearing(new Date(Date.now() + 4 * DAY));
    await deleteCaseEvent(s.t.deps, s.org.actor, h.caseId, h.hearingId);
    await idle();
    const rows = await rowsFor(h.hearingId);
    const notices = rows.filter((r) => noticeOf(r) === "cancelled");
    expect(new Set(notices.map((r) => r.address))).toEqual(
      new Set([h.yes.email, h.yes.phone, h.stopped.phone, s.org.email]),
    );
    expect(notices.find((r) => r.address === h.yes.email)?.subject).toMatch(/^Hearing cancelled:/);
    // Heard twice: still one per contact point.
    await hearingChanged(h, "cancelled", new Date(Date.now() + 4 * DAY));
    expect(await rowsFor(h.hearingId)).toHaveLength(rows.length);
    await dueNow(rows);
    const sent = await drain();
    const after = await rowsFor(h.hearingId);
    for (const r of after) {
      if (noticeOf(r) === "cancelled") expect(r.status).toBe("sent");
      else expect([r.status, r.outcome]).toEqual(["cancelled", "hearing_moved"]);
    }
    expect(sent.filter((m) => notices.some((n) => n.id === m.id))).toHaveLength(notices.length);

    // A hearing already past, removed from the timeline: a clean-up, not news.
    const past = await scheduleHearing(s.t, s.org.actor, h.caseId, new Date(Date.now() - 2 * DAY));
    await deleteCaseEvent(s.t.deps, s.org.actor, h.caseId, past);
    await idle();
    expect(await rowsFor(past)).toHaveLength(0);
  });

  it("court support follows its hearing: people going get the change notice with the new time, then the cancellation", async () => {
    const at = new Date(Date.now() + 6 * DAY);
    const h = await caseWithHearing(at);
    const event = await makeEvent(s.t.deps, s.org.actor, {
      kind: "court_support",
      hearingId: h.hearingId,
    });
    await setEventStatus(s.t.deps, s.org.actor, event.id, "planned");
    const going = await personWithConsent(s.t, s.org.actor, {
      language: "en",
      purposes: ["action_reminders"],
    });
    await setAttendance(s.t.deps, s.org.actor, event.id, {
      personId: going.person.id,
      status: "going",
    });
    await idle();
    const changes: string[] = [];
    const off = s.t.deps.bus.on("actions.changed", (e) => {
      if (e.eventId === event.id) changes.push(e.eventId);
    });
    const actionRows = () =>
      s.t.database.db.select().from(outbox).where(eq(outbox.personId, going.person.id));
    const notice = (r: { about: unknown }) => (r.about as ActionAbout).notice;

    const moved = new Date(at.getTime() + 2 * DAY);
    await rescheduleHearing(s.t.deps, s.org.actor, h.caseId, h.hearingId, {
      occurredAt: moved,
      court: "Sala 9",
    });
    await idle();
    // The stored action follows (public pages told to refresh), and so do its messages.
    const after = await getEvent(s.t.database.db, s.org.orgId, event.id);
    expect(after?.startsAt).toEqual(moved);
    expect(after?.placeName).toBe("Sala 9");
    expect(changes).toHaveLength(1);
    const changed = (await actionRows()).filter((r) => notice(r) === "changed");
    expect(changed.map((r) => r.channel).sort()).toEqual(["email", "sms"]);
    for (const r of changed) {
      expect((r.about as ActionAbout).at).toBe(moved.toISOString());
      expect(r.body).toContain(formatDateTime(moved, "en", "America/Los_Angeles"));
      expect(r.body).toContain("Sala 9");
    }
    // Heard again: nothing new anywhere.
    const count = (await actionRows()).length;
    await hearingChanged(h, "moved", moved);
    expect(await actionRows()).toHaveLength(count);
    expect(changes).toHaveLength(1);

    // Called off: the action is cancelled and people going are told once.
    await deleteCaseEvent(s.t.deps, s.org.actor, h.caseId, h.hearingId);
    await idle();
    const cancelled = await getEvent(s.t.database.db, s.org.orgId, event.id);
    expect(cancelled?.status).toBe("cancelled");
    expect(cancelled?.hearingId).toBeNull();
    expect(cancelled?.startsAt).toEqual(moved);
    const notices = (await actionRows()).filter((r) => notice(r) === "cancelled");
    expect(notices).toHaveLength(2);
    expect(notices[0]?.language).toBe("en");
    expect(changes).toHaveLength(2);
    off();
  });

  it("quiet hours hold a move notice until the window opens", async () => {
    const h = await caseWithHearing(new Date(Date.now() + 10 * DAY));
    await closeWindowNow(s.t, s.org.orgId);
    try {
      await rescheduleHearing(s.t.deps, s.org.actor, h.caseId, h.hearingId, {
        occurredAt: new Date(Date.now() + 12 * DAY),
        court: "Sala 4",
      });
      await idle();
      await drain();
      const notices = (await rowsFor(h.hearingId)).filter((r) => noticeOf(r) === "moved");
      expect(notices.length).toBeGreaterThan(0);
      for (const r of notices) {
        expect([r.status, r.outcome]).toEqual(["queued", "quiet_hours"]);
        expect(r.sendAfter.getTime()).toBeGreaterThan(Date.now());
      }
    } finally {
      await sendAnyTime(s.t, s.org.orgId);
    }
  });
});

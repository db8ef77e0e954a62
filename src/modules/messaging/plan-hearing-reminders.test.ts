import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newCase } from "../../../test/support/advocacy";
import { scheduleHearing } from "../../../test/support/defense";
import {
  drainWithFakes,
  dueForPeople,
  personWithConsent,
  sendingOrg,
} from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import { addFamilyContact } from "../defense/add-family-contact";
import { deleteCaseEvent } from "../defense/delete-case-event";
import { getHearing } from "../defense/hearing-lookup";
import { outbox } from "./messaging.schema";
import { planHearingReminders } from "./plan-hearing-reminders";

const DAY = 86_400_000;

describe.each(STORES)("hearing reminders on %s", (store) => {
  const s = sendingOrg(store);

  it("queues 3- and 1-day reminders for family contacts once; a moved hearing's are never sent", async () => {
    const { kase: c } = await newCase(s.t, s.org.actor, "Persona Detenida Inventada");
    const family = await personWithConsent(s.t, s.org.actor, { language: "en" });
    await addFamilyContact(s.t.deps, s.org.actor, c.id, {
      personId: family.person.id,
      relationship: "hermana",
    });
    const now = new Date();
    const at = new Date(now.getTime() + 5 * DAY);
    const hearingId = await scheduleHearing(s.t, s.org.actor, c.id, at, "Corte Inventada");

    // Queued at once when the hearing was recorded (hearing-message-listener.ts); the
    // periodic pass finds nothing left to add. 7 days before is already past: 3d and 1d,
    // by email and by SMS.
    await s.t.app.hearingMessages.idle();
    expect(await planHearingReminders(s.t.database.db, now)).toBe(0);
    await s.t.database.db.delete(outbox).where(eq(outbox.personId, family.person.id));
    expect(await planHearingReminders(s.t.database.db, now)).toBe(4);
    expect(await planHearingReminders(s.t.database.db, now)).toBe(0);
    const rows = await s.t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.personId, family.person.id));
    expect(rows.every((r) => r.language === "en" && r.purpose === "hearing_reminders")).toBe(true);
    expect(
      rows.map((r) => Math.round((at.getTime() - r.sendAfter.getTime()) / DAY)).sort(),
    ).toEqual([1, 1, 3, 3]);

    // The hearing moves: the old entry is removed and a new one recorded a week later.
    await deleteCaseEvent(s.t.deps, s.org.actor, c.id, hearingId);
    await scheduleHearing(s.t, s.org.actor, c.id, new Date(at.getTime() + 2 * DAY));
    await s.t.app.hearingMessages.idle();
    expect(await planHearingReminders(s.t.database.db, now)).toBe(0);
    // Make the old reminders due, and let the worker re-check them.
    await dueForPeople(s.t, [family.person.id]);
    const sent = await drainWithFakes(s.t, {
      hearing: (orgId, id) => getHearing(s.t.database.db, orgId, id),
    });
    const after = await s.t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.personId, family.person.id));
    const old = after.filter(
      (r) => "hearing" in r.about && r.about.hearing === hearingId && !r.about.notice,
    );
    expect(old).toHaveLength(4);
    expect(old.every((r) => r.status === "cancelled" && r.outcome === "hearing_moved")).toBe(true);
    expect(sent.some((m) => old.some((r) => r.id === m.id))).toBe(false);
  });
});

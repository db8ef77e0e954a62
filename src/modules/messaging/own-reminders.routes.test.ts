import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newCase } from "../../../test/support/advocacy";
import { signedIn } from "../../../test/support/app";
import { scheduleHearing } from "../../../test/support/defense";
import { text } from "../../../test/support/html";
import { sendingOrg } from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import { consentRecords, outbox } from "./messaging.schema";
import { consentText } from "./messaging-consent.messages";

const DAY = 86_400_000;

// A team member turns on hearing reminders at their own sign-in email, from their account,
// without a People entry of their own; the next hearing of a case they are on reaches them.
describe.each(STORES)("my hearing reminders on %s", (store) => {
  const s = sendingOrg(store);

  const hearingFor = async () => {
    // The owner opens the case, so is on its team.
    const { kase: c } = await newCase(s.t, s.org.actor, "Persona Detenida Inventada");
    const hearingId = await scheduleHearing(
      s.t,
      s.org.actor,
      c.id,
      new Date(Date.now() + 5 * DAY),
      "Sala 3",
    );
    await s.t.app.hearingMessages.idle();
    return s.t.database.db
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.orgId, s.org.orgId), like(outbox.idempotencyKey, `hearing:${hearingId}:%`)),
      );
  };

  it("is off until I tick it; then my cases' hearings remind me; unticking stops them", async () => {
    const me = await signedIn(s.t, s.org.email);
    const off = await (await me.get("/account/reminders")).text();
    expect(text(off)).toContain(s.org.email);
    expect(off).not.toMatch(/name="hearing_reminders"[^>]*checked/);
    expect(await hearingFor()).toEqual([]);

    const on = await me.post("/account/reminders", { hearing_reminders: "on" });
    expect(on.status).toBe(303);
    // Saving the same answer again records nothing more.
    await me.post("/account/reminders", { hearing_reminders: "on" });
    const records = await s.t.database.db
      .select()
      .from(consentRecords)
      .where(eq(consentRecords.orgId, s.org.orgId));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      personId: null,
      purpose: "hearing_reminders",
      action: "grant",
      source: "web_form",
      wording: consentText.es.own_hearing_label,
    });
    const page = await (await me.get("/account/reminders?saved=1")).text();
    expect(page).toMatch(/name="hearing_reminders"[^>]*checked/);
    const reminded = await hearingFor();
    expect(reminded.length).toBeGreaterThan(0);
    expect(reminded.every((r) => r.address === s.org.email && r.personId === null)).toBe(true);

    await me.post("/account/reminders", {});
    expect(await hearingFor()).toEqual([]);
  });
});

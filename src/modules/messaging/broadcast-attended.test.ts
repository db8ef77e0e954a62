import { beforeAll, describe, expect, it } from "vitest";
import { makeEvent } from "../../../test/support/actions";
import { apiClient } from "../../../test/support/api";
import { apiTokenFor } from "../../../test/support/app";
import { personWithConsent } from "../../../test/support/messaging";
import { STORES } from "../../../test/support/stores";
import { orgApp } from "../../../test/support/suites";
import { setAttendance } from "../actions/set-attendance";
import { setEventStatus } from "../actions/set-event-status";

// The broadcast segment "came to an action": any in the last N days, or one action, read
// through the actions module's published attendedPersonIds.

const DAY = 86_400_000;

describe.each(STORES)("broadcast segment 'came to an action' on %s", (store) => {
  const s = orgApp(store);
  let api: ReturnType<typeof apiClient>;
  let recent: string;

  beforeAll(async () => {
    api = apiClient(s.t, await apiTokenFor(s.t, s.org.actor));
    const pastEvent = async (daysAgo: number) => {
      const start = new Date(Date.now() - daysAgo * DAY);
      const e = await makeEvent(s.t.deps, s.org.actor, {
        startsAt: start,
        endsAt: new Date(start.getTime() + 3_600_000),
      });
      await setEventStatus(s.t.deps, s.org.actor, e.id, "planned");
      return e.id;
    };
    recent = await pastEvent(10);
    const old = await pastEvent(200);
    const came = await personWithConsent(s.t, s.org.actor, { tags: ["asamblea"] });
    const cameLongAgo = await personWithConsent(s.t, s.org.actor, { tags: ["asamblea"] });
    const saidGoing = await personWithConsent(s.t, s.org.actor, { tags: ["asamblea"] });
    const cameNoConsent = await personWithConsent(s.t, s.org.actor, { purposes: [] });
    await personWithConsent(s.t, s.org.actor, { tags: ["asamblea"] }); // never came
    for (const [event, p, status] of [
      [recent, came, "attended"],
      [old, cameLongAgo, "attended"],
      [recent, saidGoing, "going"],
      [recent, cameNoConsent, "attended"],
    ] as const)
      await setAttendance(s.t.deps, s.org.actor, event, { personId: p.person.id, status });
  });

  const preview = (segment: Record<string, unknown>) =>
    api.post("/api/v1/broadcasts", {
      segment,
      channel: "sms",
      body: { es: "Hola {name}: gracias por venir.", en: "Hi {name}: thanks for coming." },
    });

  it("counts only people checked in, in the window or at the action, with the usual exclusions", async () => {
    const month = await preview({ attended: { days: 30 } });
    expect(month.status).toBe(201);
    expect(month.json).toMatchObject({
      recipients: 1,
      excluded: { no_consent: 1, stopped: 0, no_contact: 0 },
    });
    const year = await preview({ attended: { days: 365 } });
    expect(year.json.recipients).toBe(2);
    const one = await preview({ attended: { action_id: recent }, tags: ["asamblea"] });
    expect(one.json).toMatchObject({ recipients: 1, excluded: { no_consent: 0 } });
  });

  it("refuses both or neither of days and action_id, and nonsense days, with 422 and the field", async () => {
    for (const attended of [
      { days: 30, action_id: recent },
      {},
      { days: 0 },
      { days: "30" },
      { action_id: "not-a-uuid" },
    ]) {
      const res = await preview({ attended });
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe("validation_failed");
    }
    // An action of another organization (or none) reaches nobody: 4xx, nothing saved.
    const other = await preview({ attended: { action_id: crypto.randomUUID() } });
    expect(other.status).toBeGreaterThanOrEqual(400);
    expect(other.status).toBeLessThan(500);
    expect(other.json.error.code).toBe("no_recipients");
  });

  it("is in the OpenAPI document", async () => {
    const doc = await (await s.t.app.request("/api/v1/openapi.json")).json();
    const body =
      doc.paths["/api/v1/broadcasts"].post.requestBody.content["application/json"].schema;
    const text = JSON.stringify(body.$ref ? doc.components.schemas : body);
    expect(text).toContain("attended");
    expect(text).toContain("action_id");
  });
});

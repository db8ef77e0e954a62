import { describe, expect, it } from "vitest";
import { newCase } from "../../../test/support/advocacy";
import { apiClient } from "../../../test/support/api";
import { apiTokenFor, createOrg, refusedForm } from "../../../test/support/app";
import { fieldError, fieldValue, text } from "../../../test/support/html";
import { STORES } from "../../../test/support/stores";
import { teamPages } from "../../../test/support/suites";
import type { Actor } from "../../platform/actor";
import { CaseEventInputSchema } from "./case-event";
import { getHearing } from "./hearing-lookup";
import { recordCaseEvent } from "./record-case-event";

// Rescheduling a hearing from the case page: the same entry at a new date, time or court.

describe.each(STORES)("hearing reschedule pages on %s", (store) => {
  const s = teamPages(store);

  async function hearingOf(actor: Actor, kind: "hearing_scheduled" | "note" = "hearing_scheduled") {
    const { kase: c } = await newCase(s.t, actor, "Persona Inventada");
    const id = await recordCaseEvent(
      s.t.deps,
      actor,
      c.id,
      CaseEventInputSchema.parse({
        kind,
        occurredAt: new Date("2027-03-04T17:30:00Z"),
        court: kind === "hearing_scheduled" ? "Sala 2" : undefined,
        note: kind === "note" ? "una nota" : undefined,
      }),
    );
    return { caseId: c.id, id };
  }

  it("moves a hearing in place from its own page, in both languages", async () => {
    const h = await hearingOf(s.owner);
    const casePage = await (await s.es.get(`/cases/${h.caseId}`)).text();
    expect(casePage).toContain(`/cases/${h.caseId}/events/${h.id}/reschedule`);
    const form = await (await s.es.get(`/cases/${h.caseId}/events/${h.id}/reschedule`)).text();
    // Pre-filled on the organization's clock (Los Angeles).
    expect(fieldValue(form, "date")).toBe("2027-03-04");
    expect(fieldValue(form, "time")).toBe("09:30");
    expect(fieldValue(form, "court")).toBe("Sala 2");
    expect(text(form)).toContain("Cambiar la audiencia");
    const english = await (await s.en.get(`/cases/${h.caseId}/events/${h.id}/reschedule`)).text();
    expect(text(english)).toContain("Reschedule the hearing");

    const res = await s.es.post(`/cases/${h.caseId}/events/${h.id}/reschedule`, {
      date: "2027-04-01",
      time: "13:00",
      court: "Sala 5",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("done=hearing_moved");
    const moved = await getHearing(s.t.database.db, s.owner.orgId, h.id);
    expect(moved?.at.toISOString()).toBe("2027-04-01T20:00:00.000Z");
    expect(moved?.court).toBe("Sala 5");
    const after = await (await s.es.get(res.headers.get("location") ?? "")).text();
    expect(text(after)).toContain("Audiencia cambiada");
  });

  it("says what is wrong, keeping what was typed; 404 for what is not a hearing of this case", async () => {
    const h = await hearingOf(s.owner);
    const page = await refusedForm(s.es, `/cases/${h.caseId}/events/${h.id}/reschedule`, {
      date: "",
      time: "10:00",
      court: "x".repeat(300),
    });
    expect(fieldError(page, "date")).toBeTruthy();
    expect(fieldError(page, "court")).toBeTruthy();
    expect(fieldValue(page, "time")).toBe("10:00");
    expect((await getHearing(s.t.database.db, s.owner.orgId, h.id))?.court).toBe("Sala 2");

    const note = await hearingOf(s.owner, "note");
    const other = await hearingOf((await createOrg(s.t, "Otra")).actor);
    for (const path of [
      `/cases/${note.caseId}/events/${note.id}/reschedule`,
      `/cases/${other.caseId}/events/${other.id}/reschedule`,
      `/cases/${h.caseId}/events/${other.id}/reschedule`,
      `/cases/${note.caseId}/events/${h.id}/reschedule`,
    ]) {
      expect((await s.es.get(path)).status).toBe(404);
      expect((await s.es.post(path, { date: "2027-05-01", time: "09:00" })).status).toBe(404);
    }
    const viewerTry = await s.viewer.post(`/cases/${h.caseId}/events/${h.id}/reschedule`, {
      date: "2027-05-01",
      time: "09:00",
    });
    expect(viewerTry.status).toBe(403);
  });

  it("moves a hearing through the API; bad input is a 422, another's hearing a 404", async () => {
    const h = await hearingOf(s.owner);
    const api = apiClient(s.t, await apiTokenFor(s.t, s.owner));
    const path = `/api/v1/cases/${h.caseId}/hearings/${h.id}`;
    let res = await api.patch(path, { occurred_at: "2027-06-01T16:00:00Z" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: h.id,
      kind: "hearing_scheduled",
      occurred_at: "2027-06-01T16:00:00.000Z",
      court: "Sala 2",
    });
    res = await api.patch(path, { occurred_at: "2027-06-01T16:00:00Z", court: null });
    expect(res.json.court).toBeNull();
    res = await api.patch(path, { occurred_at: "mañana" });
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toHaveProperty("occurred_at");
    res = await api.patch(path, { occurred_at: "2027-06-01T16:00:00Z", court: "x".repeat(300) });
    expect(res.status).toBe(422);
    const other = await hearingOf((await createOrg(s.t, "Otra API")).actor);
    for (const p of [
      `/api/v1/cases/${other.caseId}/hearings/${other.id}`,
      `/api/v1/cases/${h.caseId}/hearings/${other.id}`,
      `/api/v1/cases/${h.caseId}/hearings/nope`,
    ])
      expect((await api.patch(p, { occurred_at: "2027-06-01T16:00:00Z" })).status).toBe(404);
  });
});

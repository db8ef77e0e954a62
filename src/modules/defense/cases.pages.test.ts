import { describe, expect, it } from "vitest";
import { refusedForm } from "../../../test/support/app";
import { casePages } from "../../../test/support/defense";
import { fieldError, fieldValue, selectedValue, text } from "../../../test/support/html";
import { auditCount } from "../../../test/support/rows";
import { STORES } from "../../../test/support/stores";
import { common } from "../../platform/common.messages";
import { getCase } from "./case-record";
import { listCaseEvents } from "./case-timeline";
import { createFacility } from "./create-facility";
import { casesText } from "./defense.messages";
import { FacilityFieldsSchema } from "./facility";

// The case pages over HTTP, as a browser with JavaScript off would use them: the dashboard,
// the case form, the case and its timeline. Facilities, family, team and access are in
// cases-access.pages.test.ts.

describe.each(STORES)("case pages on %s", (store) => {
  const s = casePages(store);
  const html = async (res: Response) => res.text();

  it("shows an empty dashboard that says what to do, in both languages", async () => {
    const page = await html(await s.es.get("/cases"));
    expect(text(page)).toContain("Todavía no hay casos");
    expect(text(page)).toContain("Abrir un caso");
    expect(text(await html(await s.en.get("/cases")))).toContain("No cases yet");
    expect(page).toContain('href="/cases"');
  });

  it("offers to open a case from a person's page, and escapes HTML in names", async () => {
    const page = await html(await s.es.get(`/people/${s.personId}`));
    expect(page).toContain(`/cases/new?person=${s.personId}`);
    expect(text(page)).toContain("Abrir un caso de defensa");
    const form = await html(await s.es.get(`/cases/new?person=${s.personId}`));
    expect(form).toContain("Doña &lt;b&gt;Inventada&lt;/b&gt;");
    expect(form).not.toContain("<b>Inventada</b>");
    // Members may read cases but not open them; no link for them.
    expect(await html(await s.member.get(`/people/${s.personId}`))).not.toContain("/cases/new");
  });

  it("shows the person's open case on their page, and warns before a second one", async () => {
    const someone = await s.person(s.owner, "Persona Inventada Con Caso");
    const before = await html(await s.es.get(`/people/${someone.id}`));
    expect(before).toContain(`/cases/new?person=${someone.id}`);
    expect(await html(await s.es.get(`/cases/new?person=${someone.id}`))).not.toContain(
      casesText.es.second_case_warning,
    );
    const res = await s.es.post("/cases", { person_id: someone.id, status: "open" });
    const caseId = (res.headers.get("location") ?? "").split("?")[0]?.split("/").pop() ?? "";
    const after = await html(await s.es.get(`/people/${someone.id}`));
    expect(after).toContain(`href="/cases/${caseId}"`);
    expect(text(after)).toContain(casesText.es.case_of("Persona Inventada Con Caso"));
    expect(after).not.toContain(`/cases/new?person=${someone.id}`);
    // Typing the address anyway: the form warns first and links to the open case.
    const second = await html(await s.es.get(`/cases/new?person=${someone.id}`));
    expect(text(second)).toContain(casesText.es.second_case_warning);
    expect(second).toContain(`href="/cases/${caseId}"`);
    // Closed, it no longer counts: a new case may be opened from the person's page.
    await s.es.post(`/cases/${caseId}`, { person_id: someone.id, status: "closed" });
    expect(await html(await s.es.get(`/people/${someone.id}`))).toContain(
      `/cases/new?person=${someone.id}`,
    );
  });

  it("starts the timeline from the new-case form: the detention and the next hearing", async () => {
    const someone = await s.person(s.owner, "Persona Inventada Con Audiencia");
    const opening = { person_id: someone.id, status: "open" };
    const bad = await refusedForm(s.es, "/cases", { ...opening, hearing_date: "2031-02-31" });
    expect(fieldError(bad, "hearing_date")).toBe(common.es.field_invalid_date);
    const res = await s.es.post("/cases", {
      ...opening,
      detained_on: "2026-03-02",
      hearing_date: "2031-04-15",
      hearing_time: "10:30",
      hearing_court: "Sala Inventada 4",
    });
    expect(res.status).toBe(303);
    const caseId = (res.headers.get("location") ?? "").split("?")[0]?.split("/").pop() ?? "";
    const events = await listCaseEvents(s.t.database.db, s.owner.orgId, caseId);
    expect(events.map((e) => e.kind).sort()).toEqual(["detained", "hearing_scheduled"]);
    expect(events.find((e) => e.kind === "hearing_scheduled")?.court).toBe("Sala Inventada 4");
    const kase = await getCase(s.t.database.db, s.owner.orgId, caseId);
    expect(kase?.status).toBe("detained");
    expect(kase?.detainedOn).toBe("2026-03-02");
    expect(kase?.nextHearing?.at.toISOString()).toBe("2031-04-15T17:30:00.000Z");
  });

  it("adds a facility typed in the case form to the directory, keeping the rest typed", async () => {
    const someone = await s.person(s.owner, "Persona Inventada Sin Centro");
    const typed = { person_id: someone.id, status: "open", lawyer_name: "Lic. Inventada" };
    const form = await refusedForm(s.es, "/cases", {
      ...typed,
      new_facility: "Centro Inventado Nuevo",
      a_number: "A-12X",
    });
    // The facility is in the directory and chosen; what was typed is still there.
    const chosen = selectedValue(form, "facility_id");
    expect(chosen).toMatch(/^[0-9a-f-]{36}$/);
    expect(fieldValue(form, "lawyer_name")).toBe("Lic. Inventada");
    const res = await s.es.post("/cases", { ...typed, facility_id: chosen ?? "" });
    expect(res.status).toBe(303);
    const caseId = (res.headers.get("location") ?? "").split("?")[0]?.split("/").pop() ?? "";
    expect((await getCase(s.t.database.db, s.owner.orgId, caseId))?.facility?.name).toBe(
      "Centro Inventado Nuevo",
    );
  });

  it("refuses an A-number with letters, keeping everything typed", async () => {
    const page = await refusedForm(s.es, "/cases", {
      person_id: s.personId,
      status: "detained",
      lawyer_name: "Lic. Quiñones",
      a_number: "A-01B-345-678",
      bond_amount: "1,5",
    });
    expect(fieldError(page, "a_number")).toContain("8 o 9 dígitos");
    expect(fieldError(page, "bond_amount")).toContain("cantidad");
    expect(fieldValue(page, "lawyer_name")).toBe("Lic. Quiñones");
    expect(fieldValue(page, "a_number")).toBe("A-01B-345-678");
    const enRes = await s.en.post("/cases", { person_id: s.personId, a_number: "12AB" });
    expect(fieldError(await html(enRes), "a_number")).toContain("8 or 9 digits");
  });

  it("refuses 10,000-character fields with a message, never a 500", async () => {
    const long = "x".repeat(10_000);
    const page = await refusedForm(s.es, "/cases", {
      person_id: s.personId,
      lawyer_name: long,
      needs: long,
    });
    expect(fieldError(page, "lawyer_name")).toBeTruthy();
    expect(fieldError(page, "needs")).toBeTruthy();
  });

  it("opens a case, hides the A-number until asked, and audits the view", async () => {
    const id = await s.openCase({ a_number: "A-012-345-678", lawyer_name: "Lic. Inventada" });
    const page = await html(await s.es.get(`/cases/${id}?done=created`));
    expect(text(page)).toContain("Caso abierto.");
    expect(text(page)).toContain("Guardado y cifrado");
    expect(page).not.toContain("012-345-678");
    expect(page).not.toContain("012345678");
    const shown = await html(await s.es.post(`/cases/${id}/sensitive`, {}));
    expect(text(shown)).toContain("A-012-345-678");
    expect(await auditCount(s.t, id, "case.sensitive_read")).toBe(1);
    // Off the team: no button, a 403, and the edit form has no sensitive fields.
    const theirView = await html(await s.organizer.get(`/cases/${id}`));
    expect(text(theirView)).toContain("Solo el equipo del caso");
    expect((await s.organizer.post(`/cases/${id}/sensitive`, {})).status).toBe(403);
    expect(await html(await s.organizer.get(`/cases/${id}/edit`))).not.toContain('name="a_number"');
    expect((await s.organizer.get(`/cases/${id}/team`)).status).toBe(403);
    // An organizer saving the form without those fields leaves them as they were.
    const saved = await s.organizer.post(`/cases/${id}`, {
      status: "detained",
      lawyer_name: "Otra",
    });
    expect(saved.status).toBe(303);
    expect(text(await html(await s.es.post(`/cases/${id}/sensitive`, {})))).toContain(
      "A-012-345-678",
    );
  });

  it("records timeline events, updates the status, and lists upcoming hearings", async () => {
    const facility = await createFacility(
      s.t.deps,
      s.owner,
      FacilityFieldsSchema.parse({ name: "Centro Inventado del Valle" }),
    );
    const id = await s.openCase();
    const form = await html(await s.es.get(`/cases/${id}/events/new?kind=detained`));
    expect(fieldValue(form, "date")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const res = await s.es.post(`/cases/${id}/events`, {
      kind: "detained",
      date: "2025-01-10",
      time: "06:15",
      facility_id: facility.id,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("status=detained");
    const page = await html(await s.es.get(res.headers.get("location") ?? ""));
    expect(text(page)).toContain("La situación del caso ahora es: En detención");
    expect(text(page)).toContain("Centro Inventado del Valle");
    expect(text(page)).toContain("Anotado por Dueña de Prueba");

    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await s.es.post(`/cases/${id}/events`, {
      kind: "hearing_scheduled",
      date: soon,
      time: "09:30",
      hearing_kind: "bond",
      court: "Sala <i>3</i>",
    });
    const dashboard = await html(await s.es.get("/cases"));
    expect(text(dashboard)).toContain("Audiencia de fianza · Sala <i>3</i>");
    expect(dashboard).not.toContain("<i>3</i>");
    const home = await html(await s.es.get("/"));
    expect(text(home)).toContain("Audiencias esta semana");
    expect(text(home)).toContain("Sala <i>3</i>");
    expect(text(await html(await s.en.get("/")))).toContain("Hearings this week");
  });

  it("says what is missing in an event, keeping what was typed", async () => {
    const id = await s.openCase();
    const events = `/cases/${id}/events`;
    const empty = await refusedForm(s.es, events, { kind: "note", date: "", time: "", note: "" });
    expect(fieldError(empty, "date")).toBeTruthy();
    expect(fieldError(empty, "note")).toBeTruthy();
    const badAmount = await refusedForm(s.es, events, {
      kind: "bond_set",
      date: "2025-02-01",
      time: "10:00",
      amount: "abc",
      note: "Lo que se escribió",
    });
    expect(fieldError(badAmount, "amount")).toBeTruthy();
    expect(fieldValue(badAmount, "note")).toBe("Lo que se escribió");
    const unknownKind = await s.es.post(events, { kind: "teleported", date: "2025-02-01" });
    expect(unknownKind.status).toBe(400);
  });

  it("searches the dashboard and filters by status", async () => {
    const p = await s.person(s.owner, "Tránsito Buscable");
    const res = await s.es.post("/cases", { person_id: p.id, status: "released" });
    expect(res.status).toBe(303);
    expect(text(await html(await s.es.get("/cases?q=transito&status=all")))).toContain(
      "Tránsito Buscable",
    );
    expect(text(await html(await s.es.get("/cases?q=transito&status=detained")))).toContain(
      "Ningún caso coincide",
    );
    expect((await s.es.get("/cases?status=%00&q=%00")).status).toBe(200);
  });
});

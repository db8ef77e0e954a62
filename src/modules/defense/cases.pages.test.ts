import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createOrg,
  createTestApp,
  signedIn,
  type TestApp,
} from "../../../test/support/app";
import { fieldError, fieldValue, selectedValue, text } from "../../../test/support/html";
import { addMember } from "../../../test/support/members";
import { STORES } from "../../../test/support/stores";
import type { Actor } from "../../platform/actor";
import { common } from "../../platform/common.messages";
import { createPerson } from "../people/create-person";
import { PersonFieldsSchema } from "../people/person";
import { CaseFieldsSchema } from "./case";
import { CaseEventInputSchema } from "./case-event";
import { getCase } from "./case-record";
import { listCaseEvents } from "./case-timeline";
import { createCase } from "./create-case";
import { createFacility } from "./create-facility";
import { casesText } from "./defense.messages";
import { FacilityFieldsSchema } from "./facility";
import { recordCaseEvent } from "./record-case-event";

// The case pages over HTTP, as a browser with JavaScript off would use them.

describe.each(STORES)("case pages on %s", (store) => {
  let t: TestApp;
  let owner: Actor;
  let es: Client;
  let en: Client;
  let organizer: Client;
  let member: Client;
  let viewer: Client;
  let personId: string;
  let theirs: { caseId: string; facilityId: string; personId: string; eventId: string };

  beforeAll(async () => {
    t = await createTestApp(store);
    const org = await createOrg(t);
    owner = org.actor;
    es = await signedIn(t, org.email, undefined, "es");
    // A second owner with no saved language, so Accept-Language decides.
    en = await signedIn(
      t,
      (await addMember(t, owner, "owner", "Owner Two")).email,
      undefined,
      "en",
    );
    organizer = await signedIn(t, (await addMember(t, owner, "organizer")).email);
    member = await signedIn(t, (await addMember(t, owner, "member")).email);
    viewer = await signedIn(t, (await addMember(t, owner, "viewer")).email);
    personId = (await person(owner, "Doña <b>Inventada</b>")).id;

    const other = (await createOrg(t, "Otra")).actor;
    const theirPerson = await person(other, "Ajena");
    const theirFacility = await createFacility(
      t.deps,
      other,
      FacilityFieldsSchema.parse({ name: "Ajeno" }),
    );
    const theirCase = await createCase(
      t.deps,
      other,
      CaseFieldsSchema.parse({ personId: theirPerson.id }),
    );
    const eventId = await recordCaseEvent(
      t.deps,
      other,
      theirCase.id,
      CaseEventInputSchema.parse({ kind: "note", note: "x", occurredAt: new Date() }),
    );
    theirs = {
      caseId: theirCase.id,
      facilityId: theirFacility.id,
      personId: theirPerson.id,
      eventId,
    };
  });
  afterAll(() => t.close());

  const person = (actor: Actor, displayName: string) =>
    createPerson(t.deps, actor, PersonFieldsSchema.parse({ displayName }));
  const html = async (res: Response) => res.text();
  const openCase = async (form: Record<string, string> = {}) => {
    const res = await es.post("/cases", { person_id: personId, status: "open", ...form });
    expect(res.status).toBe(303);
    return (res.headers.get("location") ?? "").split("?")[0]?.split("/").pop() ?? "";
  };

  it("shows an empty dashboard that says what to do, in both languages", async () => {
    const page = await html(await es.get("/cases"));
    expect(text(page)).toContain("Todavía no hay casos");
    expect(text(page)).toContain("Abrir un caso");
    expect(text(await html(await en.get("/cases")))).toContain("No cases yet");
    expect(page).toContain('href="/cases"');
  });

  it("offers to open a case from a person's page, and escapes HTML in names", async () => {
    const page = await html(await es.get(`/people/${personId}`));
    expect(page).toContain(`/cases/new?person=${personId}`);
    expect(text(page)).toContain("Abrir un caso de defensa");
    const form = await html(await es.get(`/cases/new?person=${personId}`));
    expect(form).toContain("Doña &lt;b&gt;Inventada&lt;/b&gt;");
    expect(form).not.toContain("<b>Inventada</b>");
    // Members may read cases but not open them; no link for them.
    expect(await html(await member.get(`/people/${personId}`))).not.toContain("/cases/new");
  });

  it("shows the person's open case on their page, and warns before a second one", async () => {
    const someone = await person(owner, "Persona Inventada Con Caso");
    const before = await html(await es.get(`/people/${someone.id}`));
    expect(before).toContain(`/cases/new?person=${someone.id}`);
    expect(await html(await es.get(`/cases/new?person=${someone.id}`))).not.toContain(
      casesText.es.second_case_warning,
    );
    const res = await es.post("/cases", { person_id: someone.id, status: "open" });
    const caseId = (res.headers.get("location") ?? "").split("?")[0]?.split("/").pop() ?? "";
    const after = await html(await es.get(`/people/${someone.id}`));
    expect(after).toContain(`href="/cases/${caseId}"`);
    expect(text(after)).toContain(casesText.es.case_of("Persona Inventada Con Caso"));
    expect(after).not.toContain(`/cases/new?person=${someone.id}`);
    // Typing the address anyway: the form warns first and links to the open case.
    const second = await html(await es.get(`/cases/new?person=${someone.id}`));
    expect(text(second)).toContain(casesText.es.second_case_warning);
    expect(second).toContain(`href="/cases/${caseId}"`);
    // Closed, it no longer counts: a new case may be opened from the person's page.
    await es.post(`/cases/${caseId}`, { person_id: someone.id, status: "closed" });
    expect(await html(await es.get(`/people/${someone.id}`))).toContain(
      `/cases/new?person=${someone.id}`,
    );
  });

  it("starts the timeline from the new-case form: the detention and the next hearing", async () => {
    const someone = await person(owner, "Persona Inventada Con Audiencia");
    const bad = await es.post("/cases", {
      person_id: someone.id,
      status: "open",
      hearing_date: "2031-02-31",
    });
    expect(bad.status).toBe(422);
    expect(fieldError(await bad.text(), "hearing_date")).toBe(common.es.field_invalid_date);
    const res = await es.post("/cases", {
      person_id: someone.id,
      status: "open",
      detained_on: "2026-03-02",
      hearing_date: "2031-04-15",
      hearing_time: "10:30",
      hearing_court: "Sala Inventada 4",
    });
    expect(res.status).toBe(303);
    const caseId = (res.headers.get("location") ?? "").split("?")[0]?.split("/").pop() ?? "";
    const events = await listCaseEvents(t.database.db, owner.orgId, caseId);
    expect(events.map((e) => e.kind).sort()).toEqual(["detained", "hearing_scheduled"]);
    expect(events.find((e) => e.kind === "hearing_scheduled")?.court).toBe("Sala Inventada 4");
    const kase = await getCase(t.database.db, owner.orgId, caseId);
    expect(kase?.status).toBe("detained");
    expect(kase?.detainedOn).toBe("2026-03-02");
    expect(kase?.nextHearing?.at.toISOString()).toBe("2031-04-15T17:30:00.000Z");
  });

  it("adds a facility typed in the case form to the directory, keeping the rest typed", async () => {
    const someone = await person(owner, "Persona Inventada Sin Centro");
    const first = await es.post("/cases", {
      person_id: someone.id,
      status: "open",
      new_facility: "Centro Inventado Nuevo",
      lawyer_name: "Lic. Inventada",
      a_number: "A-12X",
    });
    expect(first.status).toBe(422);
    const form = await first.text();
    // The facility is in the directory and chosen; what was typed is still there.
    const chosen = selectedValue(form, "facility_id");
    expect(chosen).toMatch(/^[0-9a-f-]{36}$/);
    expect(fieldValue(form, "lawyer_name")).toBe("Lic. Inventada");
    const res = await es.post("/cases", {
      person_id: someone.id,
      status: "open",
      facility_id: chosen ?? "",
      lawyer_name: "Lic. Inventada",
    });
    expect(res.status).toBe(303);
    const caseId = (res.headers.get("location") ?? "").split("?")[0]?.split("/").pop() ?? "";
    expect((await getCase(t.database.db, owner.orgId, caseId))?.facility?.name).toBe(
      "Centro Inventado Nuevo",
    );
  });

  it("refuses an A-number with letters, keeping everything typed", async () => {
    const res = await es.post("/cases", {
      person_id: personId,
      status: "detained",
      lawyer_name: "Lic. Quiñones",
      a_number: "A-01B-345-678",
      bond_amount: "1,5",
    });
    expect(res.status).toBe(422);
    const page = await html(res);
    expect(fieldError(page, "a_number")).toContain("8 o 9 dígitos");
    expect(fieldError(page, "bond_amount")).toContain("cantidad");
    expect(fieldValue(page, "lawyer_name")).toBe("Lic. Quiñones");
    expect(fieldValue(page, "a_number")).toBe("A-01B-345-678");
    const enRes = await en.post("/cases", { person_id: personId, a_number: "12AB" });
    expect(fieldError(await html(enRes), "a_number")).toContain("8 or 9 digits");
  });

  it("refuses 10,000-character fields with a message, never a 500", async () => {
    const long = "x".repeat(10_000);
    const res = await es.post("/cases", { person_id: personId, lawyer_name: long, needs: long });
    expect(res.status).toBe(422);
    const page = await html(res);
    expect(fieldError(page, "lawyer_name")).toBeTruthy();
    expect(fieldError(page, "needs")).toBeTruthy();
  });

  it("opens a case, hides the A-number until asked, and audits the view", async () => {
    const id = await openCase({ a_number: "A-012-345-678", lawyer_name: "Lic. Inventada" });
    const page = await html(await es.get(`/cases/${id}?done=created`));
    expect(text(page)).toContain("Caso abierto.");
    expect(text(page)).toContain("Guardado y cifrado");
    expect(page).not.toContain("012-345-678");
    expect(page).not.toContain("012345678");
    const shown = await html(await es.post(`/cases/${id}/sensitive`, {}));
    expect(text(shown)).toContain("A-012-345-678");
    const audit = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE subject_id = ${id} AND action = 'case.sensitive_read'`,
    );
    expect(audit.rows[0]?.n).toBe(1);
    // Off the team: no button, a 403, and the edit form has no sensitive fields.
    const theirView = await html(await organizer.get(`/cases/${id}`));
    expect(text(theirView)).toContain("Solo el equipo del caso");
    expect((await organizer.post(`/cases/${id}/sensitive`, {})).status).toBe(403);
    expect(await html(await organizer.get(`/cases/${id}/edit`))).not.toContain('name="a_number"');
    expect((await organizer.get(`/cases/${id}/team`)).status).toBe(403);
    // An organizer saving the form without those fields leaves them as they were.
    const saved = await organizer.post(`/cases/${id}`, { status: "detained", lawyer_name: "Otra" });
    expect(saved.status).toBe(303);
    expect(text(await html(await es.post(`/cases/${id}/sensitive`, {})))).toContain(
      "A-012-345-678",
    );
  });

  it("records timeline events, updates the status, and lists upcoming hearings", async () => {
    const facility = await createFacility(
      t.deps,
      owner,
      FacilityFieldsSchema.parse({ name: "Centro Inventado del Valle" }),
    );
    const id = await openCase();
    const form = await html(await es.get(`/cases/${id}/events/new?kind=detained`));
    expect(fieldValue(form, "date")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const res = await es.post(`/cases/${id}/events`, {
      kind: "detained",
      date: "2025-01-10",
      time: "06:15",
      facility_id: facility.id,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("status=detained");
    const page = await html(await es.get(res.headers.get("location") ?? ""));
    expect(text(page)).toContain("La situación del caso ahora es: En detención");
    expect(text(page)).toContain("Centro Inventado del Valle");
    expect(text(page)).toContain("Anotado por Dueña de Prueba");

    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await es.post(`/cases/${id}/events`, {
      kind: "hearing_scheduled",
      date: soon,
      time: "09:30",
      hearing_kind: "bond",
      court: "Sala <i>3</i>",
    });
    const dashboard = await html(await es.get("/cases"));
    expect(text(dashboard)).toContain("Audiencia de fianza · Sala <i>3</i>");
    expect(dashboard).not.toContain("<i>3</i>");
    const home = await html(await es.get("/"));
    expect(text(home)).toContain("Audiencias esta semana");
    expect(text(home)).toContain("Sala <i>3</i>");
    expect(text(await html(await en.get("/")))).toContain("Hearings this week");
  });

  it("says what is missing in an event, keeping what was typed", async () => {
    const id = await openCase();
    let res = await es.post(`/cases/${id}/events`, { kind: "note", date: "", time: "", note: "" });
    expect(res.status).toBe(422);
    let page = await html(res);
    expect(fieldError(page, "date")).toBeTruthy();
    expect(fieldError(page, "note")).toBeTruthy();
    res = await es.post(`/cases/${id}/events`, {
      kind: "bond_set",
      date: "2025-02-01",
      time: "10:00",
      amount: "abc",
      note: "Lo que se escribió",
    });
    page = await html(res);
    expect(res.status).toBe(422);
    expect(fieldError(page, "amount")).toBeTruthy();
    expect(fieldValue(page, "note")).toBe("Lo que se escribió");
    res = await es.post(`/cases/${id}/events`, { kind: "teleported", date: "2025-02-01" });
    expect(res.status).toBe(400);
  });

  it("searches the dashboard and filters by status", async () => {
    const p = await person(owner, "Tránsito Buscable");
    const res = await es.post("/cases", { person_id: p.id, status: "released" });
    expect(res.status).toBe(303);
    expect(text(await html(await es.get("/cases?q=transito&status=all")))).toContain(
      "Tránsito Buscable",
    );
    expect(text(await html(await es.get("/cases?q=transito&status=detained")))).toContain(
      "Ningún caso coincide",
    );
    expect((await es.get("/cases?status=%00&q=%00")).status).toBe(200);
  });

  it("manages the facilities directory", async () => {
    let res = await es.post("/facilities", { name: "", phones: "abc" });
    expect(res.status).toBe(422);
    const page = await html(res);
    expect(fieldError(page, "name")).toBeTruthy();
    expect(fieldError(page, "phones")).toBeTruthy();
    res = await member.post("/facilities", {
      name: "Centro <script>x</script>",
      phones: "555-010-3000",
      visiting_hours: "Sáb y dom 9–15",
    });
    expect(res.status).toBe(303);
    const list = await html(await es.get("/facilities?q=centro"));
    expect(list).toContain("Centro &lt;script&gt;x&lt;/script&gt;");
    expect(list).toContain('href="tel:5550103000"');
    expect(text(await html(await es.get("/facilities?q=zzzz")))).toContain("Ningún centro");
    expect((await viewer.get("/facilities")).status).toBe(200);
    expect((await viewer.get("/facilities/new")).status).toBe(403);
  });

  it("takes upper-case ids of facilities as the same ids (probe fault 9)", async () => {
    const facility = await createFacility(
      t.deps,
      owner,
      FacilityFieldsSchema.parse({ name: "Centro Mayúsculas" }),
    );
    const upper = facility.id.toUpperCase();
    expect((await es.get(`/facilities/${upper}/edit`)).status).toBe(200);
    const edited = await es.post(`/facilities/${upper}`, { name: "Centro Mayúsculas Dos" });
    expect(edited.status).toBe(303);
    const id = await openCase();
    const event = await es.post(`/cases/${id}/events`, {
      kind: "detained",
      date: "2025-02-10",
      time: "08:00",
      facility_id: upper,
    });
    expect(event.status).toBe(303);
    expect(text(await html(await es.get(`/cases/${id}`)))).toContain("Centro Mayúsculas Dos");
    const saved = await es.post(`/cases/${id}`, { status: "detained", facility_id: upper });
    expect(saved.status).toBe(303);
    expect((await es.get(`/cases/${id.toUpperCase()}`)).status).toBe(200);
  });

  it("keeps roles in their place", async () => {
    expect((await member.get("/cases")).status).toBe(200);
    expect((await member.get("/cases/new")).status).toBe(403);
    expect((await viewer.get("/cases")).status).toBe(403);
    expect(await html(await viewer.get("/"))).not.toContain('href="/cases"');
  });

  it("links family and changes the team", async () => {
    const id = await openCase();
    const hija = await person(owner, "Hija Inventada");
    const search = await html(await es.get(`/cases/${id}/family/new?q=hija`));
    expect(text(search)).toContain("Hija Inventada");
    let res = await es.post(`/cases/${id}/family`, { person_id: hija.id, relationship: "" });
    expect(res.status).toBe(422);
    res = await es.post(`/cases/${id}/family`, { person_id: hija.id, relationship: "Hija" });
    expect(res.status).toBe(303);
    expect(text(await html(await es.get(`/cases/${id}`)))).toContain("Hija Inventada");
    const team = await html(await es.get(`/cases/${id}/team`));
    expect(team).toContain('name="user_id"');
  });

  it("answers 404 for another organization's case, facility, person and event", async () => {
    const id = await openCase();
    const { caseId, facilityId, personId: theirPerson, eventId } = theirs;
    const gets = [
      `/cases/${caseId}`,
      `/cases/${caseId}/edit`,
      `/cases/${caseId}/events/new?kind=note`,
      `/cases/${caseId}/events/${eventId}/delete`,
      `/cases/${id}/events/${eventId}/delete`,
      `/cases/${caseId}/family/new`,
      `/cases/${caseId}/team`,
      `/cases/new?person=${theirPerson}`,
      `/facilities/${facilityId}/edit`,
      "/cases/not-a-uuid",
    ];
    for (const path of gets) expect((await es.get(path)).status, path).toBe(404);
    const posts: [string, Record<string, string>][] = [
      [`/cases/${caseId}`, { status: "closed" }],
      [`/cases/${caseId}/sensitive`, {}],
      [`/cases/${caseId}/events`, { kind: "note", date: "2025-01-01", time: "10:00", note: "x" }],
      [`/cases/${id}/events/${eventId}/delete`, {}],
      [`/cases/${caseId}/team`, {}],
      [`/cases/${caseId}/family`, { person_id: personId, relationship: "x" }],
      [`/cases/${id}/family`, { person_id: theirPerson, relationship: "x" }],
      ["/cases", { person_id: theirPerson }],
      ["/cases", { person_id: personId, facility_id: facilityId }],
      [`/cases/${id}`, { facility_id: facilityId }],
      [
        `/cases/${id}/events`,
        { kind: "detained", date: "2025-01-01", time: "10:00", facility_id: facilityId },
      ],
      [`/facilities/${facilityId}`, { name: "x" }],
    ];
    for (const [path, form] of posts) expect((await es.post(path, form)).status, path).toBe(404);
  });
});

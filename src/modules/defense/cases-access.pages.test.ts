import { describe, expect, it } from "vitest";
import { casePages } from "../../../test/support/defense";
import { fieldError, text } from "../../../test/support/html";
import { STORES } from "../../../test/support/stores";
import { createFacility } from "./create-facility";
import { FacilityFieldsSchema } from "./facility";

// The facilities directory, family and team, roles and other organizations' records over
// HTTP, as a browser with JavaScript off would use them.

describe.each(STORES)("facilities, family, team and access pages on %s", (store) => {
  const s = casePages(store);
  const html = async (res: Response) => res.text();

  it("manages the facilities directory", async () => {
    let res = await s.es.post("/facilities", { name: "", phones: "abc" });
    expect(res.status).toBe(422);
    const page = await html(res);
    expect(fieldError(page, "name")).toBeTruthy();
    expect(fieldError(page, "phones")).toBeTruthy();
    res = await s.member.post("/facilities", {
      name: "Centro <script>x</script>",
      phones: "555-010-3000",
      visiting_hours: "Sáb y dom 9–15",
    });
    expect(res.status).toBe(303);
    const list = await html(await s.es.get("/facilities?q=centro"));
    expect(list).toContain("Centro &lt;script&gt;x&lt;/script&gt;");
    expect(list).toContain('href="tel:5550103000"');
    expect(text(await html(await s.es.get("/facilities?q=zzzz")))).toContain("Ningún centro");
    expect((await s.viewer.get("/facilities")).status).toBe(200);
    expect((await s.viewer.get("/facilities/new")).status).toBe(403);
  });

  it("takes upper-case ids of facilities as the same ids (probe fault 9)", async () => {
    const facility = await createFacility(
      s.t.deps,
      s.owner,
      FacilityFieldsSchema.parse({ name: "Centro Mayúsculas" }),
    );
    const upper = facility.id.toUpperCase();
    expect((await s.es.get(`/facilities/${upper}/edit`)).status).toBe(200);
    const edited = await s.es.post(`/facilities/${upper}`, { name: "Centro Mayúsculas Dos" });
    expect(edited.status).toBe(303);
    const id = await s.openCase();
    const event = await s.es.post(`/cases/${id}/events`, {
      kind: "detained",
      date: "2025-02-10",
      time: "08:00",
      facility_id: upper,
    });
    expect(event.status).toBe(303);
    expect(text(await html(await s.es.get(`/cases/${id}`)))).toContain("Centro Mayúsculas Dos");
    const saved = await s.es.post(`/cases/${id}`, { status: "detained", facility_id: upper });
    expect(saved.status).toBe(303);
    expect((await s.es.get(`/cases/${id.toUpperCase()}`)).status).toBe(200);
  });

  it("keeps roles in their place", async () => {
    expect((await s.member.get("/cases")).status).toBe(200);
    expect((await s.member.get("/cases/new")).status).toBe(403);
    expect((await s.viewer.get("/cases")).status).toBe(403);
    expect(await html(await s.viewer.get("/"))).not.toContain('href="/cases"');
  });

  it("links family and changes the team", async () => {
    const id = await s.openCase();
    const hija = await s.person(s.owner, "Hija Inventada");
    const search = await html(await s.es.get(`/cases/${id}/family/new?q=hija`));
    expect(text(search)).toContain("Hija Inventada");
    let res = await s.es.post(`/cases/${id}/family`, { person_id: hija.id, relationship: "" });
    expect(res.status).toBe(422);
    res = await s.es.post(`/cases/${id}/family`, { person_id: hija.id, relationship: "Hija" });
    expect(res.status).toBe(303);
    expect(text(await html(await s.es.get(`/cases/${id}`)))).toContain("Hija Inventada");
    const team = await html(await s.es.get(`/cases/${id}/team`));
    expect(team).toContain('name="user_id"');
  });

  it("answers 404 for another organization's case, facility, person and event", async () => {
    const id = await s.openCase();
    const { caseId, facilityId, personId: theirPerson, eventId } = s.theirs;
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
    for (const path of gets) expect((await s.es.get(path)).status, path).toBe(404);
    const posts: [string, Record<string, string>][] = [
      [`/cases/${caseId}`, { status: "closed" }],
      [`/cases/${caseId}/sensitive`, {}],
      [`/cases/${caseId}/events`, { kind: "note", date: "2025-01-01", time: "10:00", note: "x" }],
      [`/cases/${id}/events/${eventId}/delete`, {}],
      [`/cases/${caseId}/team`, {}],
      [`/cases/${caseId}/family`, { person_id: s.personId, relationship: "x" }],
      [`/cases/${id}/family`, { person_id: theirPerson, relationship: "x" }],
      ["/cases", { person_id: theirPerson }],
      ["/cases", { person_id: s.personId, facility_id: facilityId }],
      [`/cases/${id}`, { facility_id: facilityId }],
      [
        `/cases/${id}/events`,
        { kind: "detained", date: "2025-01-01", time: "10:00", facility_id: facilityId },
      ],
      [`/facilities/${facilityId}`, { name: "x" }],
    ];
    for (const [path, form] of posts) expect((await s.es.post(path, form)).status, path).toBe(404);
  });
});

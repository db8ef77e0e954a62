import { beforeAll, describe, expect, it } from "vitest";
import { makeEvent, makePerson } from "../../../test/support/actions";
import { apiTokenFor, createOrg, refusedForm, signedIn } from "../../../test/support/app";
import { fieldError, text } from "../../../test/support/html";
import { addMember } from "../../../test/support/members";
import { STORES } from "../../../test/support/stores";
import { ownerPages } from "../../../test/support/suites";
import { setEventStatus } from "../actions/set-event-status";
import { reviewsErrors } from "./reviews.errors";
import { leadersText, reviewsText } from "./reviews.messages";

// Reviews, lessons in the next plan, follow-ups on the home page and grow leaders, over HTTP.
const r = reviewsText.es;

describe.each(STORES)("review pages and API on %s", (store) => {
  const s = ownerPages(store);
  let otherOrg: Awaited<ReturnType<typeof createOrg>>;
  beforeAll(async () => {
    otherOrg = await createOrg(s.t, "Otra Organización");
  });

  it("refuses a review before the action is done, with a message, and keeps nothing", async () => {
    const event = await makeEvent(s.t.deps, s.org.actor, { kind: "rally" });
    const page = await s.owner.get(`/actions/${event.id}/review`);
    expect(page.status).toBe(200);
    expect(text(await page.text())).toContain(r.not_done_title);
    const res = await s.owner.post(`/actions/${event.id}/review`, { change: "Traer agua" });
    expect(res.status).toBe(409);
    expect(text(await res.text())).toContain(reviewsErrors.codes.action_not_done.es);
  });

  it("writes a review whose change becomes a lesson, then adopts it in the next plan as a material", async () => {
    const past = await makeEvent(s.t.deps, s.org.actor, { kind: "march" });
    await setEventStatus(s.t.deps, s.org.actor, past.id, "done");
    const empty = await s.owner.post(`/actions/${past.id}/review`, { went_well: "  \n " });
    expect(empty.status).toBe(422);
    const long = await s.owner.post(`/actions/${past.id}/review`, { change: "x".repeat(10_000) });
    expect(long.status).toBe(422);
    expect(fieldError(await long.text(), "change")).toBeTruthy();
    const saved = await s.owner.post(`/actions/${past.id}/review`, {
      went_well: "Mucha gente nueva",
      went_wrong: "Solo un megáfono",
      main_cause: "Nadie tenía asignado el segundo",
      change: "Traer los <b>dos</b> megáfonos",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/actions/${past.id}/review?done=saved&lessons=1`);
    const view = await (await s.owner.get(saved.headers.get("location") ?? "")).text();
    expect(view).toContain("Traer los &lt;b&gt;dos&lt;/b&gt; megáfonos");
    expect(text(view)).toContain(r.lessons_added(1));

    const next = await makeEvent(s.t.deps, s.org.actor, { kind: "march" });
    const lessonsPage = await (await s.owner.get(`/actions/${next.id}/lessons`)).text();
    const lessonId = /\/lessons\/([0-9a-f-]{36})\/adopt/.exec(lessonsPage)?.[1] ?? "";
    expect(lessonId).not.toBe("");
    // Quantity hint: "dos" -> 2.
    expect(lessonsPage).toMatch(/name="m-[0-9a-f-]+-quantity"[^>]*value="2"/);
    const bad = await s.owner.post(`/actions/${next.id}/lessons/${lessonId}/adopt`, {
      as: "material",
      prefix: "m-x",
      "m-x-item": "",
      "m-x-quantity": "dos",
    });
    expect(bad.status).toBe(422);
    const adopted = await s.owner.post(`/actions/${next.id}/lessons/${lessonId}/adopt`, {
      as: "material",
      prefix: "m-x",
      "m-x-item": "Megáfono",
      "m-x-quantity": "2",
    });
    expect(adopted.status).toBe(303);
    const after = await (await s.owner.get(`/actions/${next.id}/lessons`)).text();
    expect(text(after)).toContain(r.plan_lessons_none);
    expect(text(after)).toContain(r.handled_here);
    // Another organization: 404 on the lesson and the review.
    const stranger = await signedIn(s.t, otherOrg.email);
    expect((await stranger.get(`/actions/${past.id}/review`)).status).toBe(404);
    expect(
      (await stranger.post(`/actions/${next.id}/lessons/${lessonId}/acknowledge`, {})).status,
    ).toBe(404);
  });

  it("puts a follow-up on its owner's home page until done", async () => {
    const event = await makeEvent(s.t.deps, s.org.actor, { kind: "vigil" });
    await setEventStatus(s.t.deps, s.org.actor, event.id, "done");
    await s.owner.post(`/actions/${event.id}/review`, { keep: "Las velas" });
    const organizer = await addMember(s.t, s.org.actor, "organizer", "Organizadora Prueba");
    const html = await refusedForm(s.owner, `/actions/${event.id}/review/follow-ups`, {
      text: "",
      owner: organizer.userId,
      due_on: "2026-02-30",
    });
    expect(fieldError(html, "text")).toBeTruthy();
    expect(fieldError(html, "due_on")).toBeTruthy();
    const added = await s.owner.post(`/actions/${event.id}/review/follow-ups`, {
      text: "Agradecer a la parroquia",
      owner: organizer.userId,
      due_on: "2026-12-01",
    });
    expect(added.status).toBe(303);
    const her = await signedIn(s.t, organizer.email);
    const home = await (await her.get("/")).text();
    expect(text(home)).toContain("Agradecer a la parroquia");
    const id = /\/follow-ups\/([0-9a-f-]{36})\/done/.exec(home)?.[1] ?? "";
    // A member who doesn't own it can't close it.
    const member = await addMember(s.t, s.org.actor, "member");
    const memberClient = await signedIn(s.t, member.email);
    expect((await memberClient.post(`/follow-ups/${id}/done`, {})).status).toBe(403);
    expect((await her.post(`/follow-ups/${id}/done`, { back: "/" })).status).toBe(303);
    expect(text(await (await her.get("/")).text())).not.toContain("Agradecer a la parroquia");
  });

  it("lists who never led, and confirms a suggested level only when asked", async () => {
    const ana = await makePerson(s.t.deps, s.org.actor, "Ana Nunca Dirigió", "active");
    const page = await (await s.owner.get("/leaders")).text();
    expect(text(page)).toContain(leadersText.es.never_led_title);
    expect(text(page)).toContain("Ana Nunca Dirigió");
    const stale = await s.owner.post(`/leaders/${ana.id}/level`, { from: "contact", to: "core" });
    expect(stale.status).toBe(409);
    const ok = await s.owner.post(`/leaders/${ana.id}/level`, { from: "active", to: "core" });
    expect(ok.status).toBe(303);
    const viewer = await addMember(s.t, s.org.actor, "viewer");
    expect((await (await signedIn(s.t, viewer.email)).get("/leaders")).status).toBe(403);
  });

  it("PUT /api/v1/events/{id}/review: 409 before done, 201 then 200, lessons for each change, 404 across orgs", async () => {
    const token = await apiTokenFor(s.t, s.org.actor);
    const put = (id: string, body: unknown, tok = token) =>
      s.t.app.request(`/api/v1/events/${id}/review`, {
        method: "PUT",
        headers: { authorization: `Bearer ${tok}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const event = await makeEvent(s.t.deps, s.org.actor, { kind: "training" });
    const early = await put(event.id, { change: ["Más sillas"] });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe(
      "action_not_done",
    );
    await setEventStatus(s.t.deps, s.org.actor, event.id, "done");
    const created = await put(event.id, {
      went_well: ["Buena asistencia"],
      went_wrong: ["Faltaron sillas"],
      keep: ["El café"],
      change: ["Más sillas", "Empezar a tiempo"],
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as {
      lessons: { text: string; status: string }[];
      event_kind: string;
    };
    expect(body.event_kind).toBe("training");
    expect(body.lessons.map((l) => [l.text, l.status])).toEqual([
      ["Más sillas", "open"],
      ["Empezar a tiempo", "open"],
    ]);
    expect((await put(event.id, { change: ["Más sillas"], keep: ["El café"] })).status).toBe(200);
    const wrong = await put(event.id, { change: "Más sillas" });
    expect(wrong.status).toBe(422);
    expect((await put(event.id, { change: ["x".repeat(5000)] })).status).toBe(422);
    expect((await put(event.id, { unknown: 1, change: ["a"] })).status).toBe(422);
    const theirs = await apiTokenFor(s.t, otherOrg.actor);
    expect((await put(event.id, { change: ["a"] }, theirs)).status).toBe(404);
    const doc = (await (await s.t.app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toContain("/api/v1/events/{id}/review");
  });
});

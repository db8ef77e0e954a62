import { describe, expect, it } from "vitest";
import { makeEvent, makePerson } from "../../../test/support/actions";
import { createdWith, createOrg, refusedForm, signedIn } from "../../../test/support/app";
import { fieldError, fieldValue, text } from "../../../test/support/html";
import { addMember } from "../../../test/support/members";
import { STORES } from "../../../test/support/stores";
import { ownerPages } from "../../../test/support/suites";
import { common } from "../../platform/common.messages";
import { outreachText } from "./outreach.messages";

const o = outreachText.es;

describe.each(STORES)("outreach pages on %s", (store) => {
  const s = ownerPages(store);

  const FORM = (over: Record<string, string> = {}) => ({
    kind: "canvassing",
    area: "Colonia <i>Centro</i>",
    date: "2026-11-21",
    start_time: "10:00",
    end_time: "13:00",
    flyers: "120",
    conversations: "30",
    receptive: "12",
    neutral: "10",
    not_interested: "8",
    ...over,
  });

  it("starts with an empty list that says what to do", async () => {
    const html = await (await s.owner.get("/outreach")).text();
    expect(text(html)).toContain(o.empty_title);
    expect(html).toContain('href="/outreach/new"');
  });

  it("keeps what was typed and shows the message next to the field", async () => {
    const html = await refusedForm(
      s.owner,
      "/outreach",
      FORM({ not_interested: "50", end_time: "09:00" }),
    );
    expect(fieldError(html, "conversations")).toBe(common.es.field_outcomes_exceed);
    expect(fieldError(html, "end_time")).toBe(common.es.field_end_before_start);
    expect(fieldValue(html, "area")).toBe("Colonia <i>Centro</i>");
    const negative = await s.owner.post("/outreach", FORM({ flyers: "-3" }));
    expect(negative.status).toBe(422);
    expect(fieldError(await negative.text(), "flyers")).toBeTruthy();
    const huge = await s.owner.post("/outreach", FORM({ area: "x".repeat(10_000) }));
    expect(huge.status).toBe(422);
  });

  it("logs a shift linked to an action with its team, adds a sign-up, shows totals, searches", async () => {
    const event = await makeEvent(s.t.deps, s.org.actor, {
      kind: "canvass",
      titleEs: "Casa por casa en el Centro",
    });
    const ana = await makePerson(s.t.deps, s.org.actor, "Ana Tocapuertas", "active");
    const form = await (await s.owner.get("/outreach/new")).text();
    expect(form).toContain(`name="team_${ana.id}"`);
    const id = await createdWith(
      s.owner,
      "/outreach",
      FORM({ event_id: event.id, [`team_${ana.id}`]: "on" }),
    );
    const page = await (await s.owner.get(`/outreach/${id}`)).text();
    expect(page).toContain("Colonia &lt;i&gt;Centro&lt;/i&gt;");
    expect(text(page)).toContain("Ana Tocapuertas");
    const noContact = await s.owner.post(`/outreach/${id}/sign-ups`, { name: "Luz Vecina" });
    expect(noContact.status).toBe(422);
    const signUp = await s.owner.post(`/outreach/${id}/sign-ups`, {
      name: "Luz Vecina",
      phone: "555 010 4444",
      consent: "on",
    });
    expect(signUp.status).toBe(303);
    expect(text(await (await s.owner.get(`/outreach/${id}`)).text())).toContain("Luz Vecina");
    const list = await (await s.owner.get("/outreach?q=centro")).text();
    expect(text(list)).toContain(o.totals_by_month);
    expect(text(list)).toContain("Casa por casa en el Centro");
    expect(text(await (await s.owner.get("/outreach?q=zzz")).text())).toContain(o.no_results);
  });

  it("answers another organization's shift with 404 and a viewer can't write", async () => {
    const res = await s.owner.post("/outreach", FORM({ area: "Mercado" }));
    const id = /\/outreach\/([0-9a-f-]{36})/.exec(res.headers.get("location") ?? "")?.[1] ?? "";
    const other = await createOrg(s.t, "Otra Organización");
    const stranger = await signedIn(s.t, other.email);
    expect((await stranger.get(`/outreach/${id}`)).status).toBe(404);
    expect((await stranger.post(`/outreach/${id}/delete`, {})).status).toBe(404);
    const viewer = await addMember(s.t, s.org.actor, "viewer");
    const v = await signedIn(s.t, viewer.email);
    expect((await v.get(`/outreach/${id}`)).status).toBe(200);
    expect((await v.post("/outreach", FORM())).status).toBe(403);
    expect((await s.owner.post(`/outreach/${id}/delete`, {})).status).toBe(303);
    expect((await s.owner.get(`/outreach/${id}`)).status).toBe(404);
  });
});

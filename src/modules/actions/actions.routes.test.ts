import { describe, expect, it } from "vitest";
import { makePerson } from "../../../test/support/actions";
import { createdWith, createOrg, refusedForm, signedIn } from "../../../test/support/app";
import { fieldError, fieldValue } from "../../../test/support/html";
import { addMember } from "../../../test/support/members";
import { STORES } from "../../../test/support/stores";
import { ownerPages } from "../../../test/support/suites";
import { common } from "../../platform/common.messages";
import { actionsErrors } from "./actions.errors";
import { actionsText } from "./actions.messages";

// The staff pages over HTTP: create, plan forms with bad input, readiness, check-in,
// permissions and organization scoping.
const es = common.es;
const a = actionsText.es;

describe.each(STORES)("actions pages on %s", (store) => {
  const s = ownerPages(store);

  const FORM = (over: Record<string, string> = {}) => ({
    kind: "march",
    title_es: "Marcha por las familias",
    title_en: "March for families",
    start_date: "2031-05-01",
    start_time: "17:00",
    end_date: "2031-05-01",
    end_time: "19:00",
    time_zone: "America/Los_Angeles",
    place_name: "Parque Central",
    expected_turnout: "15",
    public: "on",
    ...over,
  });

  const create = (form: Record<string, string>) => createdWith(s.owner, "/actions", form);

  it("shows an empty list that says what to do, then the new action with its readiness", async () => {
    const empty = await (await s.owner.get("/actions")).text();
    expect(empty).toContain(a.empty_title);
    expect(empty).toContain('href="/actions/new"');
    const id = await create(FORM({ title_es: "Marcha <b>de mayo</b>" }));
    const plan = await (await s.owner.get(`/actions/${id}?done=created`)).text();
    expect(plan).toContain("Marcha &lt;b&gt;de mayo&lt;/b&gt;");
    expect(plan).not.toContain("<b>de mayo</b>");
    expect(plan).toContain(a.created);
    expect(plan).toContain(a.r_no_lead);
    expect(plan).toContain(a.r_no_first_step);
    // 5:00 PM in Los Angeles, the zone it was typed in.
    expect(plan).toMatch(/5:00/);
    const list = await (await s.owner.get("/actions?when=all&q=mayo")).text();
    expect(list).toContain(a.missing_badge(3));
  });

  it("keeps what was typed and says what is wrong", async () => {
    const html = await refusedForm(
      s.owner,
      "/actions",
      FORM({ end_time: "16:00", title_es: "  ", title_en: "", time_zone: "Luna/Base" }),
    );
    expect(fieldError(html, "time_zone")).toBe(es.field_invalid_time_zone);
    expect(fieldError(html, "start_date")).toBe(es.field_invalid_date);
    const untitled = await s.owner.post("/actions", FORM({ title_es: " ", title_en: "" }));
    expect(fieldError(await untitled.text(), "title_es")).toBe(es.field_required);
    expect(fieldValue(html, "place_name")).toBe("Parque Central");
    const order = await s.owner.post("/actions", FORM({ end_time: "16:00" }));
    expect(order.status).toBe(422);
    expect(fieldError(await order.text(), "end_date")).toBe(
      actionsErrors.fields.end_before_start.es,
    );
    const long = await s.owner.post("/actions", FORM({ title_es: "x".repeat(10_000) }));
    expect(fieldError(await long.text(), "title_es")).toBe(es.field_too_long);
  });

  it("plans through the forms until ready, and refuses bad plan input next to the field", async () => {
    const id = await create(FORM({ expected_turnout: "10" }));
    const lead = await makePerson(s.t.deps, s.org.actor, "Lidia Líder", "leader");
    const html = await refusedForm(s.owner, `/actions/${id}/roles`, {
      person_id: lead.id,
      role: "lead",
      custom_role: "r".repeat(5000),
    });
    expect(fieldError(html, "role-custom_role")).toBe(es.field_too_long);
    expect(fieldValue(html, "custom_role")).toHaveLength(5000);
    expect(
      (await s.owner.post(`/actions/${id}/roles`, { person_id: "", role: "lead" })).status,
    ).toBe(422);
    expect(
      (await s.owner.post(`/actions/${id}/roles`, { person_id: lead.id, role: "lead" })).status,
    ).toBe(303);
    expect(
      (await s.owner.post(`/actions/${id}/roles`, { person_id: lead.id, role: "marshal" })).status,
    ).toBe(303);
    const badStep = await s.owner.post(`/actions/${id}/steps`, { time: "25:99", title: "Llegada" });
    expect(badStep.status).toBe(422);
    expect(fieldError(await badStep.text(), "step-time")).toBe(es.field_invalid_date);
    expect(
      (await s.owner.post(`/actions/${id}/steps`, { time: "16:30", title: "Llegan organizadoras" }))
        .status,
    ).toBe(303);
    const plan = await (await s.owner.get(`/actions/${id}`)).text();
    expect(plan).toContain(a.readiness_ready);
    expect(plan).toContain("4:30");
    for (const material of [
      { item: "Manta", quantity: "1", bringer_id: lead.id },
      { item: "Carteles", quantity: "40", bringer_id: "" },
    ]) {
      expect((await s.owner.post(`/actions/${id}/materials`, material)).status).toBe(303);
    }
    const sheet = await (await s.owner.get(`/actions/${id}/sheet`)).text();
    expect(sheet).toContain("Lidia Líder");
    expect(sheet).toContain("Llegan organizadoras");
    // On paper, a material nobody brings says so (not a bare dash).
    expect(sheet).toContain("× Manta — Lidia Líder");
    expect(sheet).toContain(`× Carteles — ${a.nobody}`);
  });

  it("checks people in once from the check-in screen, with search", async () => {
    const id = await create(FORM());
    const p = await makePerson(s.t.deps, s.org.actor, "Ramona Llegó Temprano", "contact", {
      phones: [{ number: "555-010-7777" }],
    });
    const found = await (await s.owner.get(`/actions/${id}/check-in?q=ramona`)).text();
    expect(found).toContain("Ramona Llegó Temprano");
    const first = await s.owner.post(`/actions/${id}/check-in`, { person_id: p.id, q: "ramona" });
    expect(first.status).toBe(303);
    const after = await (await s.owner.get(first.headers.get("location") ?? "")).text();
    expect(after).toContain(a.checkin_done("Ramona Llegó Temprano"));
    expect(after).toContain(a.arrived(1));
    const second = await s.owner.post(`/actions/${id}/check-in`, { person_id: p.id, q: "7777" });
    const again = await (await s.owner.get(second.headers.get("location") ?? "")).text();
    expect(again).toContain(a.checkin_again("Ramona Llegó Temprano"));
    expect(again).toContain(a.arrived(1));
    expect(second.headers.get("location")).not.toContain("Ramona");
  });

  it("viewers read, only organizers create; another organization gets 404", async () => {
    const id = await create(FORM());
    const viewer = await signedIn(s.t, (await addMember(s.t, s.org.actor, "viewer")).email);
    expect((await viewer.get(`/actions/${id}`)).status).toBe(200);
    expect((await viewer.get("/actions/new")).status).toBe(403);
    expect((await viewer.post(`/actions/${id}/status`, { status: "done" })).status).toBe(403);
    const other = await createOrg(s.t, "Otra Organización");
    const stranger = await signedIn(s.t, other.email);
    expect((await stranger.get(`/actions/${id}`)).status).toBe(404);
    expect((await stranger.get(`/actions/${id}/check-in`)).status).toBe(404);
    expect((await stranger.post(`/actions/${id}/status`, { status: "done" })).status).toBe(404);
    expect((await stranger.get("/actions/not-a-uuid")).status).toBe(404);
  });

  it("cancelling asks once", async () => {
    const id = await create(FORM());
    const confirm = await (await s.owner.get(`/actions/${id}/cancel`)).text();
    expect(confirm).toContain(a.keep_action);
    expect((await s.owner.post(`/actions/${id}/cancel`, {})).status).toBe(303);
    expect(await (await s.owner.get(`/actions/${id}`)).text()).toContain(a.status_cancelled);
  });
  it("an invited organization answers from its actions list and only then sees the plan", async () => {
    const id = await create(FORM({ title_es: "Marcha en coalición" }));
    const other = await createOrg(s.t, "Unión Invitada");
    const guest = await signedIn(s.t, other.email);
    const added = await s.owner.post(`/actions/${id}/cohosts`, { org_slug: other.slug });
    expect(added.status).toBe(303);
    expect((await guest.get(`/actions/${id}`)).status).toBe(404);
    const list = await (await guest.get("/actions")).text();
    expect(list).toContain(a.invitations_title);
    expect(list).toContain("Marcha en coalición");
    const invitation = /\/actions\/invitations\/([0-9a-f-]{36})\/accept/.exec(list)?.[1] ?? "";
    expect(invitation).not.toBe("");
    // The host can't answer for it.
    expect((await s.owner.post(`/actions/invitations/${invitation}/accept`, {})).status).toBe(404);
    const accepted = await guest.post(`/actions/invitations/${invitation}/accept`, {});
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toBe(`/actions/${id}?done=cohost_accepted`);
    const plan = await guest.get(`/actions/${id}?done=cohost_accepted`);
    expect(plan.status).toBe(200);
    expect(await plan.text()).toContain(a.n_cohost_accepted);
    expect(await (await guest.get("/actions")).text()).not.toContain(a.invitations_title);
  });
});

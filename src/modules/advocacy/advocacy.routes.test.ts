import { beforeAll, describe, expect, it } from "vitest";
import { addOffice, newCallCampaign, newCase, newFacility } from "../../../test/support/advocacy";
import {
  type Client,
  createdWith,
  createOrg,
  refusedForm,
  signedIn,
} from "../../../test/support/app";
import { fieldError, fieldValue, selectedValue, text } from "../../../test/support/html";
import { addMember } from "../../../test/support/members";
import { STORES } from "../../../test/support/stores";
import { ownerPages } from "../../../test/support/suites";
import { common } from "../../platform/common.messages";
import { advocacyText } from "./advocacy.messages";
import { getCallCampaign, listTargets } from "./call-campaign-record";
import { countCall } from "./count-call";

// The organizer pages over HTTP: forms, validation, escaping, the chart, permissions and
// organization scoping. The anonymous "I called" is in advocacy.public.test.ts.
const es = common.es;
const a = advocacyText.es;

describe.each(STORES)("advocacy pages on %s", (store) => {
  const s = ownerPages(store);
  let caseId: string;

  beforeAll(async () => {
    caseId = (await newCase(s.t, s.org.actor, "Rosa <b>Inventada</b>")).kase.id;
  });

  const FORM = () => ({
    case_id: caseId,
    kind: "call",
    title_es: "Llamen por Rosa",
    title_en: "Call for Rosa",
    ask_es: "Pidan su liberación.",
    ask_en: "Ask for her release.",
    script_es: "Hola, llamo por Rosa.",
    script_en: "Hello, I'm calling about Rosa.",
    open: "on",
  });

  const create = (client: Client, form: Record<string, string>) =>
    createdWith(client, "/advocacy", form);

  it("shows the nav entry and an empty list that says what to do", async () => {
    const res = await s.owner.get("/advocacy");
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain(`href="/advocacy" aria-current="page"`);
    expect(text(html)).toContain(es.nav_advocacy);
    expect(text(html)).toContain(a.empty_title);
    expect(html).toContain('href="/advocacy/new"');
  });

  it("creates a campaign from the form, HTML escaped, and shows it with its chart", async () => {
    const id = await create(s.owner, {
      ...FORM(),
      title_es: "<script>alert(1)</script> Llamen",
      public: "on",
    });
    const res = await s.owner.get(`/advocacy/${id}?done=created`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Llamen");
    expect(html).toContain("Rosa &lt;b&gt;Inventada&lt;/b&gt;");
    expect(text(html)).toContain(a.created);
    expect(text(html)).toContain(a.targets_none);
    // 14 days of calls, drawn on the server; no style attribute anywhere (CSP).
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*class="calls-chart-svg"/);
    expect((html.match(/<th scope="row">/g) ?? []).length).toBe(14);
    expect(html).not.toMatch(/\sstyle=/);
    const saved = await getCallCampaign(s.t.database.db, s.org.orgId, id);
    expect([saved?.public, saved?.open, saved?.kind]).toEqual([true, true, "call"]);

    const list = await (await s.owner.get("/advocacy?q=llamen")).text();
    expect(list).toContain(`href="/advocacy/${id}"`);
    expect(text(await (await s.owner.get("/advocacy?q=nadie-se-llama-asi")).text())).toContain(
      a.no_results,
    );
    expect(await (await s.owner.get(`/advocacy?case=${caseId}`)).text()).toContain(
      `href="/advocacy/${id}"`,
    );
  });

  it("keeps what was typed and explains empty and 10,000-character fields (422)", async () => {
    // One language is enough for each text; neither is the one mistake.
    const html = await refusedForm(s.owner, "/advocacy", {
      ...FORM(),
      title_es: "   ",
      title_en: "",
      script_es: "",
      script_en: "",
    });
    expect(fieldError(html, "title_es")).toBe(es.field_one_language);
    expect(fieldError(html, "script_es")).toBe(es.field_one_language);
    expect(fieldError(html, "title_en")).toBeNull();
    expect(fieldValue(html, "ask_es")).toBe("Pidan su liberación.");
    expect(selectedValue(html, "case_id")).toBe(caseId);

    const long = "á".repeat(10_000);
    const body = await refusedForm(s.owner, "/advocacy", {
      ...FORM(),
      script_es: long,
      title_en: long,
    });
    expect(fieldError(body, "script_es")).toBe(es.field_too_long);
    expect(fieldError(body, "title_en")).toBe(es.field_too_long);
    expect(fieldValue(body, "script_es")).toBe(long);

    const noCase = await refusedForm(s.owner, "/advocacy", { ...FORM(), case_id: "" });
    expect(fieldError(noCase, "case_id")).toBe(es.field_case_not_found);
  });

  it("saves a Spanish-only campaign; English pages show its Spanish title marked lang=es", async () => {
    const id = await create(s.owner, {
      ...FORM(),
      title_en: "",
      ask_en: "",
      script_en: "",
    });
    const page = await (await s.owner.get(`/advocacy/${id}`)).text();
    expect(page).toContain("Llamen por Rosa");
    const member = await addMember(s.t, s.org.actor, "member", "Reader Invented");
    const english = await signedIn(s.t, member.email, undefined, "en");
    const list = await (await english.get("/advocacy")).text();
    expect(list).toContain('<span lang="es">Llamen por Rosa</span>');
  });

  it("counts places and calls on the list (2 places, 3 counted)", async () => {
    const call = await newCallCampaign(s.t, s.org.actor, caseId, {
      public: true,
      titleEs: "Campaña con conteo",
    });
    await addOffice(s.t, s.org.actor, call.id, { name: "Oficina Inventada Uno" });
    await addOffice(s.t, s.org.actor, call.id, { name: "Oficina Inventada Dos" });
    for (const address of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) {
      await countCall(s.t.deps, { orgId: s.org.actor.orgId, campaignId: call.id, address });
    }
    const list = text(await (await s.owner.get("/advocacy?q=conteo")).text());
    expect(list).toContain(a.targets(2));
    expect(list).toContain(a.calls_counted(3));
  });

  it("edits a campaign, closing it", async () => {
    const id = await create(s.owner, FORM());
    const form = await (await s.owner.get(`/advocacy/${id}/edit`)).text();
    expect(fieldValue(form, "title_en")).toBe("Call for Rosa");
    await refusedForm(s.owner, `/advocacy/${id}`, { ...FORM(), title_es: "", title_en: "" });
    const res = await s.owner.post(`/advocacy/${id}`, {
      ...FORM(),
      title_en: "Call now",
      open: "",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/advocacy/${id}?done=saved`);
    const page = text(await (await s.owner.get(`/advocacy/${id}`)).text());
    expect(page).toContain(a.status_closed);
    expect(page).toContain(a.shown_closed);
  });

  it("adds offices (bad phones refused, values kept) and facilities from the directory", async () => {
    const id = await create(s.owner, FORM());
    const targets = `/advocacy/${id}/targets`;
    const html = await refusedForm(s.owner, targets, {
      source: "office",
      name: "Oficina del Alcalde (ejemplo)",
      phones: "(555) 010-0123, llámame",
      address: "3 Calle Ficticia",
    });
    expect(fieldError(html, "phones")).toBe(es.field_invalid_phone);
    expect(fieldValue(html, "phones")).toBe("(555) 010-0123, llámame");
    expect(fieldValue(html, "address")).toBe("3 Calle Ficticia");
    const empty = await refusedForm(s.owner, targets, { source: "office", name: " " });
    expect(fieldError(empty, "name")).toBe(es.field_required);
    const hugeHtml = await refusedForm(s.owner, targets, {
      source: "office",
      name: "x".repeat(10_000),
      hours: "y".repeat(10_000),
    });
    expect(fieldError(hugeHtml, "name")).toBe(es.field_too_long);
    expect(fieldError(hugeHtml, "hours")).toBe(es.field_too_long);
    for (const phones of ["12", "+1 (555) 010-0123 99999999", "<script>"]) {
      const r = await s.owner.post(targets, { source: "office", name: "Ofi", phones });
      expect(r.status, phones).toBe(422);
    }

    const ok = await s.owner.post(targets, {
      source: "office",
      name: "Oficina <i>del</i> Alcalde (ejemplo)",
      phones: "(555) 010-0123; +52 55 0100 0101",
    });
    expect(ok.status).toBe(303);
    const facility = await newFacility(s.t, s.org.actor);
    const noChoice = await refusedForm(s.owner, targets, { source: "facility", facility_id: "" });
    expect(fieldError(noChoice, "facility_id")).toBe(es.field_required);
    const fromDir = await s.owner.post(targets, { source: "facility", facility_id: facility.id });
    expect(fromDir.status).toBe(303);

    const page = await (await s.owner.get(`/advocacy/${id}`)).text();
    expect(page).toContain("Oficina &lt;i&gt;del&lt;/i&gt; Alcalde (ejemplo)");
    expect(page).toContain('href="tel:5550100123"');
    expect(page).toContain('href="tel:+525501000101"');
    expect(page).toContain("Centro Inventado de Prueba");
    expect(page).toContain(a.copied_from_directory);
    expect(page).not.toContain("Nota interna");
  });

  it("edits, refreshes and removes a target (asking once)", async () => {
    const campaign = await newCallCampaign(s.t, s.org.actor, caseId);
    const target = await addOffice(s.t, s.org.actor, campaign.id);
    const base = `/advocacy/${campaign.id}/targets/${target.id}`;
    expect(fieldValue(await (await s.owner.get(`${base}/edit`)).text(), "name")).toBe(target.name);
    const bad = await refusedForm(s.owner, base, { name: "Ofi", phones: "abc" });
    expect(fieldError(bad, "phones")).toBe(es.field_invalid_phone);
    expect((await s.owner.post(base, { name: "Ofi nueva", phones: "555 010 0177" })).status).toBe(
      303,
    );
    expect((await listTargets(s.t.database.db, s.org.orgId, campaign.id))[0]?.phones).toEqual([
      "555 010 0177",
    ]);
    // Only targets copied from the directory can be copied again.
    expect((await s.owner.post(`${base}/refresh`, {})).status).toBe(404);
    const confirm = await s.owner.get(`${base}/delete`);
    expect(text(await confirm.text())).toContain(a.remove_title("Ofi nueva"));
    expect((await listTargets(s.t.database.db, s.org.orgId, campaign.id)).length).toBe(1);
    expect((await s.owner.post(`${base}/delete`, {})).status).toBe(303);
    expect(await listTargets(s.t.database.db, s.org.orgId, campaign.id)).toEqual([]);
  });

  it("lets members read but not change; viewers see nothing", async () => {
    const campaign = await newCallCampaign(s.t, s.org.actor, caseId);
    const member = await signedIn(s.t, (await addMember(s.t, s.org.actor, "member")).email);
    expect((await member.get(`/advocacy/${campaign.id}`)).status).toBe(200);
    expect((await member.get("/advocacy/new")).status).toBe(403);
    expect((await member.post("/advocacy", FORM())).status).toBe(403);
    expect(
      (await member.post(`/advocacy/${campaign.id}/targets`, { source: "office", name: "x" }))
        .status,
    ).toBe(403);
    const viewer = await signedIn(s.t, (await addMember(s.t, s.org.actor, "viewer")).email);
    expect((await viewer.get("/advocacy")).status).toBe(403);
    expect(await (await viewer.get("/")).text()).not.toContain('href="/advocacy"');
  });

  it("answers 404 for another organization's campaigns, targets and cases, and for junk ids", async () => {
    const theirs = await createOrg(s.t, "Organización Ajena");
    const theirCase = (await newCase(s.t, theirs.actor)).kase.id;
    const campaign = await newCallCampaign(s.t, theirs.actor, theirCase);
    const target = await addOffice(s.t, theirs.actor, campaign.id);
    const mine = await newCallCampaign(s.t, s.org.actor, caseId);
    const gets = [
      `/advocacy/${campaign.id}`,
      `/advocacy/${campaign.id}/edit`,
      `/advocacy/${campaign.id}/targets/new`,
      `/advocacy/${campaign.id}/targets/${target.id}/edit`,
      `/advocacy/${campaign.id}/targets/${target.id}/delete`,
      `/advocacy/${mine.id}/targets/${target.id}/edit`,
      `/advocacy/${mine.id}/targets/${target.id}/delete`,
      `/advocacy?case=${theirCase}`,
      "/advocacy/not-a-uuid",
      `/advocacy/${mine.id}/targets/not-a-uuid/edit`,
    ];
    for (const path of gets) expect((await s.owner.get(path)).status, path).toBe(404);
    const posts: [string, Record<string, string>][] = [
      [`/advocacy/${campaign.id}`, FORM()],
      [`/advocacy/${campaign.id}/targets`, { source: "office", name: "Ofi" }],
      [`/advocacy/${campaign.id}/targets/${target.id}`, { name: "Ofi" }],
      [`/advocacy/${campaign.id}/targets/${target.id}/refresh`, {}],
      [`/advocacy/${campaign.id}/targets/${target.id}/delete`, {}],
      [`/advocacy/${mine.id}/targets/${target.id}`, { name: "Ofi" }],
      [`/advocacy/${mine.id}/targets/${target.id}/delete`, {}],
    ];
    for (const [path, form] of posts)
      expect((await s.owner.post(path, form)).status, path).toBe(404);
    // Their case in my form is a field error, not a campaign.
    const res = await s.owner.post("/advocacy", { ...FORM(), case_id: theirCase });
    expect(res.status).toBe(422);
    expect(fieldError(await res.text(), "case_id")).toBe(es.field_case_not_found);
    // Their facility can't be copied into my campaign.
    const theirFacility = await newFacility(s.t, theirs.actor);
    const copy = await s.owner.post(`/advocacy/${mine.id}/targets`, {
      source: "facility",
      facility_id: theirFacility.id,
    });
    expect(copy.status).toBe(422);
    expect(await listTargets(s.t.database.db, theirs.orgId, campaign.id)).toHaveLength(1);
  });

  it("speaks English when asked", async () => {
    const en = await signedIn(
      s.t,
      (await addMember(s.t, s.org.actor, "organizer")).email,
      undefined,
      "en",
    );
    await en.post("/lang", { lang: "en", next: "/advocacy" });
    const html = await (await en.get("/advocacy/new")).text();
    expect(html).toContain('<html lang="en"');
    expect(text(html)).toContain(advocacyText.en.new_title);
    expect(text(html)).toContain(advocacyText.en.script_hint);
  });
});

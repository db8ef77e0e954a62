import { describe, expect, it } from "vitest";
import { addOffice, newCallCampaign, newCase } from "../../../test/support/advocacy";
import { apiClient } from "../../../test/support/api";
import { apiTokenFor, createOrg } from "../../../test/support/app";
import { roleApi } from "../../../test/support/members";
import { STORES } from "../../../test/support/stores";
import { appSuite } from "../../../test/support/suites";
import { countCall } from "./count-call";

// /api/v1/call-campaigns: list, create, read with targets, record calls, counts; scoped by
// organization; in the OpenAPI document like every other module's routes.
describe.each(STORES)("advocacy API on %s", (store) => {
  const s = appSuite(store, async (t) => {
    const owner = (await createOrg(t)).actor;
    const api = apiClient(t, await apiTokenFor(t, owner));
    const memberApi = await roleApi(t, owner, "member");
    const viewerApi = await roleApi(t, owner, "viewer");
    const caseId = (await newCase(t, owner, "Doña Llamadas (inventada)")).kase.id;
    const other = (await createOrg(t, "Otra")).actor;
    const theirCase = (await newCase(t, other)).kase.id;
    const theirCampaignId = (await newCallCampaign(t, other, theirCase)).id;
    return { owner, api, memberApi, viewerApi, caseId, theirCampaignId };
  });

  const input = (overrides: Record<string, unknown> = {}) => ({
    case_id: s.caseId,
    title: { es: "Llamen al centro", en: "Call the facility" },
    ask: { es: "Pidan su liberación", en: "Ask for release" },
    script: { es: "Hola, llamo por…", en: "Hello, I am calling about…" },
    public: true,
    ...overrides,
  });

  it("creates a campaign, lists it with its counts, and reads it with its targets", async () => {
    const created = await s.api.post("/api/v1/call-campaigns", input());
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      case_id: s.caseId,
      kind: "call",
      title: { es: "Llamen al centro", en: "Call the facility" },
      open: true,
      public: true,
    });
    const id = created.json.id as string;
    await addOffice(s.t, s.owner, id);
    await countCall(s.t.deps, { orgId: s.owner.orgId, campaignId: id, address: "192.0.2.1" });

    const list = await s.memberApi.get(`/api/v1/call-campaigns?case_id=${s.caseId.toUpperCase()}`);
    expect(list.status).toBe(200);
    // The list's targets/calls come from listCallCampaigns, whose counts h-flow fixes
    // (issue 7 item 9); the single campaign below reads them directly.
    expect(list.json.call_campaigns).toEqual([
      expect.objectContaining({ id, person_display_name: "Doña Llamadas (inventada)" }),
    ]);
    expect((await s.api.get("/api/v1/call-campaigns?q=llamadas")).json.call_campaigns).toHaveLength(
      1,
    );
    const one = await s.api.get(`/api/v1/call-campaigns/${id}`);
    expect(one.json).toMatchObject({ id, calls: 1, script: { en: "Hello, I am calling about…" } });
    expect(one.json.targets).toHaveLength(1);
    expect(one.json.targets[0]).toMatchObject({ kind: "office" });
  });

  it("records a phone bank's calls and answers the counts per day", async () => {
    const id = (await s.api.post("/api/v1/call-campaigns", input({ public: false }))).json.id;
    const first = await s.api.post(`/api/v1/call-campaigns/${id}/calls`, {
      count: 12,
      day: "2026-03-02",
    });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ day: "2026-03-02", day_count: 12, total: 12 });
    const again = await s.api.post(`/api/v1/call-campaigns/${id}/calls`, { count: 3 });
    expect(again.json.total).toBe(15);
    expect(again.json.day_count).toBe(3);
    const counts = await s.api.get(`/api/v1/call-campaigns/${id}/calls?days=3`);
    expect(counts.json.total).toBe(15);
    expect(counts.json.days).toHaveLength(3);
    expect(counts.json.days.at(-1)).toEqual({ day: again.json.day, count: 3 });
  });

  it("refuses bad input with field errors in the API's names, never a 500", async () => {
    for (const [body, field] of [
      [input({ title: { es: "", en: "" } }), "title.es"],
      [input({ case_id: "not-a-case" }), "case_id"],
      [input({ case_id: "00000000-0000-4000-8000-000000000000" }), "case_id"],
    ] as const) {
      const res = await s.api.post("/api/v1/call-campaigns", body);
      expect(res.status, field).toBe(422);
      expect(Object.keys(res.json.error.fields ?? {}), field).toContain(field);
    }
    const id = (await s.api.post("/api/v1/call-campaigns", input())).json.id;
    for (const body of [
      { count: 0 },
      { count: 1001 },
      { count: 1.5 },
      { count: 2, day: "2026-02-30" },
    ]) {
      expect((await s.api.post(`/api/v1/call-campaigns/${id}/calls`, body)).status).toBe(422);
    }
  });

  it("scopes by organization and role, and is in the OpenAPI document", async () => {
    expect((await s.api.get(`/api/v1/call-campaigns/${s.theirCampaignId}`)).status).toBe(404);
    expect(
      (await s.api.post(`/api/v1/call-campaigns/${s.theirCampaignId}/calls`, { count: 1 })).status,
    ).toBe(404);
    expect((await s.viewerApi.get("/api/v1/call-campaigns")).status).toBe(403);
    expect((await s.memberApi.post("/api/v1/call-campaigns", input())).status).toBe(403);
    const doc = (await s.api.get("/api/v1/openapi.json")).json;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/call-campaigns",
        "/api/v1/call-campaigns/{id}",
        "/api/v1/call-campaigns/{id}/calls",
      ]),
    );
    expect(doc.paths["/api/v1/call-campaigns/{id}/calls"].post.tags).toEqual(["advocacy"]);
  });
});

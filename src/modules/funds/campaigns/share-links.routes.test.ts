import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addOffice, newCallCampaign, newCase } from "../../../../test/support/advocacy";
import {
  type Client,
  createOrg,
  createTestApp,
  signedIn,
  type TestApp,
} from "../../../../test/support/app";
import { newCampaign } from "../../../../test/support/funds";
import { STORES } from "../../../../test/support/stores";
import { shareText } from "../../../platform/ui/share.messages";
import { updateCase } from "../../defense/update-case";

// Issue 7, flow 1, 2 and 11: a public campaign's staff page (and its case's page) links to
// the public page and the flyer, and warns while no public address is configured.

describe.each(STORES)("sharing a public campaign on %s", (store) => {
  let t: TestApp;
  let withAddress: TestApp;

  beforeAll(async () => {
    t = await createTestApp(store);
    withAddress = await createTestApp(store, { AMPARO_PUBLIC_URL: "https://amparo.example.org/" });
  });
  afterAll(async () => {
    await t.close();
    await withAddress.close();
  });

  // The owner reads Spanish (the organization's language).
  async function setUp(app: TestApp, lang: "es") {
    const org = await createOrg(app);
    const client: Client = await signedIn(app, org.email, undefined, lang);
    const { kase } = await newCase(app, org.actor);
    const shared = await newCampaign(app, org.actor, { public: true, caseId: kase.id });
    const hidden = await newCampaign(app, org.actor, { public: false });
    return { org, client, kase, shared, hidden };
  }

  it("shows view, copy and flyer on a public campaign, with the no-address warning", async () => {
    const { client, shared, hidden } = await setUp(t, "es");
    const body = await (await client.get(`/funds/${shared.id}`)).text();
    const slugPath = /href="(\/p\/[^"]+\/c\/[^"/]+)"/.exec(body)?.[1] ?? "";
    expect(slugPath).toMatch(new RegExp(`/c/${shared.slug}$`));
    expect(body).toContain(shareText.es.view);
    expect(body).toContain(shareText.es.copy);
    expect(body).toContain(shareText.es.flyer);
    expect(body).toContain(`href="${slugPath}/flyer.pdf"`);
    // No AMPARO_PUBLIC_URL: the link stays relative (never the request's Host) and a warning says why.
    expect(body).toContain(`value="${slugPath}"`);
    expect(body).toContain("AMPARO_PUBLIC_URL");
    const flyer = await client.get(`${slugPath}/flyer.pdf`);
    expect(flyer.status).toBe(200);

    const privateBody = await (await client.get(`/funds/${hidden.id}`)).text();
    expect(privateBody).not.toContain(shareText.es.view);
  });

  it("uses the configured public address and drops the warning", async () => {
    const { client, shared } = await setUp(withAddress, "es");
    const body = await (await client.get(`/funds/${shared.id}`, { host: "evil.example" })).text();
    expect(body).toMatch(
      new RegExp(`value="https://amparo\\.example\\.org/p/[^"]+/c/${shared.slug}"`),
    );
    expect(body).not.toContain("evil.example");
    expect(body).toContain(shareText.es.copy);
    expect(body).not.toContain(shareText.es.no_address);
  });

  it("lists the case's funds, shares the public one and offers to raise funds", async () => {
    const { client, kase, shared } = await setUp(t, "es");
    const body = await (await client.get(`/cases/${kase.id}`)).text();
    expect(body).toContain(`href="/funds/${shared.id}"`);
    expect(body).toContain(shareText.es.view);
    expect(body).toContain(`/c/${shared.slug}/flyer.pdf`);
    expect(body).toContain(`href="/funds/new?case=${kase.id}"`);
    expect(body).toContain("Recaudar fondos para este caso");
  });

  it("picks the case on the campaign form; the case's public call-in shows on the fund's page", async () => {
    const org = await createOrg(t);
    const client = await signedIn(t, org.email, undefined, "es");
    const { kase } = await newCase(t, org.actor, "Don Invento Picker");
    await updateCase(t.deps, org.actor, kase.id, { public: true });
    const call = await newCallCampaign(t, org.actor, kase.id, {
      public: true,
      titleEs: "Llamen por Don Invento",
    });
    await addOffice(t, org.actor, call.id);
    const form = await (await client.get("/funds/new")).text();
    expect(form).toContain(`<option value="${kase.id}">Don Invento Picker</option>`);
    const res = await client.post("/funds", {
      title_es: "Fondo de Don Invento",
      title_en: "",
      slug: "fondo-don-invento",
      goal: "1,000",
      currency: "USD",
      case_id: kase.id,
      open: "on",
      public: "on",
    });
    expect(res.status).toBe(303);
    const page = await (await client.get(`/p/${org.slug}/c/fondo-don-invento`)).text();
    expect(page).toContain("Llamen por Don Invento");
    // From the case page, the link opens the form with the case already chosen.
    const fromCase = await (await client.get(`/funds/new?case=${kase.id}`)).text();
    expect(fromCase).toContain(
      `<option value="${kase.id}" selected="">Don Invento Picker</option>`,
    );
  });
});

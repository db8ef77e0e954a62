import { beforeAll, describe, expect, it } from "vitest";
import { addOffice, newCallCampaign, newCase } from "../../../test/support/advocacy";
import { Client, createOrg } from "../../../test/support/app";
import { text } from "../../../test/support/html";
import { STORES } from "../../../test/support/stores";
import { orgApp } from "../../../test/support/suites";
import { totalCalls } from "../advocacy/call-campaign-record";
import type { PublicAdvocacy } from "../advocacy/public-advocacy";
import { advocacyPublicText } from "./advocacy-public.messages";
import { AdvocacySection } from "./advocacy-section";

// The anonymous side: the confirmation page, the "I called" POST (CSRF for a first-time
// visitor, rate limit, safe redirects, scoping) and the section the public page renders.
const p = advocacyPublicText;

describe.each(STORES)("public advocacy over HTTP on %s", (store) => {
  const s = orgApp(store);
  let caseId: string;

  beforeAll(async () => {
    caseId = (await newCase(s.t, s.org.actor)).kase.id;
  });

  const publicCampaign = async (overrides: Record<string, unknown> = {}) => {
    const c = await newCallCampaign(s.t, s.org.actor, caseId, { public: true, ...overrides });
    await addOffice(s.t, s.org.actor, c.id);
    return c;
  };
  const calls = (id: string) => totalCalls(s.t.database.db, s.org.orgId, id);
  const confirmUrl = (id: string, lang = "es") =>
    `/p/${s.org.slug}/c/fondo-rosa/advocacy/${id}?lang=${lang}`;
  const action = (id: string) => `/p/${s.org.slug}/advocacy/${id}/called`;
  const next = (lang = "es") => `/p/${s.org.slug}/c/fondo-rosa?lang=${lang}`;

  it("works for a first-time visitor: the confirmation page sets the cookie its form echoes", async () => {
    const campaign = await publicCampaign();
    const visitor = new Client(s.t, { "accept-language": "en-US" });
    expect(visitor.cookie("amparo_csrf")).toBeUndefined();
    const page = await visitor.get(confirmUrl(campaign.id, "es"));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="es"');
    expect(text(html)).toContain(p.es.confirm_call);
    const token = visitor.cookie("amparo_csrf");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(html).toContain(`name="_csrf" value="${token}"`);
    expect(html).toContain(`action="${action(campaign.id)}"`);
    expect(html).toContain(`name="next" value="${next("es")}"`);
    expect(html).not.toMatch(/\sstyle=/);

    const res = await visitor.post(action(campaign.id), { next: next("es") });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      `/p/${s.org.slug}/c/fondo-rosa?lang=es&called=${campaign.id}#called-${campaign.id}`,
    );
    expect(await calls(campaign.id)).toBe(1);
    expect(res.headers.get("set-cookie") ?? "").not.toMatch(/amparo_session/);
    // The confirmation page says how many have called so far.
    const again = text(await (await visitor.get(confirmUrl(campaign.id, "en"))).text());
    expect(again).toContain(p.en.counted_call(1, "1"));
  });

  it("refuses a POST without the visitor's token (403) and counts nothing", async () => {
    const campaign = await publicCampaign();
    const stranger = new Client(s.t);
    expect(
      (await stranger.post(action(campaign.id), { next: next() }, { csrf: null })).status,
    ).toBe(403);
    expect(
      (await stranger.post(action(campaign.id), { next: next() }, { csrf: "x".repeat(43) })).status,
    ).toBe(403);
    const forged = await s.t.app.request(action(campaign.id), {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
        cookie: `amparo_csrf=${"a".repeat(43)}`,
      },
      body: new URLSearchParams({ _csrf: "a".repeat(43), next: next() }).toString(),
    });
    expect(forged.status).toBe(403);
    expect(await calls(campaign.id)).toBe(0);
  });

  it("refuses the 11th call in an hour with a clear message (429), in the page's language", async () => {
    const campaign = await publicCampaign();
    const visitor = new Client(s.t);
    await visitor.get(confirmUrl(campaign.id));
    for (let i = 0; i < 10; i++) {
      expect((await visitor.post(action(campaign.id), { next: next("en") })).status).toBe(303);
    }
    const res = await visitor.post(action(campaign.id), { next: next("en") });
    const html = await res.text();
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(html).toContain('<html lang="en"');
    expect(text(html)).toContain(p.en.limit_body);
    expect(html).toContain(`href="${next("en")}"`);
    expect(await calls(campaign.id)).toBe(10);
  });

  it("never redirects off the organization's public pages", async () => {
    const campaign = await publicCampaign();
    const visitor = new Client(s.t);
    await visitor.get(confirmUrl(campaign.id));
    for (const bad of [
      "https://evil.example/",
      "//evil.example/p/",
      "/\t/evil.example",
      "/people",
      "/p/otra-org/c/x",
      `/p/${s.org.slug}/${"a".repeat(10_000)}`,
      // Probe fault 2: checked as the browser resolves it, not as written.
      `/p/${s.org.slug}/../..//evil.example`,
      `/p/${s.org.slug}/%2e%2e/%2e%2e//evil.example`,
      `/p/${s.org.slug}/../../people`,
      "",
    ]) {
      const res = await visitor.post(action(campaign.id), { next: bad });
      expect(res.status, bad).toBe(200);
      expect(res.headers.get("location"), bad).toBeNull();
      expect(text(await res.text())).toContain(p.es.thanks_generic);
    }
  });

  it("answers 404 for closed, private, unknown and other organizations' campaigns", async () => {
    const closed = await publicCampaign({ open: false });
    const hidden = await publicCampaign({ public: false });
    const theirs = await createOrg(s.t, "Organización Ajena");
    const theirCampaign = await newCallCampaign(
      s.t,
      theirs.actor,
      (await newCase(s.t, theirs.actor)).kase.id,
      {
        public: true,
      },
    );
    const visitor = new Client(s.t);
    await visitor.get("/login");
    for (const id of [
      closed.id,
      hidden.id,
      theirCampaign.id,
      "00000000-0000-4000-8000-000000000000",
    ]) {
      expect((await visitor.get(confirmUrl(id))).status, id).toBe(404);
      expect((await visitor.post(action(id), { next: next() })).status, id).toBe(404);
    }
    expect((await visitor.post(`/p/${s.org.slug}/advocacy/not-a-uuid/called`, {})).status).toBe(
      404,
    );
    expect((await visitor.post(`/p/no-such-org/advocacy/${closed.id}/called`, {})).status).toBe(
      404,
    );
    // Their campaign under their own slug works; under mine it doesn't (checked above).
    expect((await visitor.get(`/p/${theirs.slug}/c/x1/advocacy/${theirCampaign.id}`)).status).toBe(
      200,
    );
    expect(await calls(closed.id)).toBe(0);
  });
});

describe("AdvocacySection", () => {
  const item: PublicAdvocacy = {
    id: "0b5f7c8e-3d2a-4c1b-9e8f-7a6b5c4d3e2f",
    kind: "call",
    title: { es: "Llamen <script>x</script>", en: "Call now" },
    ask: { es: "Pidan su liberación.", en: "Ask for her release." },
    script: { es: "Hola, llamo por Rosa.", en: "Hello, I'm calling about Rosa." },
    targets: [
      {
        kind: "facility",
        name: "Centro <b>Inventado</b>",
        phones: [
          { display: "(555) 010-0101", tel: "tel:5550100101" },
          { display: "+52 55 0100 0101", tel: "tel:+525501000101" },
        ],
        address: "1 Calle Ficticia",
        hours: "Sábados",
      },
    ],
    counted: 1234,
  };
  const render = async (props: Partial<Parameters<typeof AdvocacySection>[0]> = {}) =>
    String(
      await (
        <AdvocacySection
          items={[item]}
          lang="es"
          orgSlug="vecinos"
          campaignSlug="fondo-rosa"
          {...props}
        />
      ),
    );

  it("renders tap-to-call links, the script in both languages, escaped", async () => {
    const html = await render();
    expect(html).toContain('href="tel:5550100101"');
    expect(html).toContain('href="tel:+525501000101"');
    expect(html).toContain(
      `aria-label="${p.es.call_number("(555) 010-0101", "Centro &lt;b&gt;Inventado&lt;/b&gt;")}"`,
    );
    expect(html).not.toContain("<script>x</script>");
    expect(html).not.toContain("<b>Inventado</b>");
    expect(html).toContain("Hola, llamo por Rosa.");
    expect(html).toContain('lang="en"');
    expect(html).toContain("Hello, I&#39;m calling about Rosa.");
    expect(html).toContain(p.es.counted_call(1234, "1,234"));
    expect(html).not.toMatch(/\sstyle=/);
  });

  it("links to the confirmation page on stored pages, and posts directly when given a token", async () => {
    const stored = await render({ lang: "en" });
    expect(stored).toContain(`href="/p/vecinos/c/fondo-rosa/advocacy/${item.id}?lang=en"`);
    expect(stored).not.toContain("<form");
    expect(stored).toContain(p.en.called_call);
    const live = await render({ csrf: "t".repeat(43), thanked: item.id });
    expect(live).toContain(`action="/p/vecinos/advocacy/${item.id}/called"`);
    expect(live).toContain(`name="_csrf" value="${"t".repeat(43)}"`);
    expect(live).toContain('name="next" value="/p/vecinos/c/fondo-rosa?lang=es"');
    expect(live).toMatch(/id="called-[^"]+" class="pub-adv-thanks is-shown" role="status"/);
  });

  it("renders nothing without campaigns, and a visit button for visits", async () => {
    expect(await render({ items: [] })).toBe("");
    expect(await render({ items: [{ ...item, kind: "visit" }] })).toContain(p.es.called_visit);
  });
});

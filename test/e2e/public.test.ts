import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupOrganization } from "../../src/modules/accounts/setup-organization";
import { addTarget } from "../../src/modules/advocacy/add-target";
import {
  CallCampaignFieldsSchema,
  TargetFieldsSchema,
} from "../../src/modules/advocacy/call-campaign";
import { createCallCampaign } from "../../src/modules/advocacy/create-call-campaign";
import { CaseFieldsSchema } from "../../src/modules/defense/case";
import { createCase } from "../../src/modules/defense/create-case";
import { postBond } from "../../src/modules/funds/bonds/post-bond";
import { CampaignFieldsSchema } from "../../src/modules/funds/campaign";
import { createCampaign } from "../../src/modules/funds/campaigns/create-campaign";
import { approveDisbursement } from "../../src/modules/funds/disbursements/approve-disbursement";
import { payDisbursement } from "../../src/modules/funds/disbursements/pay-disbursement";
import { requestDisbursement } from "../../src/modules/funds/disbursements/request-disbursement";
import { recordDonation } from "../../src/modules/funds/gifts/record-donation";
import { createPerson } from "../../src/modules/people/create-person";
import { PersonFieldsSchema } from "../../src/modules/people/person";
import { publicText } from "../../src/modules/public/public.messages";
import type { Lang } from "../../src/platform/i18n";
import { hasChromium } from "../support/browser";
import { checkPage } from "./checks";
import {
  DESKTOP,
  E2E_TIMEOUT,
  launchBrowser,
  openContext,
  PHONE,
  type RunningServer,
  startServer,
  type Viewport,
} from "./server";

// A neighbor shares the campaign link: the public page, in Spanish and in English, on a
// phone and on a laptop, with JavaScript and without it. No sign-in, nothing from any
// other host, axe clean, and every part of the page there.

const RUNS: { lang: Lang; viewport: Viewport }[] = [
  { lang: "es", viewport: PHONE },
  { lang: "en", viewport: PHONE },
  { lang: "es", viewport: DESKTOP },
  { lang: "en", viewport: DESKTOP },
];

async function seed(server: RunningServer) {
  const org = await setupOrganization(
    server.deps.db,
    {
      org_name: "Comité Vecinal Inventado",
      slug: "comite",
      time_zone: "America/Los_Angeles",
      default_language: "es",
      owner_name: "Tesorera Inventada",
      email: "tesorera@example.org",
      password: "una frase larga para la tesorera",
    },
    { onlyIfFirst: true },
  );
  const actor = { orgId: org.orgId, userId: org.userId, role: "owner" as const };
  const person = await createPerson(
    server.deps,
    actor,
    PersonFieldsSchema.parse({ displayName: "Don Inventado Ejemplo" }),
  );
  const linked = await createCase(
    server.deps,
    actor,
    CaseFieldsSchema.parse({
      personId: person.id,
      status: "detained",
      public: true,
      publicStoryEs: "Don Inventado lleva dos semanas detenido. Su audiencia es pronto.",
      publicStoryEn: "Don Inventado has been detained for two weeks. His hearing is soon.",
      aNumber: "987654321",
    }),
  );
  const campaign = await createCampaign(
    server.deps,
    actor,
    CampaignFieldsSchema.parse({
      slug: "fondo-don-inventado",
      title: { es: "Fondo de defensa de Don Inventado", en: "Don Inventado's defense fund" },
      story: {
        es: "Don Inventado repara bicicletas en el barrio desde hace quince años.\n\nAyúdenos a pagar su abogada y su fianza.",
        en: "Don Inventado has fixed bicycles in the neighborhood for fifteen years.\n\nHelp us pay for his lawyer and his bond.",
      },
      goalCents: 800_000,
      milestonesCents: [100_000, 400_000],
      caseId: linked.id,
      public: true,
    }),
  );
  for (const [amountCents, donorName] of [
    [250_000, "Donante Secreta Inventada"],
    [40_000, null],
    [12_500, null],
  ] as const) {
    await recordDonation(server.deps, actor, {
      campaignId: campaign.id,
      amountCents,
      method: "cash",
      donorName,
      anonymous: true,
    });
  }
  const fee = await requestDisbursement(server.deps, actor, {
    campaignId: campaign.id,
    amountCents: 45_000,
    payee: "Abogada Inventada",
    purpose: "legal_fees",
  });
  await approveDisbursement(server.deps, actor, fee.id);
  await payDisbursement(server.deps, actor, fee.id);
  await postBond(server.deps, actor, { campaignId: campaign.id, amountCents: 150_000 });
  const call = await createCallCampaign(
    server.deps,
    actor,
    CallCampaignFieldsSchema.parse({
      caseId: linked.id,
      titleEs: "Llame a la oficina inventada",
      titleEn: "Call the invented office",
      askEs: "Pida que lo dejen salir con fianza.",
      askEn: "Ask them to release him on bond.",
      scriptEs: "Hola, llamo para pedir la libertad de un vecino.",
      scriptEn: "Hello, I am calling to ask for a neighbor's release.",
      public: true,
    }),
  );
  await addTarget(server.deps, actor, call.id, {
    from: "office",
    fields: TargetFieldsSchema.parse({ name: "Oficina Inventada", phones: ["(555) 010-0142"] }),
  });
  return `/p/comite/c/${campaign.slug}`;
}

/** What every visitor must find on the page, in `lang`. */
async function expectWholePage(page: Page, lang: Lang) {
  const t = publicText[lang];
  const main = await page.locator("main").innerText();
  expect(await page.locator("h1").textContent()).toBe(
    lang === "es" ? "Fondo de defensa de Don Inventado" : "Don Inventado's defense fund",
  );
  expect(main).toContain("$3,025.00");
  expect(main).toContain(t.gifts_count(3));
  expect(main).toContain(lang === "es" ? "repara bicicletas" : "fixed bicycles");
  expect(main).toContain(lang === "es" ? "lleva dos semanas detenido" : "detained for two weeks");
  expect(main).toContain(t.purpose_legal_fees);
  expect(main).toContain("$450.00");
  expect(main).toContain(t.on_bond);
  expect(main).toContain("$1,500.00");
  expect(main).toContain(t.give_heading);
  expect(main).toContain(
    lang === "es" ? "Llame a la oficina inventada" : "Call the invented office",
  );
  expect(main).toContain(`/p/comite/c/fondo-don-inventado`);
  expect(await page.locator("svg.pub-meter").isVisible()).toBe(true);
  expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
  const html = await page.content();
  for (const secret of ["Donante Secreta", "987654321", "Abogada Inventada"]) {
    expect(html).not.toContain(secret);
  }
}

describe.skipIf(!hasChromium)("public campaign page in a real browser", () => {
  let browser: Browser;
  let server: RunningServer;
  let path: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer();
    path = await seed(server);
  }, E2E_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const { lang, viewport } of RUNS) {
    it(`reads well in ${lang} at ${viewport.width}px, axe clean, nothing from other hosts`, {
      timeout: E2E_TIMEOUT,
    }, async () => {
      const { context, page, foreignRequests } = await openContext(browser, server, {
        lang,
        viewport,
      });
      try {
        const res = await page.goto(`${server.url}${path}`);
        expect(res?.status()).toBe(200);
        await checkPage(page, { label: "public campaign", lang, width: viewport.width });
        await expectWholePage(page, lang);

        // The switch link leads to the same page in the other language.
        const other: Lang = lang === "es" ? "en" : "es";
        await Promise.all([page.waitForURL(new RegExp(`lang=${other}`)), page.click("a.pub-lang")]);
        expect(await page.getAttribute("html", "lang")).toBe(other);
        await checkPage(page, {
          label: "public campaign (switched)",
          lang: other,
          width: viewport.width,
        });
        expect(foreignRequests).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("shows everything with JavaScript off, and the flyer downloads", {
    timeout: E2E_TIMEOUT,
  }, async () => {
    for (const lang of ["es", "en"] as const) {
      const context = await browser.newContext({
        viewport: PHONE,
        javaScriptEnabled: false,
        extraHTTPHeaders: { "Accept-Language": lang },
      });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}${path}`);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        await expectWholePage(page, lang);
        const flyer = await page.request.get(`${server.url}${path}/flyer.pdf`);
        expect(flyer.status()).toBe(200);
        expect(flyer.headers()["content-type"]).toBe("application/pdf");
        expect((await flyer.body()).subarray(0, 5).toString()).toBe("%PDF-");
      } finally {
        await context.close();
      }
    }
  });
});

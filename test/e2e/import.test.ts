import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupOrganization } from "../../src/modules/accounts/setup-organization";
import { CampaignFieldsSchema } from "../../src/modules/funds/campaign";
import { createCampaign } from "../../src/modules/funds/create-campaign";
import { fundsText } from "../../src/modules/funds/funds.messages";
import { importText } from "../../src/modules/funds/funds-import.messages";
import type { Lang } from "../../src/platform/i18n";
import { hasChromium } from "../support/browser";
import { checkPage } from "./checks";
import {
  DESKTOP,
  E2E_TIMEOUT,
  launchBrowser,
  openContext,
  PHONE,
  startServer,
  type Viewport,
} from "./server";

// An organizer downloads the donations from a crowdfunding platform and brings them into
// the campaign: upload the CSV, read the preview (one line has a bad date), fix the file,
// upload again, record, and see the campaign's totals. Every page: axe, no sideways
// scrolling, one language.

const RUNS: { lang: Lang; viewport: Viewport }[] = [
  { lang: "es", viewport: PHONE },
  { lang: "en", viewport: PHONE },
  { lang: "es", viewport: DESKTOP },
];
const PASSWORD = "una frase larga para importar";

// Headers in the page's language, so the file's own words don't count as stray text.
const FILES: Record<Lang, { bad: string; good: string }> = {
  es: {
    bad: "Fecha;Monto;Nombre;ID de transacción\n01/03/2025;25.00;Inventada Uno;t-1\n31/02/2025;10.00;Inventado Dos;t-2\n",
    good: "Fecha;Monto;Nombre;ID de transacción\n01/03/2025;25.00;Inventada Uno;t-1\n28/02/2025;10.00;Inventado Dos;t-2\n",
  },
  en: {
    bad: "Date,Amount,Name,Transaction ID\n03/01/2025,25.00,Invented One,t-1\n02/31/2025,10.00,Invented Two,t-2\n",
    good: "Date,Amount,Name,Transaction ID\n03/01/2025,25.00,Invented One,t-1\n02/28/2025,10.00,Invented Two,t-2\n",
  },
};

describe.skipIf(!hasChromium)("CSV gift import in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { lang, viewport } of RUNS) {
    it.concurrent(`import a crowdfunding export in ${lang} at ${viewport.width}px`, {
      timeout: E2E_TIMEOUT,
    }, async () => {
      const server = await startServer();
      const email = "tesoreria@example.org";
      const org = await setupOrganization(
        server.deps.db,
        {
          org_name: lang === "es" ? "Comité Inventado de Fondos" : "Invented Funds Committee",
          slug: "fondos",
          time_zone: "America/Los_Angeles",
          default_language: lang,
          owner_name: "Tesorera Prueba",
          email,
          password: PASSWORD,
        },
        { onlyIfFirst: true },
      );
      const actor = { orgId: org.orgId, userId: org.userId, role: "owner" as const };
      const campaign = await createCampaign(
        server.deps,
        actor,
        CampaignFieldsSchema.parse({
          slug: "fondo-inventado",
          title: { es: "Fondo de defensa inventado", en: "Invented defense fund" },
          goalCents: 500_000,
        }),
      );
      const { context, page, foreignRequests } = await openContext(browser, server, {
        lang,
        viewport,
      });
      const check = (label: string) => checkPage(page, { label, lang, width: viewport.width });
      const t = importText[lang];
      const main = () => page.locator("main").innerText();
      const upload = async (name: string, text: string) => {
        await page.setInputFiles("#f-file", {
          name,
          mimeType: "text/csv",
          buffer: Buffer.from(text, "utf8"),
        });
        await submit(page, t.upload_submit);
      };
      try {
        await page.goto(`${server.url}/login`);
        await page.fill("#f-email", email);
        await page.fill("#f-password", PASSWORD);
        await Promise.all([page.waitForURL(`${server.url}/`), page.click("main button")]);

        // From the campaign page to the upload form.
        await page.goto(`${server.url}/funds/${campaign.id}`);
        await Promise.all([
          page.waitForURL(`**/funds/${campaign.id}/import`),
          page.locator("main a.button", { hasText: t.link }).click(),
        ]);
        await check("import: choose a file");

        // A file with one bad date: the preview names the line and offers no commit.
        await upload("donativos.csv", FILES[lang].bad);
        expect(await main()).toContain(t.line("3"));
        expect(await page.locator("#problems").innerText()).toContain(
          lang === "es" ? "31/02/2025" : "02/31/2025",
        );
        expect(
          await page.locator("main button", { hasText: t.commit_submit("1", "$25.00") }).count(),
        ).toBe(0);
        await check("import preview with a bad line");
        await submit(page, t.discard);
        expect(await main()).toContain(t.discarded);

        // The fixed file: both gifts, the total, then record them.
        await upload("donativos.csv", FILES[lang].good);
        const record = t.commit_submit("2", "$35.00");
        expect(await page.locator("main button", { hasText: record }).count()).toBe(1);
        await check("import preview");
        await submit(page, record);
        expect(await page.locator("h1").innerText()).toBe(t.done_title);
        const done = await main();
        expect(done).toContain("$35.00");
        expect(done).toContain(fundsText[lang].raised);
        await check("import recorded");

        // The same file again adds nothing.
        await page.goto(`${server.url}/funds/${campaign.id}/import`);
        await upload("donativos.csv", FILES[lang].good);
        expect(await main()).toContain(t.rows_none);
        expect(await main()).toContain(t.s_already_imported);
        await check("import preview, already imported");

        expect(foreignRequests).toEqual([]);
      } finally {
        await context.close();
        await server.close();
      }
    });
  }
});

async function submit(page: Page, label: string) {
  await Promise.all([
    page.waitForNavigation(),
    page.locator("main button[type=submit]", { hasText: label }).first().click(),
  ]);
}

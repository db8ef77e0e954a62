import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { fundsText } from "../../src/modules/funds/funds.messages";
import { importText } from "../../src/modules/funds/imports/funds-import.messages";
import type { Lang } from "../../src/platform/i18n";
import { hasChromium } from "../support/browser";
import { addCampaign, eachRun, follow, type Run, useBrowser, withOrganization } from "./flows";
import { DESKTOP, PHONE } from "./server";

// An organizer downloads the donations from a crowdfunding platform and brings them into
// the campaign: upload the CSV, read the preview (one line has a bad date), fix the file,
// upload again, record, and see the campaign's totals. Every page: axe, no sideways
// scrolling, one language.

const RUNS: Run[] = [
  { lang: "es", viewport: PHONE },
  { lang: "en", viewport: PHONE },
  { lang: "es", viewport: DESKTOP },
];

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
  const browser = useBrowser();

  eachRun("import a crowdfunding export", RUNS, (run) => {
    const { lang } = run;
    const org = {
      name: lang === "es" ? "Comité Inventado de Fondos" : "Invented Funds Committee",
      slug: "fondos",
      owner: "Tesorera Prueba",
      email: "tesoreria@example.org",
      password: "una frase larga para importar",
    };
    return withOrganization(browser(), run, org, async ({ server, actor, page, check, signIn }) => {
      const campaign = await addCampaign(server, actor, {
        slug: "fondo-inventado",
        title: { es: "Fondo de defensa inventado", en: "Invented defense fund" },
        goalCents: 500_000,
      });
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
      await signIn();

      // From the campaign page to the upload form.
      await page.goto(`${server.url}/funds/${campaign.id}`);
      await follow(
        page,
        `**/funds/${campaign.id}/import`,
        page.locator("main a.button", { hasText: t.link }),
      );
      await check("import: choose a file");

      // A file with one bad date: the preview names the line and offers no commit.
      await upload("donativos.csv", FILES[lang].bad);
      expect(await main()).toContain(t.line("3"));
      expect(await page.locator("#problems").innerText()).toContain(
        lang === "es" ? "31/02/2025" : "02/31/2025",
      );
      expect(
        await page.locator("main button", { hasText: t.commit_submit(1, "$25.00") }).count(),
      ).toBe(0);
      await check("import preview with a bad line");
      await submit(page, t.discard);
      expect(await main()).toContain(t.discarded);

      // The fixed file: both gifts, the total, then record them.
      await upload("donativos.csv", FILES[lang].good);
      const record = t.commit_submit(2, "$35.00");
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
    });
  });
});

/** Submits with the first submit button in <main> named `label`, waits for the next page. */
async function submit(page: Page, label: string) {
  await Promise.all([
    page.waitForNavigation(),
    page.locator("main button[type=submit]", { hasText: label }).first().click(),
  ]);
}

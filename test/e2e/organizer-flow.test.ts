import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { activityText } from "../../src/modules/funds/campaigns/funds-activity.messages";
import { recordDonation } from "../../src/modules/funds/gifts/record-donation";
import { shareText } from "../../src/platform/ui/share.messages";
import { hasChromium } from "../support/browser";
import { addCampaign, eachRun, PAIRED_RUNS, submit, useBrowser, withOrganization } from "./flows";

// Issue 7, the organizer's flow, as a person sees it: a long campaign page (many gifts)
// where a mistake in the gift, payment or bond form used to reload at the top while the
// message sat far below; the public page and flyer links on the staff page.

/** The element is inside the visible part of the page (the viewport), not just in the DOM. */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.y >= 0 && box.y + box.height <= size.height;
}

describe.skipIf(!hasChromium)("the organizer's flow in a real browser", () => {
  const browser = useBrowser();

  eachRun("a refused money form opens where its message is", PAIRED_RUNS, (run) => {
    const { lang } = run;
    const org = {
      name: lang === "es" ? "Comité Inventado del Río" : "Invented River Committee",
      slug: "rio",
      owner: "Tesorera Inventada",
      email: "fondos@example.org",
      password: "una clave larga para el río",
    };
    return withOrganization(browser(), run, org, async ({ server, actor, page, check, signIn }) => {
      const a = activityText[lang];
      const campaign = await addCampaign(server, actor, {
        slug: "fondo-rio",
        title: { es: "Fondo del Río", en: "River Fund" },
        goalCents: 1_000_000,
        public: true,
      });
      // Enough gifts that the forms sit far below the top of the page.
      for (let i = 0; i < 12; i++) {
        await recordDonation(server.deps, actor, {
          campaignId: campaign.id,
          amountCents: 2_500 + i * 100,
          method: "cash",
          donorName: `Donante Inventado ${i + 1}`,
        });
      }
      await signIn();
      await page.goto(`${server.url}/funds/${campaign.id}`);

      // The public page, the link to copy and the flyer, with the warning that no public
      // address is set (the test server has none).
      const share = page.locator("#share");
      expect(await share.locator("a", { hasText: shareText[lang].view }).count()).toBe(1);
      expect(await share.locator("button", { hasText: shareText[lang].copy }).count()).toBe(1);
      const flyer = share.locator("a", { hasText: shareText[lang].flyer });
      expect(await flyer.getAttribute("href")).toBe(`/p/${org.slug}/c/fondo-rio/flyer.pdf`);
      expect(await share.locator(".share-warning").textContent()).toContain("AMPARO_PUBLIC_URL");
      await check("campaign page with share links");

      const forms = [
        { summary: a.record_gift, field: "gift_amount", form: "form[action$='/gifts']" },
        { summary: a.request_title, field: "pay_amount", form: "form[action$='/disbursements']" },
        { summary: a.post_title, field: "bond_amount", form: "form[action$='/bonds']" },
      ];
      for (const f of forms) {
        await page.goto(`${server.url}/funds/${campaign.id}`);
        const details = page.locator("details", { has: page.locator(f.form) });
        if ((await details.getAttribute("open")) === null) {
          await details.locator("summary", { hasText: f.summary }).click();
        }
        await page.fill(`#f-${f.field}`, "doce dólares");
        await submit(page, f.form);
        const error = `#f-${f.field}-error`;
        expect(await page.locator(error).textContent(), f.field).toBeTruthy();
        expect(await inViewport(page, error), `${f.field} error in view`).toBe(true);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe(`f-${f.field}`);
        expect(await page.inputValue(`#f-${f.field}`)).toBe("doce dólares");
      }
      await check("campaign page with a refused bond");
    });
  });
});

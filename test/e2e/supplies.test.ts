import { describe, expect } from "vitest";
import { suppliesText } from "../../src/modules/supplies/supplies.messages";
import { suppliesPublicText } from "../../src/modules/supplies/supplies-public.messages";
import { common } from "../../src/platform/common.messages";
import { hasChromium } from "../support/browser";
import {
  eachRun,
  follow,
  followButton,
  followNav,
  PAIRED_RUNS,
  submit,
  useBrowser,
  withContext,
  withOrganization,
} from "./flows";

// An organizer starts a supply drive with three needs and a drop-off point. A visitor on a
// phone pledges from the public page; a volunteer receives at the drop-off screen in a few
// taps; the public page shows the new "still needed"; the goods are delivered. Every page:
// axe, no sideways scrolling, one language, no request to another host.

describe.skipIf(!hasChromium)("supply drives in a real browser", () => {
  const browser = useBrowser();

  eachRun("drive, pledge, receive, deliver", PAIRED_RUNS, (run) => {
    const { lang } = run;
    const org = {
      name: lang === "es" ? "Comité Inventado de Abasto" : "Invented Supply Committee",
      slug: "abasto",
      owner: "Rocío Prueba",
      email: "abasto@example.org",
      password: "una frase larga para la colecta",
    };
    return withOrganization(browser(), run, org, async ({ server, page, check, signIn }) => {
      const t = suppliesText[lang];
      const p = suppliesPublicText[lang];
      const main = () => page.locator("main").innerText();
      await signIn();

      await followNav(page, common[lang].nav_supplies, "**/supplies");
      expect(await page.locator(".empty h2").textContent()).toBe(t.empty_title);
      await check("supplies (empty)");

      // The drive: a mistake first, then the drive.
      await followButton(page, t.add, "**/supplies/new");
      await page.fill("#f-title_es", "Ropa de invierno");
      await page.fill("#f-slug", "Ropa Invierno!");
      await submit(page, "main form");
      expect(await page.locator("#f-slug-error").textContent()).toBe(
        common[lang].field_invalid_slug,
      );
      await check("new drive with errors");
      await page.fill("#f-title_en", "Winter clothes");
      await page.fill("#f-slug", "ropa-invierno");
      await page.fill("#f-description_es", "Ropa abrigadora para familias recién llegadas.");
      await page.check("#f-public");
      await submit(page, "main form");
      expect(await page.locator("[role=status]").first().textContent()).toBe(t.created);
      const driveUrl = page.url().replace(/\?.*$/, "");

      // Three needs and a drop-off point, from the dashboard.
      for (const [item, quantity, urgent] of [
        ["Chamarras", "10", true],
        ["Calcetines", "40", false],
        ["Gorros", "15", false],
      ] as const) {
        await page.locator("details:has(#add-need) summary").click();
        await page.fill("#add-need #f-item_es", item);
        await page.fill("#add-need #f-quantity", quantity);
        if (urgent) await page.check("#add-need #f-urgent");
        await submit(page, "#add-need");
      }
      await page.locator("details:has(#add-point) summary").click();
      await page.fill("#add-point #f-name", "Parroquia Inventada");
      await page.fill("#add-point input[name='opens.6']", "09:00");
      await page.fill("#add-point input[name='closes.6']", "13:00");
      await submit(page, "#add-point");
      expect(await main()).toContain("Parroquia Inventada");
      await check("drive dashboard");

      // A visitor on the public page pledges 4 jackets.
      await withContext(
        browser(),
        server,
        { lang: "es", viewport: run.viewport },
        async (visitor) => {
          const v = visitor.page;
          const pe = suppliesPublicText.es;
          await v.goto(`${server.url}/p/abasto/s/ropa-invierno?lang=es`);
          expect(await v.locator(".pub-need").first().innerText()).toContain("Chamarras");
          await visitor.check("public drive page", "es");
          await follow(
            v,
            /\/pledge\?/,
            v.locator(".pub-need a", { hasText: pe.pledge_this }).first(),
          );
          await visitor.check("pledge form", "es");
          await v.fill("#quantity", "4");
          await v.fill("#name", "Lupita Inventada");
          await v.fill("#contact", "555 010 2030");
          await submit(v, "main form");
          expect(await v.locator("#consent-error").textContent()).toBe(pe.field_consent);
          await visitor.check("pledge form with errors", "es");
          await v.check("input[name=consent]");
          await submit(v, "main form");
          expect(await v.locator("h1").textContent()).toBe(pe.thanks_title);
          await visitor.check("pledge thanks", "es");
        },
      );

      // A volunteer receives 5 jackets: the item, then the quantity.
      await followButton(page, t.receive, "**/receive");
      await check("receiving screen");
      await follow(
        page,
        /\/receive\/[0-9a-f-]{36}/,
        page.locator(".supply-pick a", { hasText: "Chamarras" }),
      );
      await check("receiving: how many");
      await Promise.all([
        page.waitForURL(/done=/),
        page.click(".supply-quick button:text-is('5')"),
      ]);
      expect(await page.locator("[role=status]").textContent()).toContain("Chamarras");

      // The public page shows what's still needed now: 10 − 5 received − 4 pledged = 1.
      await withContext(browser(), server, run, async (visitor) => {
        await visitor.page.goto(`${server.url}/p/abasto/s/ropa-invierno?lang=${lang}`);
        expect(await visitor.page.locator(".pub-need").first().innerText()).toContain(
          p.missing(lang === "es" ? "1 pieza" : "1 piece", true),
        );
        await visitor.check("public drive page after receiving");
      });

      // Delivered: 3 jackets picked up.
      await page.goto(`${driveUrl}/receive?kind=delivered`);
      await follow(
        page,
        /\/receive\/[0-9a-f-]{36}/,
        page.locator(".supply-pick a", { hasText: "Chamarras" }),
      );
      await page.selectOption("#f-method", "pickup");
      await check("delivering: how many");
      await Promise.all([
        page.waitForURL(/done=/),
        page.click(".supply-quick button:text-is('3')"),
      ]);
      await page.goto(driveUrl);
      expect(await main()).toContain(t.delivered);
      await check("drive dashboard after delivery");
    });
  });
});

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupOrganization } from "../../src/modules/accounts/setup-organization";
import { fundsText } from "../../src/modules/funds/funds.messages";
import { activityText } from "../../src/modules/funds/funds-activity.messages";
import { requestDisbursement } from "../../src/modules/funds/request-disbursement";
import { common } from "../../src/platform/common.messages";
import type { Lang } from "../../src/platform/i18n";
import { hasChromium } from "../support/browser";
import { checkPage } from "./checks";
import { DESKTOP, launchBrowser, openContext, PHONE, startServer, type Viewport } from "./server";

// The funds path in a real browser: an empty list -> a new campaign (with a mistake first)
// -> a cash gift -> the totals, progress bar and month chart -> the list with progress ->
// the confirmation before a reversal -> home with a payment waiting. Every page is checked
// with axe, for sideways scrolling and for text left in the other language.

const RUNS: { lang: Lang; viewport: Viewport }[] = [
  { lang: "es", viewport: PHONE },
  { lang: "en", viewport: PHONE },
  { lang: "es", viewport: DESKTOP },
  { lang: "en", viewport: DESKTOP },
];
const PASSWORD = "una clave larga para fondos";

/** Opens every "record / request / post" disclosure so axe sees the forms inside too. */
const openDisclosures = (page: Page) =>
  page.evaluate(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });

describe.skipIf(!hasChromium)("funds in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { lang, viewport } of RUNS) {
    it.concurrent(`campaign, cash gift and totals in ${lang} at ${viewport.width}px`, async () => {
      const server = await startServer();
      const email = "tesoreria@example.org";
      const org = await setupOrganization(
        server.deps.db,
        {
          org_name:
            lang === "es" ? "Comité de Defensa del Barrio" : "Neighborhood Defense Committee",
          slug: "barrio",
          time_zone: "America/Los_Angeles",
          default_language: lang,
          owner_name: "Marisol Vega",
          email,
          password: PASSWORD,
        },
        { onlyIfFirst: true },
      );
      const { context, page, foreignRequests } = await openContext(browser, server, {
        lang,
        viewport,
      });
      const check = (label: string) => checkPage(page, { label, lang, width: viewport.width });
      const t = fundsText[lang];
      const a = activityText[lang];
      try {
        await page.goto(`${server.url}/login`);
        await page.fill("#f-email", email);
        await page.fill("#f-password", PASSWORD);
        await Promise.all([page.waitForURL(`${server.url}/`), page.click("main button")]);

        // The nav leads to an empty list that says what to do next.
        await Promise.all([
          page.waitForURL("**/funds"),
          page.locator("nav.mainnav a", { hasText: common[lang].nav_funds }).click(),
        ]);
        expect(await page.locator(".empty h2").textContent()).toBe(t.empty_title);
        await check("funds list (empty)");

        // New campaign: a mistake first; the form keeps what was typed.
        await Promise.all([
          page.waitForURL("**/funds/new"),
          page.locator("main a.button", { hasText: t.add }).first().click(),
        ]);
        await check("new campaign form");
        await page.fill("#f-title_es", "Fondo para la fianza de Rosa");
        await page.fill("#f-title_en", "Bond fund for Rosa");
        await page.fill("#f-slug", "fianza-rosa");
        await page.fill("#f-goal", "10.505");
        await page.fill("#f-milestones", "1,000; 5,000");
        await Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
        expect(await page.locator("#f-goal-error").textContent()).toBe(
          common[lang].field_amount_fractional,
        );
        expect(await page.inputValue("#f-title_es")).toBe("Fondo para la fianza de Rosa");
        await check("new campaign form with errors");
        await page.fill("#f-goal", "10,000");
        await Promise.all([
          page.waitForURL(/\/funds\/[0-9a-f-]{36}\?done=created/),
          page.click("main button[type=submit]"),
        ]);
        const campaignUrl = page.url().split("?")[0] ?? "";
        expect(await page.locator("h1").textContent()).toBe(
          lang === "es" ? "Fondo para la fianza de Rosa" : "Bond fund for Rosa",
        );
        await openDisclosures(page);
        await check("campaign page (new)");

        // A cash gift from the fundraiser, received by the treasurer.
        await page.fill("#f-gift_amount", "1,250.50");
        await page.selectOption("#f-gift_method", "cash");
        await page.fill(
          "#f-gift_event_note",
          lang === "es" ? "Kermés del sábado" : "Saturday bake sale",
        );
        await Promise.all([
          page.waitForURL(/done=gift/),
          page.click(`button:has-text("${a.record_submit}")`),
        ]);
        const stats = await page.locator(".stats").textContent();
        expect(stats).toContain("$1,250.50");
        expect(stats).toContain(t.raised);
        expect(await page.locator(".progress svg").getAttribute("aria-label")).toBe(
          t.progress_label("$1,250.50", "$10,000.00", "12"),
        );
        expect(await page.locator("#gifts .list").textContent()).toContain(a.anonymous);
        expect(await page.locator("#report table").textContent()).toContain("$1,250.50");
        await openDisclosures(page);
        await check("campaign page with a gift");

        // Bad gift: the message sits next to the field.
        await page.fill("#f-gift_amount", "abc");
        await Promise.all([
          page.waitForNavigation(),
          page.click(`button:has-text("${a.record_submit}")`),
        ]);
        expect(await page.locator("#f-gift_amount-error").textContent()).toBe(
          common[lang].field_amount_not_a_number,
        );
        await check("campaign page with a bad gift");

        // The list shows progress; the reversal asks once.
        await page.goto(`${server.url}/funds`);
        expect(await page.locator(".list-item .meta").first().textContent()).toContain("$1,250.50");
        await check("funds list");
        await page.goto(`${campaignUrl}#ledger`);
        await Promise.all([
          page.waitForURL(/\/reverse$/),
          page.locator("#ledger a.button", { hasText: a.reverse }).first().click(),
        ]);
        expect(await page.locator("h1").textContent()).toBe(a.reverse_title);
        await check("reverse confirmation");

        // Home shows a payment waiting for approval.
        await requestDisbursement(
          server.deps,
          { orgId: org.orgId, userId: org.userId, role: "owner" },
          {
            campaignId: campaignUrl.split("/").pop() ?? "",
            amountCents: 60_000,
            payee: lang === "es" ? "Despacho de la licenciada Ortiz" : "Ortiz Law Office",
            purpose: "legal_fees",
          },
        );
        await page.goto(`${server.url}/`);
        expect(await page.locator("main").textContent()).toContain(t.home_title);
        await check("home with a payment waiting");
        expect(foreignRequests).toEqual([]);
      } finally {
        await context.close();
        await server.close();
      }
    }, 240_000);
  }
});

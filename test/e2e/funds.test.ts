import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { activityText } from "../../src/modules/funds/campaigns/funds-activity.messages";
import { requestDisbursement } from "../../src/modules/funds/disbursements/request-disbursement";
import { fundsText } from "../../src/modules/funds/funds.messages";
import { ledgerText } from "../../src/modules/funds/ledger/ledger.messages";
import { common } from "../../src/platform/common.messages";
import { hasChromium } from "../support/browser";
import {
  ALL_RUNS,
  eachRun,
  follow,
  followButton,
  followNav,
  useBrowser,
  withOrganization,
} from "./flows";

// The funds path in a real browser: an empty list -> a new campaign (with a mistake first)
// -> a cash gift -> the totals, progress bar and month chart -> the list with progress ->
// the confirmation before a reversal -> home with a payment waiting. Every page is checked
// with axe, for sideways scrolling and for text left in the other language.

/** Opens every "record / request / post" disclosure so axe sees the forms inside too. */
const openDisclosures = (page: Page) =>
  page.evaluate(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });

describe.skipIf(!hasChromium)("funds in a real browser", () => {
  const browser = useBrowser();

  eachRun(
    "campaign, cash gift and totals",
    ALL_RUNS,
    (run) => {
      const { lang } = run;
      const org = {
        name: lang === "es" ? "Comité de Defensa del Barrio" : "Neighborhood Defense Committee",
        slug: "barrio",
        owner: "Marisol Vega",
        email: "tesoreria@example.org",
        password: "una clave larga para fondos",
      };
      return withOrganization(
        browser(),
        run,
        org,
        async ({ server, actor, page, check, signIn }) => {
          const t = fundsText[lang];
          const a = activityText[lang];
          await signIn();

          // The nav leads to an empty list that says what to do next.
          await followNav(page, common[lang].nav_funds, "**/funds");
          expect(await page.locator(".empty h2").textContent()).toBe(t.empty_title);
          await check("funds list (empty)");

          // New campaign: a mistake first; the form keeps what was typed.
          await followButton(page, t.add, "**/funds/new");
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
          expect(await page.locator(".list-item .meta").first().textContent()).toContain(
            "$1,250.50",
          );
          await check("funds list");
          // The ledger reads as sentences; the double entry is one tap away; the reversal
          // sits behind a menu and its confirmation names the movement and its amount.
          await page.goto(`${campaignUrl}#ledger`);
          const l = ledgerText[lang];
          const sentence = l.gift_no_name("$1,250.50", l.how_cash);
          const line = page.locator("#ledger .ledger-line").first();
          expect(await line.locator(".title").textContent()).toBe(sentence);
          expect(await line.locator(".entries-table").isVisible()).toBe(false);
          await line.locator("details.entries > summary").click();
          expect(await line.locator(".entries-table").textContent()).toContain("+$1,250.50");
          expect(await line.locator(".entries-table").textContent()).toContain(l.account_fund);
          expect(await line.locator(".row-menu-items a").isVisible()).toBe(false);
          await line.locator("details.row-menu > summary").click();
          await check("campaign ledger with the double entry and the menu open");
          await follow(
            page,
            /\/reverse$/,
            line.locator(".row-menu-items a", { hasText: l.reverse }),
          );
          expect(await page.locator("h1").textContent()).toBe(a.reverse_title);
          expect(await page.locator("main p strong").textContent()).toBe(sentence);
          await check("reverse confirmation");
          await Promise.all([
            page.waitForURL(/done=reversed/),
            page.click(`main button:has-text("${a.reverse_confirm}")`),
          ]);

          // The whole ledger, a page of its own: the correction first, then the gift, cancelled.
          await page.goto(`${campaignUrl}/ledger`);
          expect(await page.locator("h1").textContent()).toBe(
            l.page_title(lang === "es" ? "Fondo para la fianza de Rosa" : "Bond fund for Rosa"),
          );
          const titles = await page.locator(".ledger-line .title").allTextContents();
          expect(titles).toEqual([l.correction(sentence), sentence]);
          expect(await page.locator(".ledger-line .badge").first().textContent()).toBe(l.reversed);
          await check("ledger page");

          // Home shows a payment waiting for approval.
          await requestDisbursement(server.deps, actor, {
            campaignId: campaignUrl.split("/").pop() ?? "",
            amountCents: 60_000,
            payee: lang === "es" ? "Despacho de la licenciada Ortiz" : "Ortiz Law Office",
            purpose: "legal_fees",
          });
          await page.goto(`${server.url}/`);
          expect(await page.locator("main").textContent()).toContain(t.home_title);
          await check("home with a payment waiting");
        },
      );
    },
    240_000,
  );
});

import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { accountsText } from "../../src/modules/accounts/accounts.messages";
import { homeText } from "../../src/modules/home/home.messages";
import { consentText } from "../../src/modules/messaging/messaging-consent.messages";
import { peopleText } from "../../src/modules/people/people.messages";
import { common } from "../../src/platform/common.messages";
import type { Lang } from "../../src/platform/i18n";
import { hasChromium } from "../support/browser";
import { chromeTexts } from "./checks";
import {
  ALL_RUNS,
  eachRun,
  followButton,
  navLink,
  submit,
  useBrowser,
  withFreshServer,
} from "./flows";

// The main path a new group walks on its first day, in a real browser against the real
// server: setup -> home -> people -> add a person -> search -> her page -> switch language
// -> sign out -> sign in. Every page is checked with axe, for sideways scrolling and for
// text left in the other language. One fresh server per run: setup works once per database.

const PASSWORD = "una frase larga y secreta";

describe.skipIf(!hasChromium)("foundation in a real browser", () => {
  const browser = useBrowser();

  eachRun("setup, people, search, language and sign-in", ALL_RUNS, (run) => {
    const { lang, viewport } = run;
    return withFreshServer(browser(), run, async ({ server, context, page, check }) => {
      const other: Lang = lang === "es" ? "en" : "es";
      const h1 = () => page.locator("h1").first().textContent();
      const path = () => new URL(page.url()).pathname;

      // First run: every page leads to setup.
      await page.goto(`${server.url}/people`);
      expect(path()).toBe("/setup");
      expect(await h1()).toBe(accountsText[lang].setup_title);
      await check("setup");

      const owner = lang === "es" ? "Lucía Ramírez" : "Dana Brooks";
      const email = `owner-${lang}-${viewport.width}@example.org`;
      await page.fill("#f-org_name", lang === "es" ? "Comité de Prueba" : "Test Committee");
      await page.fill("#f-slug", `prueba-${lang}-${viewport.width}`);
      await page.fill("#f-owner_name", owner);
      await page.fill("#f-email", email);
      await page.fill("#f-password", PASSWORD);
      await Promise.all([page.waitForURL(`${server.url}/`), page.click("button.primary")]);

      // Home, signed in.
      expect(await h1()).toBe(homeText[lang].greeting(owner));
      await check("home");

      // People, empty: the empty state says what to do next.
      await clickNav(page, common[lang].nav_people);
      expect(path()).toBe("/people");
      await expect
        .poll(() => page.locator(".empty h2").textContent())
        .toBe(peopleText[lang].empty_title);
      await check("people list (empty)");

      // New person: the form, then the same form with errors that keeps what was typed.
      await followButton(page, peopleText[lang].add, "**/people/new");
      await check("new person form");
      await page.fill("#f-emails", "not-an-email");
      await page.fill("#f-tags", "vendedores");
      await submit(page);
      expect(await page.locator("#f-display_name-error").textContent()).toBe(
        common[lang].field_required,
      );
      expect(await page.locator("#f-emails-error").textContent()).toBe(
        common[lang].field_invalid_email,
      );
      expect(await page.locator("#f-display_name").getAttribute("aria-invalid")).toBe("true");
      expect(await page.inputValue("#f-emails")).toBe("not-an-email");
      expect(await page.inputValue("#f-tags")).toBe("vendedores");
      expect(await page.locator("[role=alert]").textContent()).toBe(
        common[lang].error_validation_failed,
      );
      await check("new person form with errors");

      await page.fill("#f-display_name", "María Fernández");
      await page.fill("#f-given_name", "María");
      await page.fill("#f-family_name", "Fernández");
      await page.fill("#f-emails", "maria.fernandez@example.org");
      await page.fill("#f-phones", "(555) 010-2030");
      // Consent at intake: nothing comes ticked; she agreed out loud to action reminders.
      for (const box of await page.locator(".consent-intake input[type=checkbox]").all()) {
        expect(await box.isChecked()).toBe(false);
      }
      await page.check("#f-consent_action_reminders");
      await page.selectOption("#f-consent_source", "verbal");
      await submit(page);
      expect(path()).toMatch(/^\/people\/[0-9a-f-]{36}$/);
      expect(await h1()).toBe("María Fernández");
      expect(await page.locator("[role=status]").textContent()).toBe(peopleText[lang].created);
      // The person page shows consent once, from messaging's records (decision 094).
      const consent = await page.locator("#consent").innerText();
      const k = consentText[lang];
      expect(consent).toContain(`${k.purpose_action_reminders}: ${k.state_granted}`);
      expect(consent).toContain(`${k.purpose_broadcasts}: ${k.state_no_consent}`);
      expect(consent).toContain(k.source_verbal);
      await check("person page");
      const herPath = path();

      // A second person, so that searching has something to leave out.
      await page.goto(`${server.url}/people/new`);
      await page.fill("#f-display_name", "Rosa Delgado");
      await page.fill("#f-phones", "555 0199 222");
      await submit(page);
      expect(await h1()).toBe("Rosa Delgado");

      // Search as you type: htmx swaps the results without reloading the page.
      await clickNav(page, common[lang].nav_people);
      await expect.poll(() => resultNames(page)).toEqual(["María Fernández", "Rosa Delgado"]);
      await check("people list");
      await page.evaluate(() => {
        (window as unknown as { stillHere: boolean }).stillHere = true;
      });
      await page.locator("#f-q").pressSequentially("maria fernandez", { delay: 10 });
      await expect.poll(() => resultNames(page)).toEqual(["María Fernández"]);
      expect(await page.evaluate(() => "stillHere" in window)).toBe(true);
      await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("maria fernandez");
      expect(await page.locator("#results .tag").first().textContent()).toBe("vendedores");
      await check("people list (search)");

      // A search with no match says so and offers the way back.
      await page.fill("#f-q", "zzzz");
      await expect.poll(() => page.locator("#results .empty h2").count()).toBe(1);
      expect(await page.locator("#results .empty h2").textContent()).toBe(
        peopleText[lang].no_results,
      );
      await check("people list (no match)");

      // The same search without JavaScript: a plain GET form.
      const noJs = await browser().newContext({
        viewport,
        javaScriptEnabled: false,
        storageState: await context.storageState(),
        extraHTTPHeaders: { "Accept-Language": lang },
      });
      try {
        const plain = await noJs.newPage();
        await plain.goto(`${server.url}/people`);
        await plain.fill("#f-q", "fernandez maria");
        await Promise.all([plain.waitForURL(/q=fernandez/), plain.press("#f-q", "Enter")]);
        expect(await resultNames(plain)).toEqual(["María Fernández"]);
        await plain.fill("#f-q", "0102030");
        await Promise.all([
          plain.waitForURL(/q=0102030/),
          plain.click(`button:has-text("${common[lang].search}")`),
        ]);
        expect(await resultNames(plain)).toEqual(["María Fernández"]);
      } finally {
        await noJs.close();
      }

      // Her page, from the search results.
      await page.fill("#f-q", "maria fernandez");
      await expect.poll(() => resultNames(page)).toEqual(["María Fernández"]);
      await Promise.all([
        page.waitForURL(`**${herPath}`),
        page.locator("#results a.title").first().click(),
      ]);
      const main = page.locator("main");
      await expect.poll(() => main.textContent()).toContain("maria.fernandez@example.org");
      expect(await main.textContent()).toContain("(555) 010-2030");
      expect(await page.locator("main .tag").first().textContent()).toBe("vendedores");

      // Switch language with the header button: same page, other language.
      const before = await chromeTexts(page);
      await Promise.all([
        page.waitForURL(`**${herPath}`),
        page.click(`header button:has-text("${common[lang].switch_to_other}")`),
      ]);
      expect(await page.getAttribute("html", "lang")).toBe(other);
      expect(await h1()).toBe("María Fernández");
      const after = await chromeTexts(page);
      expect(await page.locator("nav.mainnav").textContent()).toContain(common[other].nav_people);
      // Every piece of navigation, button and heading text changed except her name.
      const unchanged = before.filter((text, i) => after[i] === text);
      expect(unchanged).toEqual(["María Fernández"]);
      await check("person page after switching", other);

      // Sign out: the sign-in page stays in the chosen language.
      await Promise.all([
        page.waitForURL("**/login?out=1"),
        page.click(`header button:has-text("${common[other].sign_out}")`),
      ]);
      expect(await h1()).toBe(accountsText[other].signin_title);
      expect(await page.locator("[role=status]").textContent()).toBe(
        accountsText[other].signed_out,
      );
      await check("sign-in", other);
      await page.goto(`${server.url}/people`);
      expect(path()).toBe("/login");

      // A wrong password is refused with a message, then the right one signs in.
      await page.fill("#f-email", email);
      await page.fill("#f-password", "not the password");
      await submit(page);
      expect(await page.locator("[role=alert]").textContent()).toBe(
        accountsText[other].signin_failed,
      );
      expect(await page.inputValue("#f-email")).toBe(email);
      await check("sign-in failed", other);
      await page.fill("#f-password", PASSWORD);
      await Promise.all([
        page.waitForURL(`${server.url}/`),
        page.locator("main button[type=submit]").last().click(),
      ]);
      expect(await h1()).toBe(homeText[other].greeting(owner));
      await check("home after signing in again", other);
    });
  });
});

async function clickNav(page: Page, text: string) {
  await Promise.all([page.waitForLoadState("load"), (await navLink(page, text)).click()]);
}

async function resultNames(page: Page): Promise<string[]> {
  return page.locator("#results a.title").allInnerTexts();
}

import { describe, expect } from "vitest";
import { eventsText } from "../../src/modules/defense/case-events.messages";
import { casesText } from "../../src/modules/defense/defense.messages";
import { facilitiesText } from "../../src/modules/defense/facilities.messages";
import { homeText } from "../../src/modules/home/home.messages";
import { common } from "../../src/platform/common.messages";
import { hasChromium } from "../support/browser";
import {
  addPerson,
  eachRun,
  follow,
  followButton,
  followNav,
  PAIRED_RUNS,
  submit,
  useBrowser,
  withOrganization,
} from "./flows";

// A neighbor is detained: the group adds the facility, opens a case from her page, records
// the detention and a hearing, looks at the protected details, and sees the hearing on the
// dashboard and the home page. Every page: axe, no sideways scrolling, one language.

// Invented names in the page's language, so the one-language check can't trip on them.
const NAMES = {
  es: {
    person: "Doña Inventada <b>Uno</b>",
    search: "inventada",
    daughter: "Hija Inventada",
    daughterSearch: "hija",
    facility: "Centro Inventado del Valle",
  },
  en: {
    person: "Ms. Invented <b>One</b>",
    search: "invented",
    daughter: "Invented Daughter",
    daughterSearch: "daughter",
    facility: "Invented Valley Facility",
  },
} as const;

describe.skipIf(!hasChromium)("defense cases in a real browser", () => {
  const browser = useBrowser();

  // Both languages and both widths, paired to keep the suite's browser time down.
  eachRun("open a case, record events, see hearings", PAIRED_RUNS, (run) => {
    const { lang } = run;
    const names = NAMES[lang];
    const org = {
      name: lang === "es" ? "Comité de Defensa Inventado" : "Invented Defense Committee",
      slug: "defensa",
      owner: "Marisol Prueba",
      email: "coordinadora@example.org",
      password: "una frase larga para los casos",
    };
    return withOrganization(browser(), run, org, async ({ server, actor, page, check, signIn }) => {
      const person = await addPerson(server, actor, { displayName: names.person });
      await addPerson(server, actor, { displayName: names.daughter });
      const t = casesText[lang];
      const te = eventsText[lang];
      const tf = facilitiesText[lang];
      const main = () => page.locator("main").innerText();
      await signIn();
      await check("home, no hearings");

      // The dashboard, empty, reached from the navigation.
      await followNav(page, common[lang].nav_cases, "**/cases");
      expect(await page.locator(".empty h2").innerText()).toBe(t.empty_title);
      await check("cases dashboard (empty)");
      await followButton(page, t.open_case, "**/cases/new");
      await page.fill("#f-q", names.search);
      await submit(page);
      expect(await main()).toContain(names.person);
      await check("open a case: choose the person");

      // The facilities directory: empty, a form with a mistake, then the facility.
      await page.goto(`${server.url}/facilities`);
      expect(await page.locator(".empty h2").innerText()).toBe(tf.empty_title);
      await check("facilities (empty)");
      await page.goto(`${server.url}/facilities/new`);
      await page.fill("#f-phones", "abc");
      await submit(page);
      expect(await page.locator("#f-name-error").innerText()).toBe(common[lang].field_required);
      await check("new facility with errors");
      await page.fill("#f-name", names.facility);
      await page.fill("#f-phones", "(555) 010-0101");
      await page.fill("#f-visiting_hours", "Sáb 8:00–15:00");
      await submit(page);
      expect(await main()).toContain(names.facility);
      await check("facilities");

      // Open a case from her page.
      await page.goto(`${server.url}/people/${person.id}`);
      await follow(
        page,
        "**/cases/new?person=*",
        page.locator("main a", { hasText: t.open_defense_case }),
      );
      expect(await page.locator("h1").innerText()).toBe(t.open_case_for(names.person));
      await check("open a case");
      await page.fill("#f-lawyer_name", "Lic. Abogada Inventada");
      await page.fill("#f-a_number", "A-01B-345-678");
      await page.fill("#f-bond_amount", "1,5");
      await submit(page);
      expect(await page.locator("#f-a_number-error").innerText()).toBe(
        common[lang].field_invalid_a_number,
      );
      expect(await page.inputValue("#f-lawyer_name")).toBe("Lic. Abogada Inventada");
      await check("open a case with errors");
      await page.fill("#f-a_number", "A-012-345-678");
      await page.fill("#f-bond_amount", "7,500");
      await page.fill("#f-public_story_es", "Vendedora del mercado.");
      await submit(page);
      expect(await page.locator("[role=status]").first().innerText()).toBe(t.created);
      expect(await main()).not.toContain("012-345-678");
      await check("case page");

      // Record the detention: the status changes.
      await page.selectOption("#f-kind", "detained");
      await Promise.all([
        page.waitForURL("**/events/new?kind=detained"),
        page.locator("form.record-event button").click(),
      ]);
      await check("record detention");
      await page.selectOption("#f-facility_id", { label: names.facility });
      await submit(page);
      expect(await page.locator("[role=status]").first().innerText()).toBe(
        t.event_saved_status(t.status_detained),
      );
      expect(await page.locator(".timeline").innerText()).toContain(names.facility);

      // A hearing in three days, with a missing date first.
      await page.selectOption("#f-kind", "hearing_scheduled");
      await Promise.all([
        page.waitForURL("**/events/new?kind=hearing_scheduled"),
        page.locator("form.record-event button").click(),
      ]);
      await page.fill("#f-court", "Sala 3");
      await submit(page);
      expect(await page.locator("#f-date-error").innerText()).toBe(common[lang].field_required);
      await check("record hearing with errors");
      const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      await page.fill("#f-date", soon);
      await page.selectOption("#f-hearing_kind", "bond");
      await submit(page);
      expect(await page.locator(".timeline .list-item").first().innerText()).toContain(
        te.kind_hearing_scheduled,
      );
      expect(await main()).toContain(te.hearing_bond);
      await check("case with timeline");

      // Protected details, shown on request.
      await page.click(`button:has-text("${t.show_sensitive}")`);
      await page.waitForLoadState("load");
      expect(await main()).toContain("A-012-345-678");
      await check("case with protected details");

      const caseUrl = page.url().replace(/\/sensitive$/, "");
      await page.goto(`${caseUrl}/edit`);
      expect(await page.inputValue("#f-a_number")).toBe("012345678");
      await check("edit case");
      await page.goto(`${caseUrl}/family/new?q=zz`);
      await check("link family (no match)");
      await page.goto(`${caseUrl}/family/new?q=${names.daughterSearch}`);
      await check("link family");
      await page.fill("#f-relationship-0", lang === "es" ? "Hija" : "Daughter");
      await submit(page);
      expect(await main()).toContain(names.daughter);
      await page.goto(`${caseUrl}/team`);
      await check("case team");
      // The hearing moves to another courtroom: the same entry, rescheduled.
      await page.goto(caseUrl);
      await Promise.all([
        page.waitForURL("**/reschedule"),
        page.locator(".timeline a.muted", { hasText: te.reschedule }).first().click(),
      ]);
      expect(await page.inputValue("#f-court")).toBe("Sala 3");
      await page.fill("#f-date", "");
      await submit(page);
      expect(await page.locator("#f-date-error").innerText()).toBe(common[lang].field_required);
      await check("reschedule hearing with errors");
      await page.fill("#f-date", soon);
      await page.fill("#f-court", "Sala 4");
      await submit(page);
      expect(await page.locator("[role=status]").first().innerText()).toBe(t.hearing_moved);
      expect(await page.locator(".timeline").innerText()).toContain("Sala 4");
      await check("case with a rescheduled hearing");
      const eventLink = page.locator('.timeline a.muted[href$="/delete"]').first();
      await Promise.all([page.waitForURL("**/delete"), eventLink.click()]);
      await check("remove timeline entry");

      // The hearing, on the dashboard and the home page.
      await page.goto(`${server.url}/cases`);
      expect(await page.locator("#hearings").innerText()).toContain(names.person);
      await check("cases dashboard");
      await page.goto(`${server.url}/`);
      expect(await main()).toContain(homeText[lang].hearings_week);
      expect(await main()).toContain("Sala 4");
      await check("home with a hearing");
    });
  });
});

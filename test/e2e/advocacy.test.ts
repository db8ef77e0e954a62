import { describe, expect } from "vitest";
import { advocacyText } from "../../src/modules/advocacy/advocacy.messages";
import { CaseFieldsSchema } from "../../src/modules/defense/case";
import { createCase } from "../../src/modules/defense/create-case";
import { createFacility } from "../../src/modules/defense/create-facility";
import { FacilityFieldsSchema } from "../../src/modules/defense/facility";
import { advocacyPublicText } from "../../src/modules/public/advocacy-public.messages";
import { common } from "../../src/platform/common.messages";
import { hasChromium } from "../support/browser";
import {
  ALL_RUNS,
  addCampaign,
  addPerson,
  eachRun,
  follow,
  followButton,
  followNav,
  submit,
  useBrowser,
  withContext,
  withOrganization,
} from "./flows";

// An organizer starts a call-in campaign for a detained neighbor's case: the form with a
// mistake, then the campaign; a facility from the directory and an office as targets; the
// campaign made public. A visitor with no cookie at all confirms "I called", and the
// organizer sees the call counted today. Every page: axe, no sideways scrolling, one language.

describe.skipIf(!hasChromium)("advocacy in a real browser", () => {
  const browser = useBrowser();

  eachRun("create a call campaign and count a call", ALL_RUNS, (run) => {
    const { lang } = run;
    const org = {
      name: lang === "es" ? "Comité Inventado de Llamadas" : "Invented Call Committee",
      slug: "llamadas",
      owner: "Rocío Prueba",
      email: "organizadora@example.org",
      password: "una frase larga para llamar",
    };
    return withOrganization(browser(), run, org, async ({ server, actor, page, check, signIn }) => {
      const person = await addPerson(server, actor, { displayName: "Doña Inventada Tres" });
      const kase = await createCase(
        server.deps,
        actor,
        CaseFieldsSchema.parse({ personId: person.id }),
      );
      await createFacility(
        server.deps,
        actor,
        FacilityFieldsSchema.parse({
          name: "Centro Inventado del Río",
          address: "10 Calle Ficticia, Ciudad Ejemplo",
          phones: ["(555) 010-0131"],
          visitingHours: "Domingos 9:00–14:00",
        }),
      );
      await addCampaign(server, actor, {
        slug: "fondo-tres",
        title: { es: "Fondo de Doña Inventada Tres", en: "Doña Inventada Tres's fund" },
        goalCents: 500_000,
        caseId: kase.id,
        public: true,
      });
      const t = advocacyText[lang];
      const main = () => page.locator("main").textContent();
      await signIn();

      // The list, empty, reached from the navigation.
      await followNav(page, common[lang].nav_advocacy, "**/advocacy");
      expect(await page.locator(".empty h2").textContent()).toBe(t.empty_title);
      await check("advocacy list (empty)");

      // The form: a mistake first, then the campaign.
      await followButton(page, t.add, "**/advocacy/new");
      await check("new call campaign");
      await page.selectOption("#f-case_id", { label: "Doña Inventada Tres" });
      await page.fill("#f-title_es", "Llamen al Centro del Río");
      await submit(page, "main form");
      // The Spanish title alone is enough; the ask and the script are still missing.
      expect(await page.locator("#f-title_en-error").count()).toBe(0);
      expect(await page.locator("#f-ask_es-error").textContent()).toBe(
        common[lang].field_one_language,
      );
      expect(await page.inputValue("#f-title_es")).toBe("Llamen al Centro del Río");
      await check("new call campaign with errors");
      await page.fill("#f-title_en", "Call the River Center");
      await page.fill("#f-ask_es", "Pidan que la liberen bajo palabra.");
      await page.fill("#f-ask_en", "Ask for her release on parole.");
      await page.fill("#f-script_es", "Hola, llamo por Doña Inventada Tres.");
      await page.fill("#f-script_en", "Hello, I'm calling about Doña Inventada Tres.");
      await submit(page, "main form");
      expect(await page.locator("[role=status]").first().textContent()).toBe(t.created);
      expect(await main()).toContain(t.targets_none);
      await check("call campaign (no targets)");
      const campaignUrl = page.url().replace(/\?.*$/, "");
      const campaignId = campaignUrl.split("/").pop() ?? "";

      // Targets: the facility from the directory, then an office with a bad phone first.
      await follow(
        page,
        "**/targets/new",
        page.locator("main a.button", { hasText: t.add_target }),
      );
      await check("add a target");
      await page.selectOption("#f-facility_id", { label: "Centro Inventado del Río" });
      await submit(page, "main form:has(#f-facility_id)");
      expect(await main()).toContain("Centro Inventado del Río");
      await page.goto(`${campaignUrl}/targets/new`);
      await page.fill("#f-name", "Oficina Inventada del Concejal");
      await page.fill("#f-phones", "555-ABC");
      await submit(page, "main form:has(#f-name)");
      expect(await page.locator("#f-phones-error").textContent()).toBe(
        common[lang].field_invalid_phone,
      );
      await check("add a target with errors");
      await page.fill("#f-phones", "(555) 010-0177");
      await submit(page, "main form:has(#f-name)");
      expect(await page.locator('main a[href="tel:5550100177"]').count()).toBe(1);
      await check("call campaign with targets");

      // Made public.
      await page.goto(`${campaignUrl}/edit`);
      await check("edit call campaign");
      await page.check("#f-public");
      await submit(page, "main form");
      expect(await main()).toContain(t.shown_public);

      // A visitor who has never been here confirms a call: no cookie, no JavaScript needed.
      await withContext(browser(), server, run, async (visitor) => {
        const v = visitor.page;
        await v.goto(`${server.url}/p/llamadas/c/fondo-tres/advocacy/${campaignId}?lang=${lang}`);
        expect((await visitor.context.cookies()).map((c) => c.name)).toContain("amparo_csrf");
        await visitor.check("I called: confirm");
        const button =
          lang === "es"
            ? advocacyPublicText.es.confirm_call_button
            : advocacyPublicText.en.confirm_call_button;
        await Promise.all([
          v.waitForURL(/\/p\/llamadas\/c\/fondo-tres\?/),
          v.click(`button:has-text("${button}")`),
        ]);
        expect(v.url()).toContain(`called=${campaignId}`);
        expect(v.url()).toContain(`#called-${campaignId}`);
      });

      // The organizer sees it: one call today, on the chart and in the numbers.
      await page.goto(campaignUrl);
      expect(await page.locator(".stat .n").first().textContent()).toBe("1");
      await page.locator(".calls-numbers summary").click();
      await check("call campaign with a call");
      await page.goto(`${server.url}/advocacy`);
      expect(await main()).toContain(
        lang === "es" ? "Llamen al Centro del Río" : "Call the River Center",
      );
      await check("advocacy list");
    });
  });
});

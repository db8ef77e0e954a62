import { describe, expect } from "vitest";
import { electionsText } from "../../src/modules/elections/elections.messages";
import { voteText } from "../../src/modules/elections/vote.messages";
import { common } from "../../src/platform/common.messages";
import { hasChromium } from "../support/browser";
import {
  addPerson,
  eachRun,
  followButton,
  followNav,
  PAIRED_RUNS,
  submit,
  useBrowser,
  withOrganization,
} from "./flows";

// An owner creates an election, opens it, prints the voting links; a voter votes on a
// phone without needing JavaScript (review, confirm, receipt); the owner closes it and the
// public results show the winner, the rounds and the receipt. Every page: axe, no
// sideways scrolling, one language, no request to another host.
describe.skipIf(!hasChromium)("elections in a real browser", () => {
  const browser = useBrowser();

  eachRun("create, open, vote, close, results", PAIRED_RUNS, (run) => {
    const { lang } = run;
    const org = {
      name: lang === "es" ? "Asamblea Inventada" : "Invented Assembly",
      slug: "asamblea",
      owner: "Dueña Prueba",
      email: "asamblea@example.org",
      password: "una frase larga para votar",
    };
    return withOrganization(browser(), run, org, async ({ server, page, check, actor, signIn }) => {
      const t = electionsText[lang];
      const v = voteText[lang];
      const ana = await addPerson(server, actor, {
        displayName: "Ana Inventada",
        engagementLevel: "active",
      });
      const beto = await addPerson(server, actor, {
        displayName: "Beto Ficticio",
        engagementLevel: "active",
      });
      await addPerson(server, actor, { displayName: "Caro Ejemplo", engagementLevel: "active" });
      await signIn();

      await followNav(page, common[lang].nav_elections, "**/elections");
      expect(await page.locator(".empty h2").textContent()).toBe(t.empty_title);
      await check("elections (empty)");

      await followButton(page, t.add, "**/elections/new");
      await page.fill("#f-title_es", "Coordinación 2027");
      await page.fill("#f-title_en", "Coordinator 2027");
      await page.fill("#f-opens_date", "2020-01-01");
      await page.fill("#f-office_name_es", "Coordinación");
      await page.fill("#f-office_name_en", "Coordinator");
      await page.check(`#f-cand_${ana.id}`);
      await page.check(`#f-cand_${beto.id}`);
      await check("new election");
      await submit(page, "main form");
      expect(await page.locator("[role=status]").first().textContent()).toBe(t.created);
      await check("election (draft)");

      await submit(page, `form[action$="/open"]`);
      expect(await page.locator("main").innerText()).toContain(t.roll_size("3"));
      await submit(page, `form[action$="/credentials"]`);
      const link = await page.locator(".slip-link").first().inputValue();
      expect(await page.locator(".slip-qr svg").count()).toBe(3);
      await check("voting links");
      const electionUrl = page.url().replace(/\/credentials$/, "");

      // The voter, in Spanish (the ballot is in the voter's language: usted).
      await page.goto(`${link}?lang=${lang}`);
      expect(await page.locator("main").innerText()).toContain(v.intro);
      await check("ballot");
      await page.selectOption(`select[name$=".${beto.id}"]`, "1");
      await page.selectOption(`select[name$=".${ana.id}"]`, "2");
      await submit(page, "form.vote-form");
      expect(await page.locator("h1").textContent()).toBe(v.review_title);
      await check("review");
      await submit(page, "form.vote-form:has(input[name=step][value=cast])");
      const receipt = await page.locator(".vote-receipt strong").textContent();
      expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await check("receipt");

      await page.goto(electionUrl);
      await submit(page, `form[action$="/close"]`);
      expect(await page.locator("[role=status]").first().textContent()).toBe(t.closed);
      await followButton(page, t.see_results, "**/vote/results/**");
      const results = await page.locator("main").innerText();
      expect(results).toContain("Beto Ficticio");
      expect(results).toContain(receipt!);
      await check("results");
    });
  });
});

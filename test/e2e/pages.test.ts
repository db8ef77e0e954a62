import { describe, expect } from "vitest";
import { accountsText } from "../../src/modules/accounts/accounts.messages";
import { peopleText } from "../../src/modules/people/people.messages";
import { common } from "../../src/platform/common.messages";
import { hasChromium } from "../support/browser";
import { addPerson, eachRun, PAIRED_RUNS, useBrowser, withOrganization } from "./flows";

// The pages the main path does not reach: editing, sensitive details, deleting, the team,
// invitations, and errors. Same checks on each: axe, no sideways scrolling, one language.

describe.skipIf(!hasChromium)("the other pages in a real browser", () => {
  const browser = useBrowser();

  // Two runs, not four, to keep the suite short: each language once, each width once.
  // (The main path in foundation.test.ts runs all four combinations.)
  eachRun("edit, sensitive, delete, team, invite and errors", PAIRED_RUNS, (run) => {
    const { lang } = run;
    const org = {
      name:
        lang === "es" ? "Unión de Vendedores Ambulantes del Valle" : "Valley Street Vendors Union",
      slug: "vendedores",
      owner: "Alma Torres",
      email: "owner@example.org",
      password: "otra frase larga y secreta",
    };
    return withOrganization(browser(), run, org, async ({ server, actor, page, check, signIn }) => {
      const person = await addPerson(server, actor, {
        displayName: "Chuy Ortega",
        givenName: "Jesús",
        familyName: "Ortega Villanueva",
        emails: [{ address: "chuy.ortega@example.org" }, { address: "j.ortega@example.net" }],
        phones: [{ number: "+1 555 010 4477" }],
        preferredLanguage: "es",
        engagementLevel: "core",
        tags: ["vendedores", "comité de padres"],
        notes: "Coordina el puesto de tamales los sábados.",
        birthdate: "1984-03-09",
        homeAddress: "1234 Calle Inventada, Apt 5\nCiudad Ficticia, CA 90000",
      });
      const t = peopleText[lang];
      await signIn();

      // Sensitive details: hidden until asked for, then shown (and logged).
      await page.goto(`${server.url}/people/${person.id}`);
      expect(await page.locator("main").textContent()).not.toContain("Calle Inventada");
      await Promise.all([
        page.waitForURL(`**/people/${person.id}/sensitive`),
        page.click(`button:has-text("${t.show_sensitive}")`),
      ]);
      expect(await page.locator("main").textContent()).toContain("1234 Calle Inventada");
      expect(await page.locator("main").textContent()).toContain(t.sensitive_logged);
      await check("sensitive details shown");

      // Edit form, prefilled.
      await page.goto(`${server.url}/people/${person.id}/edit`);
      expect(await page.inputValue("#f-display_name")).toBe("Chuy Ortega");
      expect(await page.inputValue("#f-birthdate")).toBe("1984-03-09");
      await check("edit person");
      await page.fill("#f-phones", "12");
      await Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
      expect(await page.locator("#f-phones-error").textContent()).toBe(
        common[lang].field_invalid_phone,
      );
      await check("edit person with errors");

      // Delete asks once, then the list says it is done.
      await page.goto(`${server.url}/people/${person.id}/delete`);
      expect(await page.locator("h1").textContent()).toBe(t.delete_title("Chuy Ortega"));
      await check("delete confirm");
      await Promise.all([page.waitForURL("**/people?done=deleted"), page.click("button.danger")]);
      expect(await page.locator("[role=status]").first().textContent()).toBe(t.deleted);
      await check("people list after deleting");

      // The team: invite someone (first with a mistake), then the pending invitation.
      await page.goto(`${server.url}/users`);
      expect(await page.locator("h1").textContent()).toBe(accountsText[lang].users_title);
      await check("team");
      await page.fill("#f-email", "not-an-email");
      await Promise.all([
        page.waitForNavigation(),
        page.click(`button:has-text("${accountsText[lang].invite_submit}")`),
      ]);
      expect(await page.locator("#f-email-error").textContent()).toBe(
        common[lang].field_invalid_email,
      );
      await check("team invite with errors");
      await page.fill("#f-email", "new.organizer@example.org");
      await page.selectOption("#f-role", "organizer");
      await Promise.all([
        page.waitForNavigation(),
        page.click(`button:has-text("${accountsText[lang].invite_submit}")`),
      ]);
      const link = (await page.locator("code.token").textContent()) ?? "";
      expect(link).toMatch(/\/invite\/[\w-]+$/);
      await check("team with invitation");

      // Not found, signed in.
      await page.goto(`${server.url}/people/00000000-0000-4000-8000-000000000000`);
      expect(await page.locator("h1").textContent()).toBe(common[lang].not_found_title);
      await check("not found");

      // The invitation, opened by someone signed out.
      await page.click(`header button:has-text("${common[lang].sign_out}")`);
      await page.waitForURL("**/login?out=1");
      await page.goto(link);
      expect(await page.locator("h1").textContent()).toBe(
        accountsText[lang].accept_title(org.name),
      );
      await check("accept invitation");
      await page.goto(`${server.url}/invite/not-a-real-token`);
      await check("invalid invitation");
      await page.goto(`${server.url}/nowhere`);
      await check("not found, signed out");
    });
  });
});

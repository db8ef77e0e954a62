import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountsText } from "../../src/modules/accounts/accounts.messages";
import { setupOrganization } from "../../src/modules/accounts/setup-organization";
import { createPerson } from "../../src/modules/people/create-person";
import { peopleText } from "../../src/modules/people/people.messages";
import { PersonFieldsSchema } from "../../src/modules/people/person";
import { common } from "../../src/platform/common.messages";
import type { Lang } from "../../src/platform/i18n";
import { hasChromium } from "../support/browser";
import { checkPage } from "./checks";
import {
  DESKTOP,
  E2E_TIMEOUT,
  launchBrowser,
  openContext,
  PHONE,
  startServer,
  type Viewport,
} from "./server";

// The pages the main path does not reach: editing, sensitive details, deleting, the team,
// invitations, and errors. Same checks on each: axe, no sideways scrolling, one language.

// Two runs, not four, to keep the suite short: each language once, each width once.
// (The main path in foundation.test.ts runs all four combinations.)
const RUNS: { lang: Lang; viewport: Viewport }[] = [
  { lang: "es", viewport: PHONE },
  { lang: "en", viewport: DESKTOP },
];
const PASSWORD = "otra frase larga y secreta";

describe.skipIf(!hasChromium)("the other pages in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { lang, viewport } of RUNS) {
    it.concurrent(`edit, sensitive, delete, team, invite and errors in ${lang} at ${viewport.width}px`, {
      timeout: E2E_TIMEOUT,
    }, async () => {
      const server = await startServer();
      const email = "owner@example.org";
      const org = await setupOrganization(
        server.deps.db,
        {
          org_name:
            lang === "es"
              ? "Unión de Vendedores Ambulantes del Valle"
              : "Valley Street Vendors Union",
          slug: "vendedores",
          time_zone: "America/Los_Angeles",
          default_language: lang,
          owner_name: "Alma Torres",
          email,
          password: PASSWORD,
        },
        { onlyIfFirst: true },
      );
      const actor = { orgId: org.orgId, userId: org.userId, role: "owner" as const };
      const person = await createPerson(
        server.deps,
        actor,
        PersonFieldsSchema.parse({
          displayName: "Chuy Ortega",
          givenName: "Jesús",
          familyName: "Ortega Villanueva",
          emails: [{ address: "chuy.ortega@example.org" }, { address: "j.ortega@example.net" }],
          phones: [{ number: "+1 555 010 4477" }],
          preferredLanguage: "es",
          engagementLevel: "core",
          tags: ["vendedores", "comité de padres"],
          consentEmail: true,
          notes: "Coordina el puesto de tamales los sábados.",
          birthdate: "1984-03-09",
          homeAddress: "1234 Calle Inventada, Apt 5\nCiudad Ficticia, CA 90000",
        }),
      );
      const { context, page, foreignRequests } = await openContext(browser, server, {
        lang,
        viewport,
      });
      const check = (label: string) => checkPage(page, { label, lang, width: viewport.width });
      const t = peopleText[lang];
      try {
        await page.goto(`${server.url}/login`);
        await page.fill("#f-email", email);
        await page.fill("#f-password", PASSWORD);
        await Promise.all([page.waitForURL(`${server.url}/`), page.click("main button")]);

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
          accountsText[lang].accept_title(
            lang === "es"
              ? "Unión de Vendedores Ambulantes del Valle"
              : "Valley Street Vendors Union",
          ),
        );
        await check("accept invitation");
        await page.goto(`${server.url}/invite/not-a-real-token`);
        await check("invalid invitation");
        await page.goto(`${server.url}/nowhere`);
        await check("not found, signed out");

        expect(foreignRequests, "requests to hosts other than the app").toEqual([]);
      } finally {
        await context.close();
        await server.close();
      }
    });
  }
});

export type { Page };

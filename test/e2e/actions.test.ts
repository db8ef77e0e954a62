import { describe, expect } from "vitest";
import { actionsText } from "../../src/modules/actions/actions.messages";
import { actionsPublicText } from "../../src/modules/actions/actions-public.messages";
import { createEvent } from "../../src/modules/actions/create-event";
import { setAttendance } from "../../src/modules/actions/set-attendance";
import { setEventStatus } from "../../src/modules/actions/set-event-status";
import { common } from "../../src/platform/common.messages";
import { hasChromium } from "../support/browser";
import {
  addPerson,
  eachRun,
  follow,
  followNav,
  type Run,
  submit,
  useBrowser,
  withOrganization,
} from "./flows";
import { PHONE } from "./server";

// The main path of an action, on a phone in both languages: plan until readiness is clean,
// a neighbor RSVPs on the public page, check-in at 360 px, mark the action done.
// Every page: axe, no sideways scrolling, one language. All names are invented.
const RUNS: Run[] = [
  { lang: "es", viewport: PHONE },
  { lang: "en", viewport: PHONE },
];

describe.skipIf(!hasChromium)("actions in a real browser", () => {
  const browser = useBrowser();

  eachRun("plan, RSVP, check in and finish an action", RUNS, (run) => {
    const { lang } = run;
    const org = {
      name: lang === "es" ? "Comité Inventado de Acciones" : "Invented Action Committee",
      slug: "acciones-inventadas",
      owner: "Alex Prueba",
      email: "acciones@example.org",
      password: "una frase larga para marchar",
    };
    return withOrganization(browser(), run, org, async ({ server, actor, page, check, signIn }) => {
      const t = actionsText[lang];
      const lead = await addPerson(server, actor, {
        displayName: "Lupe Inventada",
        engagementLevel: "leader",
      });
      const marshal = await addPerson(server, actor, {
        displayName: "Toño Inventado",
        engagementLevel: "core",
      });
      const start = new Date(Date.now() + 3 * 86_400_000);
      start.setUTCHours(1, 0, 0, 0);
      const event = await createEvent(server.deps, actor, {
        slug: "vigilia-inventada",
        kind: "vigil",
        titleEs: "Vigilia inventada",
        titleEn: "Invented vigil",
        startsAt: start,
        endsAt: new Date(start.getTime() + 2 * 3_600_000),
        timeZone: "America/Los_Angeles",
        placeName: "Plaza Ficticia",
        expectedTurnout: 10,
        public: true,
      });
      await setEventStatus(server.deps, actor, event.id, "planned");
      for (const p of [lead, marshal]) {
        await setAttendance(server.deps, actor, event.id, { personId: p.id, status: "going" });
      }
      await signIn();

      // The list, from the navigation, with the readiness number.
      await followNav(page, common[lang].nav_actions, "**/actions");
      expect(await page.locator(".missing-badge").first().textContent()).toBe(t.missing_badge(5));
      await check("actions list");

      // The plan: the checklist says what is missing; fix it through the forms.
      await follow(page, `**/actions/${event.id}`, page.locator("a.title").first());
      expect(await page.locator(".checklist li").count()).toBe(5);
      await check("plan, not ready");
      await page.selectOption("#f-role-person_id", { label: "Lupe Inventada" });
      await page.selectOption("#f-role-role", "lead");
      await submit(page, "#roles details.add-form form");
      await page.locator("#roles details.add-form summary").click();
      await page.selectOption("#f-role-person_id", { label: "Toño Inventado" });
      await page.selectOption("#f-role-role", "marshal");
      await submit(page, "#roles details.add-form form");
      await page.fill("#f-step-time", "17:30");
      await page.fill(
        "#f-step-title",
        lang === "es" ? "Llegan las organizadoras" : "Organizers arrive",
      );
      await submit(page, "#steps details.add-form form");
      expect(await page.locator(".ready-line").textContent()).toContain(t.readiness_ready);
      await check("plan, ready");

      // A neighbor says they're coming on the public page (no account).
      const pub = actionsPublicText[lang];
      await page.goto(`${server.url}/p/${org.slug}/e/${event.slug}?lang=${lang}`);
      await check("public action page");
      await page.fill("#f-name", "Vecina Inventada");
      await page.fill("#f-email", "vecina@example.org");
      await submit(page, "form.pub-form");
      expect(await page.locator(".pub-note").textContent()).toBe(pub.thanks);

      // Check-in from the phone: search, one tap.
      await page.goto(`${server.url}/actions/${event.id}/check-in`);
      await check("check-in");
      await page.fill("#f-q", "vecina");
      await submit(page, "search form");
      await submit(page, ".checkin-list");
      expect(await page.locator(".alert-ok").textContent()).toBe(
        t.checkin_done("Vecina Inventada"),
      );
      expect(await page.locator(".lede").textContent()).toBe(t.arrived(1));
      await check("check-in, one arrived");

      // The day is over: mark it done.
      await page.goto(`${server.url}/actions/${event.id}`);
      await page.locator("button", { hasText: t.mark_done }).click();
      await page.waitForURL(/done=status/);
      expect(await page.locator(".page-head .badge").textContent()).toBe(t.status_done);
      await check("plan, done");
    });
  });
});

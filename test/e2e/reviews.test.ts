import { describe, expect } from "vitest";
import { actionsText } from "../../src/modules/actions/actions.messages";
import { createEvent } from "../../src/modules/actions/create-event";
import { outreachText } from "../../src/modules/outreach/outreach.messages";
import { reviewsText } from "../../src/modules/reviews/reviews.messages";
import { hasChromium } from "../support/browser";
import { eachRun, follow, PAIRED_RUNS, submit, useBrowser, withOrganization } from "./flows";

// After a rally: the organizer marks it done, writes the review with one thing to change,
// and when the next rally is planned the lesson is there, waiting; one step turns it into
// a material of the new plan. Then a flyering shift is logged. Every page: axe, no
// sideways scrolling, one language.

describe.skipIf(!hasChromium)("reviews and lessons in a real browser", () => {
  const browser = useBrowser();

  eachRun("review an action and carry its lesson into the next plan", PAIRED_RUNS, (run) => {
    const { lang } = run;
    const org = {
      name: lang === "es" ? "Comité Inventado de Vecinos" : "Invented Neighbors' Committee",
      slug: "vecinos",
      owner: "Dana Prueba",
      email: "organizadora@example.org",
      password: "una frase larga para evaluar",
    };
    return withOrganization(browser(), run, org, async ({ server, actor, page, check, signIn }) => {
      const r = reviewsText[lang];
      const a = actionsText[lang];
      const day = (offset: number) => {
        const d = new Date(Date.now() + offset * 86_400_000);
        d.setUTCHours(18, 0, 0, 0);
        return d;
      };
      const event = (slug: string, offset: number) =>
        createEvent(server.deps, actor, {
          slug,
          kind: "rally",
          titleEs: offset < 0 ? "Mitin frente al centro" : "Segundo mitin",
          titleEn: offset < 0 ? "Rally at the center" : "Second rally",
          startsAt: day(offset),
          endsAt: new Date(day(offset).getTime() + 2 * 3_600_000),
          timeZone: "America/Los_Angeles",
          expectedTurnout: 20,
        });
      const past = await event("mitin-pasado", -2);
      await signIn();

      // Mark the past rally done on its plan, then write its review.
      await page.goto(`${server.url}/actions/${past.id}`);
      await Promise.all([
        page.waitForNavigation(),
        page.locator("form.status-form button", { hasText: a.mark_done }).click(),
      ]);
      await follow(
        page,
        `**/actions/${past.id}/review`,
        page.locator("main a", { hasText: a.review_link }),
      );
      await check("review form");
      await page.fill(
        "#f-went_well",
        lang === "es" ? "Llegó mucha gente nueva" : "Many new people came",
      );
      await page.fill(
        "#f-went_wrong",
        lang === "es" ? "Solo teníamos un megáfono" : "We only had one megaphone",
      );
      await page.fill(
        "#f-main_cause",
        lang === "es" ? "Nadie tenía asignado el segundo" : "No one was assigned the second one",
      );
      const lesson = lang === "es" ? "Traer los dos megáfonos" : "Bring both megaphones";
      await page.fill("#f-change", lesson);
      await submit(page, "main form");
      expect(await page.locator("main [role=status]").textContent()).toContain(r.review_saved);
      expect(await page.locator("main").textContent()).toContain(lesson);
      await check("review written");

      // The next rally: its plan shows the lesson; one step makes it a material of 2.
      const next = await event("segundo-mitin", 12);
      await page.goto(`${server.url}/actions/${next.id}`);
      expect(await page.locator("main").textContent()).toContain(lesson);
      await follow(
        page,
        `**/actions/${next.id}/lessons`,
        page.locator("main a", { hasText: a.lessons_handle }),
      );
      await check("lessons for the plan");
      const card = page.locator("section.lesson-card", { hasText: lesson });
      await card.locator("summary", { hasText: r.as_material }).click();
      await card.locator("input[name$='-item']").fill(lang === "es" ? "Megáfono" : "Megaphone");
      expect(await card.locator("input[name$='-quantity']").inputValue()).toBe("2");
      await Promise.all([
        page.waitForNavigation(),
        card.locator("button[type=submit]", { hasText: r.as_material }).click(),
      ]);
      expect(await page.locator("main [role=status]").textContent()).toBe(r.adopted);
      await check("lesson adopted");
      await page.goto(`${server.url}/actions/${next.id}`);
      const plan = (await page.locator("main").textContent()) ?? "";
      expect(plan).toContain(lang === "es" ? "Megáfono" : "Megaphone");
      expect(plan).not.toContain(a.r_open_lesson(lesson));

      // A flyering shift for the next rally.
      const o = outreachText[lang];
      await page.goto(`${server.url}/outreach/new?event=${next.id}`);
      await check("new outreach shift");
      await page.fill("#f-area", lang === "es" ? "Mercado de la calle 5" : "5th Street market");
      await page.fill("#f-start_time", "10:00");
      await page.fill("#f-end_time", "12:00");
      await page.fill("#f-flyers", "150");
      await page.fill("#f-conversations", "20");
      await page.fill("#f-receptive", "9");
      await page.fill("#f-neutral", "6");
      await page.fill("#f-not_interested", "5");
      await submit(page, "main form");
      expect(await page.locator("main [role=status]").textContent()).toBe(o.created);
      await check("outreach shift");
      await page.goto(`${server.url}/outreach`);
      expect(await page.locator("main").textContent()).toContain(o.totals_by_month);
      await check("outreach list with totals");
    });
  });
});

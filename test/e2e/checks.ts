import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import "../../src/app"; // registers every message catalog
import { type Lang, registeredCatalogs } from "../../src/platform/i18n";
import { expectNoAxeViolations } from "./axe";

/**
 * UI strings that exist in one language only: every plain message of `lang` that is not
 * also a message of the other language. Finding one of these on a page in the other
 * language means a string was left untranslated (or a page ignored the chosen language).
 */
function onlyIn(lang: Lang): string[] {
  const other: Lang = lang === "es" ? "en" : "es";
  const mine = new Set<string>();
  const theirs = new Set<string>();
  for (const catalog of registeredCatalogs().values()) {
    for (const v of Object.values(catalog[lang])) if (typeof v === "string") mine.add(v);
    for (const v of Object.values(catalog[other])) if (typeof v === "string") theirs.add(v);
  }
  return [...mine].filter(
    // Very short strings ("No", "Sí") would match inside ordinary words.
    (s) => s.length >= 4 && ![...theirs].some((t) => t.includes(s)),
  );
}
const ONLY_IN: Record<Lang, string[]> = { es: onlyIn("es"), en: onlyIn("en") };

/**
 * Visible text plus the text people hear or see without it being in the flow. Text marked
 * as another language (`lang` on an element: the words of a consent, quoted as the person
 * saw them) is content, not UI, and left out.
 */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const own = document.documentElement.lang;
    let body = document.body.innerText;
    for (const el of document.body.querySelectorAll<HTMLElement>("[lang]")) {
      if (el.lang && el.lang !== own) body = body.replace(el.innerText, "");
    }
    const attrs = [...document.querySelectorAll("[aria-label],[placeholder],[title],[alt]")].map(
      (el) =>
        ["aria-label", "placeholder", "title", "alt"]
          .map((a) => el.getAttribute(a) ?? "")
          .join("\n"),
    );
    // innerText on purpose: the text as rendered, without hidden elements.
    return [document.title, body, ...attrs].join("\n");
  });
}

/** Strings of the other language found on this page. */
export async function strayStrings(page: Page, lang: Lang): Promise<string[]> {
  const text = await pageText(page);
  return ONLY_IN[lang === "es" ? "en" : "es"].filter((s) => text.includes(s));
}

export type Visit = { label: string; lang: Lang; width: number };

/**
 * The checks every page gets: the right <html lang>, axe with zero violations, no sideways
 * scrolling at this width, and no UI text from the other language.
 */
export async function checkPage(page: Page, visit: Visit): Promise<void> {
  const where = `${visit.label} (${visit.lang}, ${visit.width}px)`;
  await screenshot(page, visit);
  expect(await page.getAttribute("html", "lang"), `html lang on ${where}`).toBe(visit.lang);
  await expectNoAxeViolations(page, where);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `horizontal scrolling on ${where}`).toBeLessThanOrEqual(visit.width);
  expect(await strayStrings(page, visit.lang), `other-language text on ${where}`).toEqual([]);
}

/** Texts of the main navigation, buttons and button-like links, in page order. */
export async function chromeTexts(page: Page): Promise<string[]> {
  return page.$$eval("nav a, button, a.button, label, h1, h2, legend", (els) =>
    els.map((el) => (el as HTMLElement).innerText.trim()).filter(Boolean),
  );
}

/** With AMPARO_SHOTS=/some/dir, every checked page is also saved there, to be looked at. */
async function screenshot(page: Page, visit: Visit): Promise<void> {
  const dir = process.env.AMPARO_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const slug = visit.label
    .normalize("NFD")
    .replace(/[^\w]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  await page.screenshot({
    path: join(dir, `${visit.width}-${visit.lang}-${slug}.png`),
    fullPage: true,
  });
}

import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { loadDemo } from "../../src/modules/demo/load-demo";
import type { Lang } from "../../src/platform/i18n";
import { hasChromium } from "../support/browser";
import { axeViolations } from "./axe";
import { strayStrings } from "./checks";
import { eachRun, PAIRED_RUNS, useBrowser } from "./flows";
import { openContext, type RunningServer, startServer } from "./server";

// Every page a signed-in owner can reach from the home page of the invented demo group,
// and every public page reachable from its public site, followed link by link: one page
// of each shape (ids replaced), with the checks every page gets. The problems are
// gathered and reported together, so one run shows all of them.

/** Two URLs with the same shape show the same page: ids and numbers don't count. */
function shapeOf(url: URL): string {
  return url.pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id")
    .replace(/\/\d+(?=\/|$)/g, "/:n");
}

/** Files (PDF, CSV, iCalendar, JSON) are fetched and checked for a 200, not rendered. */
const FILE = /\.(pdf|csv|ics|json|png|svg|txt)$|\/(flyer|export|download)(\/|$)/;

/** Links that would end the signed-in session. */
const SKIP = /^\/(logout|sign-out)/;

/**
 * The invented demo group writes in Spanish: its data (a court's name, a lesson's words)
 * is content, not UI, when it shows on an English page.
 */
const DEMO_CONTENT = [
  "Corte",
  "Detención",
  "Visitas",
  "Marcha",
  "Audiencia de fianza",
  "a la hora",
];

/** How long one page's load and checks may take (a normal one: under 2 s on a busy CI). */
const PAGE_TIMEOUT = 60_000;

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

type Problem = { page: string; what: string };

async function pageProblems(page: Page, where: string, lang: Lang, width: number) {
  const problems: Problem[] = [];
  const note = (what: string) => problems.push({ page: where, what });
  if ((await page.getAttribute("html", "lang")) !== lang) note("html lang");
  for (const v of await axeViolations(page)) {
    note(`axe ${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`);
  }
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width) note(`sideways scrolling: ${scrollWidth}px`);
  // A label that says "(optional)" itself gets the form's marker too: said twice.
  const twice = (await page.locator("main").innerText()).match(/\((opcional|optional)\)\s*\(\1\)/);
  if (twice) note(`said twice: ${twice[0]}`);
  for (const s of await strayStrings(page, lang)) {
    if (lang === "en" && DEMO_CONTENT.includes(s)) continue;
    note(`other-language text: ${s}`);
  }
  return problems;
}

async function crawl(
  page: Page,
  server: RunningServer,
  start: string[],
  lang: Lang,
  width: number,
  stayUnder?: string,
): Promise<{ visited: string[]; problems: Problem[] }> {
  const seen = new Set<string>();
  const queue = [...start];
  const visited: string[] = [];
  const problems: Problem[] = [];
  // A step that hangs fails with the page it hung on, long before the test's own limit.
  page.setDefaultTimeout(PAGE_TIMEOUT);
  while (queue.length > 0) {
    const next = new URL(queue.shift() as string, server.url);
    const shape = shapeOf(next);
    if (seen.has(shape)) continue;
    seen.add(shape);
    const path = next.pathname + next.search;
    const began = Date.now();
    let links: string[];
    try {
      if (FILE.test(next.pathname)) {
        const res = await page.request.get(next.href, { timeout: PAGE_TIMEOUT });
        if (res.status() !== 200) problems.push({ page: path, what: `status ${res.status()}` });
        continue;
      }
      const res = await page.goto(next.href);
      visited.push(shape);
      const status = res?.status() ?? 0;
      if (status >= 400) {
        problems.push({ page: path, what: `status ${status}` });
        continue;
      }
      // A redirect (to the sign-in page, say) is a page of another shape: keyed by where it landed.
      // page.evaluate (axe) has no time limit of its own.
      problems.push(...(await withinTime(pageProblems(page, path, lang, width), PAGE_TIMEOUT)));
      links = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    } catch (error) {
      throw new Error(`crawl in ${lang} stopped at ${path} after ${Date.now() - began} ms`, {
        cause: error,
      });
    }
    if (process.env.CRAWL_LOG) console.log(`crawl ${lang} ${path} ${Date.now() - began} ms`);
    for (const href of links) {
      const url = new URL(href);
      if (url.origin !== server.origin) continue;
      if (SKIP.test(url.pathname)) continue;
      // A link to the page in the other language is checked in the other run.
      const linkLang = url.searchParams.get("lang");
      if (linkLang && linkLang !== lang) continue;
      if (stayUnder && !url.pathname.startsWith(stayUnder)) continue;
      if (!stayUnder && url.pathname.startsWith("/p/")) continue;
      if (!seen.has(shapeOf(url))) queue.push(url.pathname + url.search);
    }
  }
  return { visited, problems };
}

describe.skipIf(!hasChromium)("every page of the demo, followed link by link", () => {
  const browser = useBrowser();

  eachRun(
    "signed in and public",
    PAIRED_RUNS,
    async ({ lang, viewport }) => {
      const server = await startServer();
      const { context, page, foreignRequests } = await openContext(browser(), server, {
        lang,
        viewport,
      });
      try {
        const demo = await loadDemo(server.deps, { people: 30 });
        await page.goto(`${server.url}/login`);
        await page.fill("#f-email", demo.email);
        await page.fill("#f-password", demo.password);
        await Promise.all([
          page.waitForURL((url) => !url.pathname.startsWith("/login")),
          page.click("main button[type=submit]"),
        ]);
        // The account's saved language wins over the browser's: switch when it differs.
        if ((await page.getAttribute("html", "lang")) !== lang) {
          await Promise.all([page.waitForLoadState(), page.click(".lang-switch")]);
        }
        const inside = await crawl(page, server, ["/"], lang, viewport.width);
        await context.clearCookies();
        const outside = await crawl(
          page,
          server,
          [`/p/${demo.slug}`],
          lang,
          viewport.width,
          `/p/${demo.slug}`,
        );
        expect([...inside.problems, ...outside.problems]).toEqual([]);
        // Enough of the app was reached for the crawl to mean something.
        expect(inside.visited.length, inside.visited.join("\n")).toBeGreaterThan(40);
        expect(outside.visited.length, outside.visited.join("\n")).toBeGreaterThan(2);
        expect(foreignRequests).toEqual([]);
      } finally {
        await context.close();
        await server.close();
      }
    },
    // Two runs of about 60 pages each, sharing two cores with the rest of the suite.
    600_000,
  );
});

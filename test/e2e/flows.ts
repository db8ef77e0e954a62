import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { z } from "zod";
import {
  type CreatedOrganization,
  setupOrganization,
} from "../../src/modules/accounts/setup-organization";
import { CampaignFieldsSchema } from "../../src/modules/funds/campaign";
import { createCampaign } from "../../src/modules/funds/campaigns/create-campaign";
import { createPerson } from "../../src/modules/people/create-person";
import { PersonFieldsSchema } from "../../src/modules/people/person";
import type { Actor } from "../../src/platform/actor";
import type { Lang } from "../../src/platform/i18n";
import { checkPage } from "./checks";
import {
  DESKTOP,
  E2E_TIMEOUT,
  launchBrowser,
  openContext,
  PHONE,
  type RunningServer,
  startServer,
  type Viewport,
} from "./server";

// The steps the browser tests share: one Chromium per file, one fresh server per run, a
// context in the run's language and width that must not call any other host, an
// organization set up behind the scenes and its owner signed in through the real form.

export type Run = { lang: Lang; viewport: Viewport };

/** Both languages at both widths. */
export const ALL_RUNS: Run[] = [
  { lang: "es", viewport: PHONE },
  { lang: "en", viewport: PHONE },
  { lang: "es", viewport: DESKTOP },
  { lang: "en", viewport: DESKTOP },
];

/** Each language once and each width once, to keep the suite's browser time down. */
export const PAIRED_RUNS: Run[] = [
  { lang: "es", viewport: PHONE },
  { lang: "en", viewport: DESKTOP },
];

/** Launches Chromium before the file's tests and closes it after; call inside `describe`. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is not running");
    return browser;
  };
}

/** One concurrent test per run, named "`title` in `lang` at `width`px". */
export function eachRun(
  title: string,
  runs: Run[],
  body: (run: Run) => Promise<void>,
  timeout: number = E2E_TIMEOUT,
): void {
  for (const run of runs) {
    it.concurrent(`${title} in ${run.lang} at ${run.viewport.width}px`, { timeout }, () =>
      body(run),
    );
  }
}

export type Session = {
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  /** Every request so far that left the app. */
  foreignRequests: string[];
  /** The checks every page gets, at this run's width, in its language unless told another. */
  check(label: string, lang?: Lang): Promise<void>;
};

/**
 * A context for `run` on `server`, closed afterwards. When `body` finishes, no request may
 * have gone to any other host.
 */
export async function withContext(
  browser: Browser,
  server: RunningServer,
  run: Run,
  body: (session: Session) => Promise<void>,
): Promise<void> {
  const { context, page, foreignRequests } = await openContext(browser, server, run);
  try {
    await body({
      server,
      context,
      page,
      foreignRequests,
      check: (label, lang = run.lang) =>
        checkPage(page, { label, lang, width: run.viewport.width }),
    });
    expect(foreignRequests, "requests to hosts other than the app").toEqual([]);
  } finally {
    await context.close();
  }
}

/** A fresh server (first run: no organization yet) with one context, both closed afterwards. */
export async function withFreshServer(
  browser: Browser,
  run: Run,
  body: (session: Session) => Promise<void>,
): Promise<void> {
  const server = await startServer();
  try {
    await withContext(browser, server, run, body);
  } finally {
    await server.close();
  }
}

export type Organization = {
  name: string;
  slug: string;
  owner: string;
  email: string;
  password: string;
};

/** First-run setup done directly: the organization and its owner. */
export async function setupOwner(
  server: RunningServer,
  org: Organization,
  lang: Lang,
): Promise<CreatedOrganization & { actor: Actor }> {
  const created = await setupOrganization(
    server.deps.db,
    {
      org_name: org.name,
      slug: org.slug,
      time_zone: "America/Los_Angeles",
      default_language: lang,
      owner_name: org.owner,
      email: org.email,
      password: org.password,
    },
    { onlyIfFirst: true },
  );
  return { ...created, actor: { orgId: created.orgId, userId: created.userId, role: "owner" } };
}

export type OrgSession = Session & {
  org: CreatedOrganization;
  actor: Actor;
  /** Signs the owner in through the sign-in form and waits for the home page. */
  signIn(): Promise<void>;
};

/**
 * A fresh server whose organization (in the run's language) is already set up, and a
 * context for the run. The body seeds what it needs, then calls `signIn()`.
 */
export async function withOrganization(
  browser: Browser,
  run: Run,
  org: Organization,
  body: (session: OrgSession) => Promise<void>,
): Promise<void> {
  await withFreshServer(browser, run, async (session) => {
    const created = await setupOwner(session.server, org, run.lang);
    await body({
      ...session,
      org: created,
      actor: created.actor,
      signIn: () => signIn(session.page, session.server, org.email, org.password),
    });
  });
}

/** Signs in through the sign-in form and waits for the home page. */
export async function signIn(
  page: Page,
  server: RunningServer,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.fill("#f-email", email);
  await page.fill("#f-password", password);
  await Promise.all([page.waitForURL(`${server.url}/`), page.click("main button")]);
}

/** A person created directly, not through the form. */
export function addPerson(
  server: RunningServer,
  actor: Actor,
  fields: z.input<typeof PersonFieldsSchema>,
) {
  return createPerson(server.deps, actor, PersonFieldsSchema.parse(fields));
}

/** A fundraising campaign created directly, not through the form. */
export function addCampaign(
  server: RunningServer,
  actor: Actor,
  fields: z.input<typeof CampaignFieldsSchema>,
) {
  return createCampaign(server.deps, actor, CampaignFieldsSchema.parse(fields));
}

/** Clicks and waits until the page is at `url`. */
export async function follow(page: Page, url: string | RegExp, link: Locator): Promise<void> {
  await Promise.all([page.waitForURL(url), link.click()]);
}

/** The main navigation's link named `text`: in the tab row, or (on a phone) in the opened menu. */
export async function navLink(page: Page, text: string): Promise<Locator> {
  const menu = page.locator("details.navmenu");
  if (await menu.isVisible()) {
    if ((await menu.getAttribute("open")) === null) await menu.locator("summary").click();
    return menu.locator("nav a", { hasText: text });
  }
  return page.locator("nav.mainnav a", { hasText: text });
}

/** Follows the main navigation's link named `text` to `url`. */
export async function followNav(page: Page, text: string, url: string | RegExp): Promise<void> {
  return follow(page, url, await navLink(page, text));
}

/** Follows the first button-like link in <main> named `text` to `url`. */
export function followButton(page: Page, text: string, url: string | RegExp): Promise<void> {
  return follow(page, url, page.locator("main a.button", { hasText: text }).first());
}

/** Submits the last submit button of `form` (the form in <main> by default), waits for the next page. */
export async function submit(page: Page, form = "main"): Promise<void> {
  await Promise.all([
    page.waitForNavigation(),
    page.locator(`${form} button[type=submit]`).last().click(),
  ]);
}

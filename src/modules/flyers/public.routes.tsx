import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import type { Database } from "../../db/client";
import { AppError } from "../../platform/errors";
import type { AppContext, AppEnv } from "../../platform/http";
import type { Lang } from "../../platform/i18n";
import { LANG_COOKIE } from "../../platform/middleware";
import {
  CacheRelay,
  type CachedPage,
  matchesEtag,
  PageCache,
  type Rendered,
} from "../../platform/page-cache";
import { onAdvocacyChanged } from "../advocacy/advocacy-changes";
import { onCampaignChanged } from "../funds/campaign-changes";
import { CampaignPublicPage } from "./campaign-public.page";
import { renderFlyer } from "./flyer";
import { loadPublicCampaign, type PublicCampaign } from "./public-campaign";
import { publicLang } from "./public-language";

// /p/{org}/c/{slug} and its flyer: no sign-in, mounted before the session middleware, and
// served from rendered bytes kept in memory. Every funds change (and every change to the
// case's public advocacy) drops the campaign's pages here at once and on the other
// instances through NOTIFY; what sends no signal (the case's public story, the
// organization's name) shows up within MAX_AGE_MS.

export const PUBLIC_PAGES_CHANNEL = "amparo_public_pages";
const MAX_AGE_MS = 60_000;
const SLUG = /^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/;
const HTML = "text/html; charset=utf-8";

export type PublicPagesOptions = {
  database: Pick<Database, "db" | "exec" | "listen">;
  /** Configured public address (AMPARO_PUBLIC_URL), or undefined to use the request's. */
  publicUrl: string | undefined;
  /** Whether online gifts are set up (a payment provider is configured). */
  onlineGiving: boolean;
};

/** Where the "Give online" button leads; the online-giving routes answer there. */
export function givePath(orgSlug: string, campaignSlug: string): string {
  return `/p/${orgSlug}/c/${campaignSlug}/give`;
}

export function publicPages(options: PublicPagesOptions) {
  const { db } = options.database;
  const cache = new PageCache({ maxEntries: 2000, maxAgeMs: MAX_AGE_MS });
  const relay = new CacheRelay(options.database, cache, PUBLIC_PAGES_CHANNEL, () => {
    for (const off of unsubscribe) off();
  });
  const unsubscribe = [
    onCampaignChanged((change) => relay.invalidate(tagOf(change.campaignId))),
    onAdvocacyChanged((change) => relay.invalidate(caseTagOf(change.caseId))),
  ];
  relay.start().catch((error: unknown) => {
    console.warn(
      `[amparo] public pages: not listening for changes from other instances (${(error as Error).name}); pages refresh within ${MAX_AGE_MS / 1000} s`,
    );
  });

  const routes = new Hono<AppEnv>();

  routes.get("/p/:org/c/:slug/flyer.pdf", async (c) => {
    const { org, slug } = requireSlugs(c);
    const base = baseUrl(c, options.publicUrl);
    const page = await cache.getOrRender(key(base, org, slug, "pdf"), async () => {
      const data = await loadPublicCampaign(db, org, slug);
      if (!data) return null;
      const body = await renderFlyer(data, { url: pageUrl(base, data), online: options.onlineGiving });
      return {
        body,
        contentType: "application/pdf",
        headers: {
          "Content-Disposition": `inline; filename="${data.org.slug}-${data.campaign.slug}.pdf"`,
        },
        tags: tagsOf(data),
      };
    });
    return send(c, page, false);
  });

  routes.get("/p/:org/c/:slug", async (c) => {
    const { org, slug } = requireSlugs(c);
    const chosen = publicLang({
      query: c.req.query("lang"),
      cookie: getCookie(c, LANG_COOKIE),
      acceptLanguage: c.req.header("accept-language"),
    });
    const base = baseUrl(c, options.publicUrl);
    const page = await cache.getOrRender(key(base, org, slug, chosen.lang ?? "default"), () =>
      renderPage(db, org, slug, chosen.lang, base, options.onlineGiving),
    );
    return send(c, page, !chosen.fromQuery);
  });

  return { routes, cache, relay };
}

async function renderPage(
  db: PublicPagesOptions["database"]["db"],
  orgSlug: string,
  slug: string,
  chosen: Lang | null,
  base: string,
  onlineGiving: boolean,
): Promise<Rendered | null> {
  const data = await loadPublicCampaign(db, orgSlug, slug);
  if (!data) return null;
  const lang = chosen ?? data.org.defaultLanguage;
  const html = await (
    <CampaignPublicPage
      data={data}
      lang={lang}
      url={pageUrl(base, data)}
      giveUrl={onlineGiving ? givePath(data.org.slug, data.campaign.slug) : null}
    />
  );
  return {
    body: `<!DOCTYPE html>${html}`,
    contentType: HTML,
    headers: { "Content-Language": lang },
    tags: tagsOf(data),
  };
}

function send(c: AppContext, page: CachedPage | null, varies: boolean): Response {
  if (!page) throw new AppError("not_found");
  const headers: Record<string, string> = {
    ...page.headers,
    "Content-Type": page.contentType,
    "Cache-Control": "public, max-age=30",
    ETag: page.etag,
  };
  if (varies) headers.Vary = "Accept-Language, Cookie";
  if (matchesEtag(c.req.header("if-none-match"), page.etag)) return c.body(null, 304, headers);
  return c.body(page.body as Uint8Array<ArrayBuffer>, 200, headers);
}

function requireSlugs(c: AppContext): { org: string; slug: string } {
  const org = (c.req.param("org") ?? "").toLowerCase();
  const slug = (c.req.param("slug") ?? "").toLowerCase();
  if (!SLUG.test(org) || !SLUG.test(slug)) throw new AppError("not_found");
  return { org, slug };
}

/** The configured public address, else the one this request came in on. */
function baseUrl(c: AppContext, configured: string | undefined): string {
  if (configured) return configured;
  const url = new URL(c.req.url);
  const forwarded = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
  return `${forwarded === "https" ? "https:" : url.protocol}//${url.host}`;
}

// The base is part of the key: without AMPARO_PUBLIC_URL a request's Host header ends up in
// the share link, so a forged Host must never reach other visitors' copies.
const key = (base: string, org: string, slug: string, variant: string) =>
  `${base}|${org}|${slug}|${variant}`;
const tagOf = (campaignId: string) => `campaign:${campaignId}`;
const caseTagOf = (caseId: string) => `case:${caseId}`;
const tagsOf = (data: PublicCampaign) => [
  tagOf(data.campaign.id),
  `org:${data.org.id}`,
  ...(data.caseId ? [caseTagOf(data.caseId)] : []),
];
const pageUrl = (base: string, data: PublicCampaign) =>
  `${base}/p/${data.org.slug}/c/${data.campaign.slug}`;

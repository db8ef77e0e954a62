import type { IncomingMessage, ServerResponse } from "node:http";
import { Hono } from "hono";
import type { Database } from "../../db/client";
import { anyone } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import type { EventBus } from "../../platform/events";
import type { AppContext, AppEnv } from "../../platform/http";
import type { Lang } from "../../platform/i18n";
import { type CachedPage, CacheRelay, PageCache, type Rendered } from "../../platform/page-cache";
import { publicLink } from "../../platform/public-address";
import { renderFlyer } from "./campaign-flyer";
import { CampaignPublicPage } from "./campaign-public.page";
import { loadPublicCampaign, type PublicCampaign } from "./public-campaign";
import { responseFor, routeVariant, serveStored } from "./public-serving";

// /p/{org}/c/{slug} and its flyer: no sign-in, mounted before the session middleware, and
// served from rendered bytes kept in memory. Every funds change (and every change to the
// case's public advocacy or public story) drops the campaign's pages here at once and on the
// other instances through NOTIFY; what sends no signal shows up within MAX_AGE_MS.

export const PUBLIC_PAGES_CHANNEL = "amparo_public_pages";
const MAX_AGE_MS = 60_000;
const HTML = "text/html; charset=utf-8";

export type PublicPagesOptions = {
  database: Pick<Database, "db" | "exec" | "listen">;
  /** The app's event bus: funds and advocacy changes drop cached pages. */
  bus: EventBus;
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
    options.bus.on("funds.campaign_changed", (change) =>
      relay.invalidate(tagOf(change.campaignId)),
    ),
    options.bus.on("advocacy.changed", (change) => relay.invalidate(caseTagOf(change.caseId))),
    options.bus.on("defense.case_public_changed", (change) =>
      relay.invalidate(caseTagOf(change.caseId)),
    ),
  ];
  relay.start().catch((error: unknown) => {
    console.warn(
      `[amparo] public pages: not listening for changes from other instances (${(error as Error).name}); pages refresh within ${MAX_AGE_MS / 1000} s`,
    );
  });

  const routes = new Hono<AppEnv>();

  routes.get("/p/:org/c/:slug/flyer.pdf", anyone, async (c) => {
    const { slugs, variant } = routeVariant(c, true, options.publicUrl);
    const { org, slug } = slugs;
    const page = await cache.getOrRender(variant.key, async () => {
      const data = await loadPublicCampaign(db, org, slug);
      if (!data) return null;
      const url = pageUrl(variant.base, data);
      const body = await renderFlyer(data, { url, online: options.onlineGiving });
      return {
        body,
        contentType: "application/pdf",
        headers: {
          "Content-Disposition": `inline; filename="${data.org.slug}-${data.campaign.slug}.pdf"`,
        },
        tags: tagsOf(data),
      };
    });
    return send(c, page, variant.varies);
  });

  routes.get("/p/:org/c/:slug", anyone, async (c) => {
    const { slugs, variant } = routeVariant(c, false, options.publicUrl);
    const { org, slug } = slugs;
    const page = await cache.getOrRender(variant.key, () =>
      renderPage(db, org, slug, variant.lang, variant.base, options.onlineGiving),
    );
    return send(c, page, variant.varies);
  });

  return {
    routes,
    cache,
    relay,
    /** For main.ts: answers from stored bytes before Hono, or returns false. */
    serveStored: (req: IncomingMessage, res: ServerResponse) =>
      serveStored(cache, options.publicUrl, req, res),
  };
}

async function renderPage(
  db: PublicPagesOptions["database"]["db"],
  orgSlug: string,
  slug: string,
  chosen: Lang | null,
  base: string | null,
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
  const out = responseFor(page, varies, c.req.header("if-none-match"));
  if (!out.body) return c.body(null, 304, out.headers);
  return c.body(out.body as Uint8Array<ArrayBuffer>, 200, out.headers);
}

const tagOf = (campaignId: string) => `campaign:${campaignId}`;
const caseTagOf = (caseId: string) => `case:${caseId}`;
const tagsOf = (data: PublicCampaign) => [
  tagOf(data.campaign.id),
  `org:${data.org.id}`,
  ...(data.caseId ? [caseTagOf(data.caseId)] : []),
];
const pageUrl = (base: string | null, data: PublicCampaign) =>
  publicLink(base, `/p/${data.org.slug}/c/${data.campaign.slug}`);

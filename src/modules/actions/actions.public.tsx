import { Hono } from "hono";
import type { Database } from "../../db/client";
import { anyone } from "../../platform/authorize";
import { clientAddress as clientAddressOf } from "../../platform/client-address";
import { type FieldErrors, notFound } from "../../platform/errors";
import type { EventBus } from "../../platform/events";
import { fieldErrorsOf, readForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render } from "../../platform/http";
import { isLang, type Lang } from "../../platform/i18n";
import { type CachedPage, CacheRelay, PageCache, type Rendered } from "../../platform/page-cache";
import { publicBaseUrl, publicLink } from "../../platform/public-address";
import { hit } from "../../platform/rate-limit";
import { publicLang } from "../../platform/ui/public-language";
import { listPublicCampaigns } from "../funds/public-campaign-record";
import { publicSlugs, responseFor, variantOf } from "../public/public-serving";
import { listPublicDrives } from "../supplies/drive-record";
import { SLUG_PATTERN } from "./action";
import { actionsCalendar } from "./calendar";
import { EVENT_LIMITS } from "./event-fields";
import { renderEventFlyer } from "./event-flyer";
import { PublicEventListPage, PublicEventPage } from "./public-event.page";
import { listPublicEvents, loadPublicEvent, type PublicEvent } from "./public-events";
import { publicRsvp } from "./public-rsvp";
import "./actions.events";

// Public action pages (no session): /p/{org} (upcoming public actions), /p/{org}/events.ics,
// /p/{org}/e/{slug} with its RSVP form, /p/{org}/e/{slug}.ics and /p/{org}/e/{slug}/flyer.pdf.
// Served from stored bytes (platform/page-cache.ts, decision 050) like campaign and drive
// pages: rendered once per language and address, and dropped when anything of the
// organization's actions commits (the actions.changed event: an edit, a status, an RSVP;
// NOTIFY tells other instances). What sends no signal (the organization's name, a moved
// hearing) shows within 60 s. The RSVP form carries no per-visitor token, so the page is the
// same for everyone; a refused RSVP (422/429) is rendered for its sender only.

export const ACTION_PAGES_CHANNEL = "amparo_action_pages";
const MAX_AGE_MS = 60_000;
const HTML = "text/html; charset=utf-8";
const ICS = "text/calendar; charset=utf-8";
/** Every public action page of an organization carries this tag. */
const tagOf = (orgId: string) => `actions-org:${orgId}`;

export type ActionsPublicOptions = {
  database: Pick<Database, "db" | "exec" | "listen">;
  bus: EventBus;
  publicUrl: string | undefined;
};

/** RSVPs from one address for one action: at most this many an hour. */
export const RSVP_RATE_LIMIT = { limit: 5, windowSeconds: 3600 };

// The visitor's address, through the trusted-proxy setting (platform/client-address.ts).
const clientAddress = (c: AppContext) => clientAddressOf(c, c.get("config").trustedProxies);

function langFor(c: AppContext, org: PublicEvent["org"]): Lang {
  const picked = publicLang({
    query: c.req.query("lang"),
    cookie: /(?:^|;\s*)amparo_lang=(es|en)/.exec(c.req.header("cookie") ?? "")?.[1],
    acceptLanguage: c.req.header("accept-language"),
  }).lang;
  return picked ?? (isLang(org.defaultLanguage) ? org.defaultLanguage : "es");
}

export function actionsPublicRoutes(options: ActionsPublicOptions) {
  const { db } = options.database;
  const cache = new PageCache({ maxEntries: 1000, maxAgeMs: MAX_AGE_MS });
  const relay = new CacheRelay(options.database, cache, ACTION_PAGES_CHANNEL, () => off());
  // The public home also lists the open public campaigns and drives.
  const offs = (
    ["actions.changed", "funds.campaign_changed", "supplies.drive_changed"] as const
  ).map((name) => options.bus.on(name, (change) => relay.invalidate(tagOf(change.orgId))));
  const off = () => {
    for (const stop of offs) stop();
  };
  relay.start().catch(() => {
    console.warn(
      `[amparo] action pages: not listening for other instances; pages refresh within ${MAX_AGE_MS / 1000} s`,
    );
  });
  const routes = new Hono<AppEnv>();
  // Links on the public address when one is set, else relative (platform/public-address.ts).
  const absolute = (_c: AppContext, path: string) =>
    publicLink(publicBaseUrl({ config: options }), path);

  /** The stored copy for this address, language and kind of page (rendered on a miss). */
  const stored = async (
    c: AppContext,
    slug: string,
    kind: "page" | "thanks" | "ics" | "list" | "feed" | "pdf",
    render: (lang: Lang | null, base: string | null) => Promise<Rendered | null>,
  ) => {
    // The organization's address as every public page checks it; an action's own slug (up to
    // 80 characters, action.ts) by its own rule. The list and feed have none.
    const orgSlug = publicSlugs(c.req.param("org") ?? "", "list")?.org;
    const actionSlug = slug.toLowerCase();
    if (
      !orgSlug ||
      (slug && (actionSlug.length > EVENT_LIMITS.slug || !SLUG_PATTERN.test(actionSlug)))
    )
      throw notFound();
    const slugs = { org: orgSlug, slug: actionSlug || "-" };
    const variant = variantOf(
      {
        target: { ...slugs, flyer: kind === "pdf" },
        langParam: c.req.query("lang"),
        cookie: c.req.header("cookie"),
        acceptLanguage: c.req.header("accept-language"),
      },
      options.publicUrl,
    );
    const page = await cache.getOrRender(`a|${kind}|${variant.key}`, () =>
      render(variant.lang, variant.base),
    );
    return send(c, page, variant.varies);
  };

  routes.get("/p/:org/events.ics", anyone, (c) =>
    stored(c, "", "feed", async (chosen, base) => {
      const found = await listPublicEvents(db, c.req.param("org"));
      if (!found) return null;
      const lang = chosen ?? orgLang(found.org);
      const entries = found.events.map((event) => ({
        event,
        url: publicLink(base, `/p/${found.org.slug}/e/${event.slug}`),
      }));
      return {
        body: actionsCalendar(found.org.name, entries, lang),
        contentType: ICS,
        headers: { "Content-Disposition": `inline; filename="${found.org.slug}.ics"` },
        tags: [tagOf(found.org.id), `org:${found.org.id}`],
      };
    }),
  );

  routes.get("/p/:org", anyone, (c) =>
    stored(c, "", "list", async (chosen, base) => {
      const found = await listPublicEvents(db, c.req.param("org"));
      if (!found) return null;
      const lang = chosen ?? orgLang(found.org);
      const home = `/p/${found.org.slug}`;
      const campaigns = (await listPublicCampaigns(db, found.org.id)).map((item) => ({
        href: `${home}/c/${item.slug}`,
        title: item.title,
      }));
      const drives = (await listPublicDrives(db, found.org.id)).map((item) => ({
        href: `${home}/s/${item.slug}`,
        title: item.title,
      }));
      const html = await (
        <PublicEventListPage
          lang={lang}
          url={publicLink(base, home)}
          org={found.org}
          events={found.events}
          campaigns={campaigns}
          drives={drives}
        />
      );
      return {
        body: `<!DOCTYPE html>${html}`,
        contentType: HTML,
        headers: { "Content-Language": lang },
        tags: [tagOf(found.org.id), `org:${found.org.id}`],
      };
    }),
  );

  routes.get("/p/:org/e/:slug/flyer.pdf", anyone, (c) =>
    stored(c, c.req.param("slug"), "pdf", async (_lang, base) => {
      const data = await loadPublicEvent(db, c.req.param("org"), c.req.param("slug"));
      if (!data) return null;
      const pdf = await renderEventFlyer(
        data,
        publicLink(base, `/p/${data.org.slug}/e/${data.event.slug}`),
      );
      return {
        body: new Uint8Array(pdf),
        contentType: "application/pdf",
        headers: {
          "Content-Disposition": `inline; filename="${data.org.slug}-${data.event.slug}.pdf"`,
        },
        tags: [tagOf(data.org.id), `org:${data.org.id}`],
      };
    }),
  );

  routes.get("/p/:org/e/:slug", anyone, (c) => {
    const raw = c.req.param("slug");
    const ics = raw.endsWith(".ics");
    const slug = ics ? raw.slice(0, -4) : raw;
    const thanks = !ics && c.req.query("rsvp") === "ok";
    return stored(
      c,
      slug,
      ics ? "ics" : thanks ? "thanks" : "page",
      async (chosen, base): Promise<Rendered | null> => {
        const data = await loadPublicEvent(db, c.req.param("org"), slug);
        if (!data) return null;
        const lang = chosen ?? orgLang(data.org);
        const url = publicLink(base, `/p/${data.org.slug}/e/${data.event.slug}`);
        const tags = [tagOf(data.org.id), `org:${data.org.id}`];
        if (ics) {
          return {
            body: actionsCalendar(data.org.name, [{ event: data.event, url }], lang),
            contentType: ICS,
            headers: { "Content-Disposition": `attachment; filename="${data.event.slug}.ics"` },
            tags,
          };
        }
        const html = await (
          <PublicEventPage
            {...data}
            lang={lang}
            url={url}
            form={{ values: {}, errors: {} }}
            thanks={thanks}
          />
        );
        return {
          body: `<!DOCTYPE html>${html}`,
          contentType: HTML,
          headers: { "Content-Language": lang },
          tags,
        };
      },
    );
  });

  routes.post("/p/:org/e/:slug/rsvp", anyone, async (c) => {
    const deps = c.get("deps");
    const data = await loadPublicEvent(db, c.req.param("org"), c.req.param("slug"));
    if (data?.event.status !== "planned") throw notFound();
    const lang = langFor(c, data.org);
    const url = absolute(c, `/p/${data.org.slug}/e/${data.event.slug}`);
    const values = await readForm(c);
    const page = (
      form: { values: Record<string, string>; errors: FieldErrors },
      status: 422 | 429,
      rateLimited = false,
    ) =>
      render(
        c,
        <PublicEventPage
          {...data}
          lang={lang}
          url={url}
          form={form}
          thanks={false}
          rateLimited={rateLimited}
        />,
        status,
      );
    const back = `/p/${data.org.slug}/e/${data.event.slug}?lang=${lang}&rsvp=ok#rsvp`;
    // A filled honeypot is a bot: answer as if it worked, keep nothing.
    if ((values.website ?? "").trim() !== "") return c.redirect(back, 303);
    const visitor = deps.cipher.fingerprint(clientAddress(c), "actions:rsvp");
    const limit = await hit(
      deps.db,
      `actions:rsvp:${data.event.id}:${visitor}`,
      RSVP_RATE_LIMIT.limit,
      RSVP_RATE_LIMIT.windowSeconds,
    );
    if (!limit.allowed) {
      c.header("Retry-After", String(limit.retryAfterSeconds));
      return page({ values, errors: {} }, 429, true);
    }
    try {
      await publicRsvp(deps, data.org.id, data.event.slug, {
        name: values.name ?? "",
        email: values.email ?? "",
        phone: values.phone ?? "",
        language: values.language ?? lang,
        status: values.status || "going",
        consent: values.consent === "on",
      });
    } catch (error) {
      return page({ values, errors: fieldErrorsOf(error) }, 422);
    }
    return c.redirect(back, 303);
  });

  return routes;
}

const orgLang = (org: PublicEvent["org"]): Lang =>
  isLang(org.defaultLanguage) ? org.defaultLanguage : "es";

function send(c: AppContext, page: CachedPage | null, varies: boolean): Response {
  if (!page) throw notFound();
  const out = responseFor(page, varies, c.req.header("if-none-match"));
  if (!out.body) return c.body(null, 304, out.headers);
  return c.body(out.body as Uint8Array<ArrayBuffer>, 200, out.headers);
}

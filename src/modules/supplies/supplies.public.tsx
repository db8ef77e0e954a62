import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import type { Database } from "../../db/client";
import { anyone } from "../../platform/authorize";
import { clientAddress as clientAddressOf } from "../../platform/client-address";
import { AppError, notFound } from "../../platform/errors";
import type { EventBus } from "../../platform/events";
import { readForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render } from "../../platform/http";
import type { Lang } from "../../platform/i18n";
import { LANG_COOKIE } from "../../platform/middleware";
import { type CachedPage, CacheRelay, PageCache, type Rendered } from "../../platform/page-cache";
import { publicBaseUrl, publicLink } from "../../platform/public-address";
import { hit } from "../../platform/rate-limit";
import { dayInZone } from "../../platform/time";
import { publicLang } from "../../platform/ui/public-language";
import { publicSlugs, responseFor, routeVariant } from "../public/public-serving";
import { acceptsPledges } from "./drive";
import { DrivePublicPage, drivePath, pledgePath } from "./drive-public.page";
import { type PledgeForm, PledgeFormPage, PledgeThanksPage } from "./pledge-form.page";
import { pledgeFromPublic } from "./pledge-from-public";
import { loadPublicDrive, type PublicDrive } from "./public-drive";
import { DRIVE_CHANGED } from "./supplies-events";
import { suppliesPublicText } from "./supplies-public.messages";
import { renderSupplyFlyer } from "./supply-flyer";

// /p/{org}/s/{slug} and its flyer: no sign-in, rendered once per language and served from
// stored bytes (platform/page-cache.ts), dropped when a pledge, a movement or any change
// to the drive commits (the supplies.drive_changed event; NOTIFY tells other instances).
// The pledge form is its own page, rendered per request: it carries a CSRF token.

export const SUPPLY_PAGES_CHANNEL = "amparo_supply_pages";
const MAX_AGE_MS = 60_000;
const HTML = "text/html; charset=utf-8";
/** Pledges one address may send to one drive in ten minutes. */
const PLEDGE_LIMIT = 10;

export type SupplyPublicOptions = {
  database: Pick<Database, "db" | "exec" | "listen">;
  bus: EventBus;
  publicUrl: string | undefined;
};

const tagOf = (driveId: string) => `supply-drive:${driveId}`;

export function suppliesPublicPages(options: SupplyPublicOptions) {
  const { db } = options.database;
  const cache = new PageCache({ maxEntries: 1000, maxAgeMs: MAX_AGE_MS });
  const relay = new CacheRelay(options.database, cache, SUPPLY_PAGES_CHANNEL, () => off());
  const off = options.bus.on(DRIVE_CHANGED, (change) => relay.invalidate(tagOf(change.driveId)));
  relay.start().catch(() => {
    console.warn(
      `[amparo] supply pages: not listening for other instances; pages refresh within ${MAX_AGE_MS / 1000} s`,
    );
  });

  const stored = new Hono<AppEnv>();

  stored.get("/p/:org/s/:slug/flyer.pdf", anyone, async (c) => {
    const { variant, slugs } = routeVariant(c, true, options.publicUrl);
    const page = await cache.getOrRender(`s|${variant.key}`, async () => {
      const data = await loadPublicDrive(db, slugs.org, slugs.slug);
      if (!data) return null;
      const body = await renderSupplyFlyer(data, pageUrl(variant.base, data));
      return {
        body,
        contentType: "application/pdf",
        headers: {
          "Content-Disposition": `inline; filename="${data.org.slug}-${data.drive.slug}.pdf"`,
        },
        tags: [tagOf(data.drive.id), `org:${data.org.id}`],
      };
    });
    return send(c, page, variant.varies);
  });

  stored.get("/p/:org/s/:slug", anyone, async (c) => {
    const { variant, slugs } = routeVariant(c, false, options.publicUrl);
    const page = await cache.getOrRender(`s|${variant.key}`, () =>
      renderDrivePage(db, slugs, variant.lang, variant.base),
    );
    return send(c, page, variant.varies);
  });

  // After the session, language and CSRF middleware (see app.ts).
  const pledges = new Hono<AppEnv>();

  pledges.get("/p/:org/s/:slug/pledge", anyone, async (c) => {
    const { data, lang } = await pledgeContext(c, db);
    if (!takesPledges(data))
      return c.redirect(`${drivePath(data.org.slug, data.drive.slug)}?lang=${lang}`, 303);
    const need = c.req.query("need");
    const values: Record<string, string> = { language: lang };
    if (need && data.needs.some((n) => n.id === need)) values.needId = need;
    return render(c, pledgePage(c, data, lang, { values, errors: {} }));
  });

  pledges.post("/p/:org/s/:slug/pledge", anyone, async (c) => {
    const { data, lang } = await pledgeContext(c, db);
    const values = await readForm(c);
    const t = suppliesPublicText[lang];
    const url = publicBaseUrl({ config: options });
    const thanks = (repeated: boolean) =>
      render(
        c,
        <PledgeThanksPage
          data={data}
          lang={lang}
          url={`${url}${pledgePath(data.org.slug, data.drive.slug)}`}
          repeated={repeated}
        />,
      );
    // A bot filled in the hidden field: thank it, keep nothing.
    if ((values.website ?? "").trim() !== "") return thanks(false);
    const limit = await hit(
      db,
      `supply-pledge:${data.drive.id}:${clientAddress(c)}`,
      PLEDGE_LIMIT,
      600,
    );
    if (!limit.allowed) {
      c.header("Retry-After", String(limit.retryAfterSeconds));
      return render(c, pledgePage(c, data, lang, { values, errors: {} }, t.rate_limited), 429);
    }
    try {
      const pledge = await pledgeFromPublic(c.get("deps"), data.org.id, data.drive.id, {
        needId: values.needId ?? "",
        quantity: values.quantity ?? "",
        pointId: values.pointId || null,
        dueOn: /^\d{4}-\d{2}-\d{2}$/.test(values.dueOn ?? "") ? (values.dueOn ?? null) : null,
        name: values.name ?? "",
        contact: values.contact ?? "",
        language: values.language === "en" ? "en" : "es",
        consent: values.consent === "yes",
      });
      return thanks(pledge.repeated);
    } catch (error) {
      if (error instanceof AppError && error.fields) {
        return render(
          c,
          pledgePage(c, data, lang, { values, errors: error.fields }, t.form_problem),
          422,
        );
      }
      if (error instanceof AppError && error.code === "drive_closed") {
        return c.redirect(`${drivePath(data.org.slug, data.drive.slug)}?lang=${lang}`, 303);
      }
      throw error;
    }
  });

  function pledgePage(
    c: AppContext,
    data: PublicDrive,
    lang: Lang,
    form: PledgeForm,
    notice?: string,
  ) {
    const base = publicBaseUrl({ config: options });
    return (
      <PledgeFormPage
        data={data}
        lang={lang}
        csrf={c.get("csrf")}
        form={form}
        url={publicLink(base, pledgePath(data.org.slug, data.drive.slug))}
        notice={notice}
      />
    );
  }

  return { routes: stored, pledgeRoutes: pledges, cache, relay, stop: () => off() };
}

function takesPledges(data: PublicDrive): boolean {
  return acceptsPledges(data.drive, dayInZone(new Date(), data.org.timeZone));
}

async function renderDrivePage(
  db: SupplyPublicOptions["database"]["db"],
  slugs: { org: string; slug: string },
  chosen: Lang | null,
  base: string | null,
): Promise<Rendered | null> {
  const data = await loadPublicDrive(db, slugs.org, slugs.slug);
  if (!data) return null;
  const lang = chosen ?? data.org.defaultLanguage;
  const html = await (
    <DrivePublicPage
      data={data}
      lang={lang}
      url={pageUrl(base, data)}
      takesPledges={takesPledges(data)}
    />
  );
  return {
    body: `<!DOCTYPE html>${html}`,
    contentType: HTML,
    headers: { "Content-Language": lang },
    tags: [tagOf(data.drive.id), `org:${data.org.id}`],
  };
}

async function pledgeContext(c: AppContext, db: SupplyPublicOptions["database"]["db"]) {
  const slugs = publicSlugs(c.req.param("org") ?? "", c.req.param("slug") ?? "");
  if (!slugs) throw notFound();
  const data = await loadPublicDrive(db, slugs.org, slugs.slug);
  if (!data) throw notFound();
  const lang =
    publicLang({
      query: c.req.query("lang"),
      cookie: getCookie(c, LANG_COOKIE),
      acceptLanguage: c.req.header("accept-language"),
    }).lang ?? data.org.defaultLanguage;
  return { data, lang };
}

function send(c: AppContext, page: CachedPage | null, varies: boolean): Response {
  if (!page) throw notFound();
  const out = responseFor(page, varies, c.req.header("if-none-match"));
  if (!out.body) return c.body(null, 304, out.headers);
  return c.body(out.body as Uint8Array<ArrayBuffer>, 200, out.headers);
}

// The visitor's address, through the trusted-proxy setting (platform/client-address.ts).
const clientAddress = (c: AppContext) => clientAddressOf(c, c.get("config").trustedProxies);

const pageUrl = (base: string | null, data: PublicDrive) =>
  publicLink(base, drivePath(data.org.slug, data.drive.slug));

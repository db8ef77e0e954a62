import { Hono } from "hono";
import { anyone } from "../../platform/authorize";
import { clientAddress as clientAddressOf } from "../../platform/client-address";
import { AppError, type FieldErrors, notFound } from "../../platform/errors";
import { readForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render } from "../../platform/http";
import { isLang, type Lang } from "../../platform/i18n";
import { publicBaseUrl, publicLink } from "../../platform/public-address";
import { hit } from "../../platform/rate-limit";
import { publicLang } from "../../platform/ui/public-language";
import { actionsCalendar } from "./calendar";
import { renderEventFlyer } from "./event-flyer";
import { PublicEventListPage, PublicEventPage } from "./public-event.page";
import { listPublicEvents, loadPublicEvent, type PublicEvent } from "./public-events";
import { publicRsvp } from "./public-rsvp";

// Public action pages (no session): /p/{org} (upcoming public actions), /p/{org}/events.ics,
// /p/{org}/e/{slug} with its RSVP form, /p/{org}/e/{slug}.ics and /p/{org}/e/{slug}/flyer.pdf.
// Rendered per request (the RSVP form and its thank-you differ per visitor).

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

export function actionsPublicRoutes(options: { publicUrl?: string | undefined } = {}) {
  const routes = new Hono<AppEnv>();
  // Links on the public address when one is set, else relative (platform/public-url.ts).
  const absolute = (_c: AppContext, path: string) =>
    publicLink(publicBaseUrl({ config: options }), path);

  routes.get("/p/:org/events.ics", anyone, async (c) => {
    const found = await listPublicEvents(c.get("deps").db, c.req.param("org"));
    if (!found) throw notFound();
    const lang = langFor(c, found.org);
    const entries = found.events.map((event) => ({
      event,
      url: absolute(c, `/p/${found.org.slug}/e/${event.slug}`),
    }));
    return c.body(actionsCalendar(found.org.name, entries, lang), 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${found.org.slug}.ics"`,
    });
  });

  routes.get("/p/:org", anyone, async (c) => {
    const found = await listPublicEvents(c.get("deps").db, c.req.param("org"));
    if (!found) throw notFound();
    const lang = langFor(c, found.org);
    return render(
      c,
      <PublicEventListPage
        lang={lang}
        url={absolute(c, `/p/${found.org.slug}`)}
        org={found.org}
        events={found.events}
      />,
    );
  });

  routes.get("/p/:org/e/:slug/flyer.pdf", anyone, async (c) => {
    const data = await loadPublicEvent(c.get("deps").db, c.req.param("org"), c.req.param("slug"));
    if (!data) throw notFound();
    const pdf = await renderEventFlyer(
      data,
      absolute(c, `/p/${data.org.slug}/e/${data.event.slug}`),
    );
    return c.body(new Uint8Array(pdf), 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${data.org.slug}-${data.event.slug}.pdf"`,
    });
  });

  routes.get("/p/:org/e/:slug", anyone, async (c) => {
    const raw = c.req.param("slug");
    const ics = raw.endsWith(".ics");
    const data = await loadPublicEvent(
      c.get("deps").db,
      c.req.param("org"),
      ics ? raw.slice(0, -4) : raw,
    );
    if (!data) throw notFound();
    const lang = langFor(c, data.org);
    const url = absolute(c, `/p/${data.org.slug}/e/${data.event.slug}`);
    if (ics) {
      return c.body(actionsCalendar(data.org.name, [{ event: data.event, url }], lang), 200, {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${data.event.slug}.ics"`,
      });
    }
    return render(
      c,
      <PublicEventPage
        {...data}
        lang={lang}
        url={url}
        form={{ values: {}, errors: {} }}
        thanks={c.req.query("rsvp") === "ok"}
      />,
    );
  });

  routes.post("/p/:org/e/:slug/rsvp", anyone, async (c) => {
    const deps = c.get("deps");
    const data = await loadPublicEvent(deps.db, c.req.param("org"), c.req.param("slug"));
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
      if (error instanceof AppError && error.fields)
        return page({ values, errors: error.fields }, 422);
      throw error;
    }
    return c.redirect(back, 303);
  });

  return routes;
}

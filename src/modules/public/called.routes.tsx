import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { anyone } from "../../platform/authorize";
import { pick } from "../../platform/bilingual";
import { clientAddress as clientAddressOf } from "../../platform/client-address";
import { AppError, notFound } from "../../platform/errors";
import { readForm } from "../../platform/form-input";
import {
  type AppContext,
  type AppEnv,
  render,
  requireUuidParam,
  safeNext,
} from "../../platform/http";
import { formatNumber, isLang, type Lang } from "../../platform/i18n";
import { LANG_COOKIE } from "../../platform/middleware";
import { Page } from "../../platform/ui/layout";
import { publicLang } from "../../platform/ui/public-language";
import { PublicLayout } from "../../platform/ui/public-layout";
import { getOrganizationBySlug } from "../accounts/organization-record";
import { countCall } from "../advocacy/count-call";
import { getPublicCallCampaign } from "../advocacy/public-advocacy";
import { advocacyPublicText } from "./advocacy-public.messages";
import { calledAction, campaignPath } from "./advocacy-section";

// Anonymous "I called", mounted after the session, language and CSRF middleware:
// - GET /p/{org}/c/{slug}/advocacy/{id}: a small confirmation page for visitors of the
//   stored campaign page. Being rendered per request, it sets the CSRF cookie (a first-time
//   visitor has none: the stored page sends no cookie) and puts the same token in its form.
// - POST /p/{org}/advocacy/{id}/called: counts one call (countCall: no personal data, rate
//   limited) and sends the visitor back (303) to `next` with ?called={id}#called-{id}.
export const advocacyPublicRoutes = new Hono<AppEnv>();

const SLUG = /^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/;

const clientAddress = (c: AppContext) => clientAddressOf(c, c.get("config").trustedProxies);

/**
 * Only a path on this organization's public pages, of a sane length; else null. The check is
 * on the path as a browser resolves it ("/p/x/../..//evil.example" is "//evil.example"), and
 * the resolved form is what the redirect uses.
 */
export function publicNext(value: unknown, orgSlug: string): string | null {
  const raw = safeNext(value, "");
  if (!raw || raw.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(raw, "http://amparo.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://amparo.invalid") return null;
  const next = `${url.pathname}${url.search}`;
  return safeNext(next, "") === next && next.startsWith(`/p/${orgSlug}/`) ? next : null;
}

/** The page to go back to, with the thank-you flag: ?called={id}#called-{id}. */
export function withCalledFlag(next: string, campaignId: string): string {
  const url = new URL(next, "http://amparo.invalid");
  url.searchParams.set("called", campaignId);
  url.hash = `called-${campaignId}`;
  return `${url.pathname}${url.search}${url.hash}`;
}

advocacyPublicRoutes.get("/p/:org/c/:slug/advocacy/:id", anyone, async (c) => {
  const db = c.get("deps").db;
  const slug = (c.req.param("slug") ?? "").toLowerCase();
  const org = await getOrganizationBySlug(db, c.req.param("org") ?? "");
  if (!org || !SLUG.test(slug)) throw notFound();
  const item = await getPublicCallCampaign(db, org.id, requireUuidParam(c));
  if (!item) throw notFound();
  const lang =
    publicLang({
      query: c.req.query("lang"),
      cookie: getCookie(c, LANG_COOKIE),
      acceptLanguage: c.req.header("accept-language"),
    }).lang ?? org.defaultLanguage;
  const t = advocacyPublicText[lang];
  const visit = item.kind === "visit";
  const back = campaignPath(org.slug, slug, lang);
  return render(
    c,
    <PublicLayout
      lang={lang}
      title={pick(item.title, lang).text}
      description={pick(item.title, lang).text}
      orgName={org.name}
      url={`/p/${org.slug}/c/${slug}/advocacy/${item.id}`}
    >
      <article class="pub-adv pub-adv-confirm">
        <h1 lang={pick(item.title, lang).lang}>{pick(item.title, lang).text}</h1>
        <p class="pub-adv-count">
          {(visit ? t.counted_visit : t.counted_call)(
            item.counted,
            formatNumber(item.counted, lang),
          )}
        </p>
        <p>{visit ? t.confirm_visit : t.confirm_call}</p>
        <form method="post" action={calledAction(org.slug, item.id)} class="pub-adv-form">
          <input type="hidden" name="_csrf" value={c.get("csrf")} />
          <input type="hidden" name="next" value={back} />
          <button type="submit" class="pub-button">
            {visit ? t.confirm_visit_button : t.confirm_call_button}
          </button>
        </form>
        <p>
          <a href={back}>{t.not_yet}</a>
        </p>
      </article>
    </PublicLayout>,
  );
});

advocacyPublicRoutes.post("/p/:org/advocacy/:id/called", anyone, async (c) => {
  const db = c.get("deps").db;
  const org = await getOrganizationBySlug(db, c.req.param("org") ?? "");
  if (!org) throw notFound();
  const campaignId = requireUuidParam(c);
  const values = await readForm(c);
  const next = publicNext(values.next, org.slug);
  const lang = langOf(next) ?? c.get("lang");
  try {
    await countCall(c.get("deps"), { orgId: org.id, campaignId, address: clientAddress(c) });
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") {
      if (error.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
      return render(c, <Notice c={c} lang={lang} next={next} kind="limit" />, 429);
    }
    throw error;
  }
  if (!next) return render(c, <Notice c={c} lang={lang} next={null} kind="thanks" />);
  return c.redirect(withCalledFlag(next, campaignId), 303);
});

function langOf(next: string | null): Lang | null {
  if (!next) return null;
  const lang = new URL(next, "http://amparo.invalid").searchParams.get("lang");
  return isLang(lang) ? lang : null;
}

/** A path without ?lang, so the language switch (a cookie) isn't overruled by the query. */
function withoutLang(path: string): string {
  const url = new URL(path, "http://amparo.invalid");
  url.searchParams.delete("lang");
  return `${url.pathname}${url.search}`;
}

// Shown after a POST (too many, or no page to go back to). The app's frame: its language
// switch is a form, which works here; the public frame's ?lang link would not.
function Notice(props: {
  c: AppContext;
  lang: Lang;
  next: string | null;
  kind: "limit" | "thanks";
}) {
  const t = advocacyPublicText[props.lang];
  const title = props.kind === "limit" ? t.limit_title : t.thanks_title;
  return (
    <Page
      title={title}
      lang={props.lang}
      csrf={props.c.get("csrf")}
      path={props.next ? withoutLang(props.next) : "/"}
      auth={null}
    >
      <div class="panel narrow center">
        <h1>{title}</h1>
        <p role={props.kind === "limit" ? "alert" : "status"}>
          {props.kind === "limit" ? t.limit_body : t.thanks_generic}
        </p>
        {props.next && (
          <a class="button secondary" href={props.next}>
            {t.back}
          </a>
        )}
      </div>
    </Page>
  );
}

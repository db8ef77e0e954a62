import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type Stripe from "stripe";
import { anyone } from "../../platform/authorize";
import { AppError, notFound } from "../../platform/errors";
import { type AppContext, type AppEnv, render } from "../../platform/http";
import { LANG_COOKIE } from "../../platform/middleware";
import { formatMoney } from "../../platform/money";
import { publicBaseUrl, publicLink } from "../../platform/public-address";
import { publicLang } from "../../platform/ui/public-language";
import {
  checkoutParams,
  giveLimitsCents,
  readGiveAmount,
} from "../funds/online-giving/online-giving";
import { stripeFor } from "../funds/online-giving/stripe-config";
import { giveText } from "./give.messages";
import { GivePage, ThanksPage } from "./give.page";
import { loadPublicCampaign, type PublicCampaign } from "./public-campaign";

// Card gifts online (docs/decisions/041-stripe-checkout.md). The donor chooses an amount
// here and, on their click, goes to Stripe Checkout: the one place Amparo sends anyone to
// another site. Stripe then tells the webhook (funds/stripe.routes.tsx), which records the
// gift.

/** Public: no session and no CSRF cookie (the page links here from cached bytes). */
export const giveRoutes = new Hono<AppEnv>();

const GIVE = "/p/:org/c/:slug/give";
const GIVE_PATH = /^\/p\/[^/]+\/c\/[^/]+\/give$/;
const CHECKOUT_ORIGIN = "https://checkout.stripe.com";

/**
 * The give page's form posts here and is answered with a redirect to Stripe Checkout;
 * browsers hold that redirect to the page's `form-action`, so on this one page (and only
 * while Stripe is configured) it also names Stripe's checkout host.
 */
export const checkoutFormAction = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!GIVE_PATH.test(c.req.path) || !stripeFor(c.get("config"))) return;
  const csp = c.res.headers.get("Content-Security-Policy");
  if (csp) {
    c.res.headers.set(
      "Content-Security-Policy",
      csp.replace("form-action 'self'", `form-action 'self' ${CHECKOUT_ORIGIN}`),
    );
  }
});

async function requireGive(c: AppContext): Promise<{ stripe: Stripe; data: PublicCampaign }> {
  const stripe = stripeFor(c.get("config"));
  if (!stripe) throw notFound();
  const data = await loadPublicCampaign(
    c.get("deps").db,
    c.req.param("org") ?? "",
    c.req.param("slug") ?? "",
  );
  if (!data) throw notFound();
  return { stripe, data };
}

function langOf(c: AppContext, data: PublicCampaign, chosen?: string) {
  return (
    publicLang({
      query: chosen ?? c.req.query("lang"),
      cookie: getCookie(c, LANG_COOKIE),
      acceptLanguage: c.req.header("accept-language"),
    }).lang ?? data.org.defaultLanguage
  );
}

const campaignUrl = (c: AppContext, data: PublicCampaign) =>
  publicLink(
    publicBaseUrl({ config: c.get("config") }),
    `/p/${data.org.slug}/c/${data.campaign.slug}`,
  );

function pageProps(c: AppContext, data: PublicCampaign, lang: "es" | "en") {
  return {
    lang,
    org: data.org,
    campaign: data.campaign,
    campaignUrl: campaignUrl(c, data),
    action: `/p/${data.org.slug}/c/${data.campaign.slug}/give`,
  };
}

giveRoutes.get(GIVE, anyone, async (c) => {
  const { data } = await requireGive(c);
  const lang = langOf(c, data);
  const notice = c.req.query("cancelled") === "1" ? giveText[lang].cancelled : undefined;
  return render(c, <GivePage {...pageProps(c, data, lang)} notice={notice} />);
});

giveRoutes.post(GIVE, anyone, async (c) => {
  // A form from another site could only send its visitor to a Stripe page they'd still
  // have to fill in; a foreign Origin is refused all the same.
  const origin = c.req.header("origin");
  const base = publicBaseUrl({ config: c.get("config") });
  const own = [...(base ? [new URL(base).origin] : []), new URL(c.req.url).origin];
  if (origin && origin !== "null" && !own.includes(origin)) throw new AppError("csrf_failed");
  const { stripe, data } = await requireGive(c);
  const body = await c.req.parseBody();
  const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
  const lang = langOf(c, data, text("lang"));
  const t = giveText[lang];
  const props = pageProps(c, data, lang);
  const amountText = text("amount").slice(0, 20);
  if (!data.campaign.open) return render(c, <GivePage {...props} />, 409);
  const amount = readGiveAmount(amountText, data.campaign.currency);
  if (!amount.ok) {
    const limits = giveLimitsCents(data.campaign.currency);
    const money = (n: typeof limits.min) => formatMoney(n, data.campaign.currency, lang);
    const error =
      amount.problem === "too_small"
        ? t.e_too_small(money(limits.min))
        : amount.problem === "too_large"
          ? t.e_too_large(money(limits.max))
          : t[`e_${amount.problem}`];
    return render(c, <GivePage {...props} amount={amountText} error={error} />, 422);
  }
  // Stripe needs absolute return addresses. Without a public address, the one this visitor
  // came in on: it only ever sends this same visitor back, never anyone else.
  const back = publicLink(
    base ?? new URL(c.req.url).origin,
    `/p/${data.org.slug}/c/${data.campaign.slug}`,
  );
  let url: string | null = null;
  try {
    const session = await stripe.checkout.sessions.create(
      checkoutParams({
        orgId: data.org.id,
        campaign: data.campaign,
        amount: amount.cents,
        lang,
        successUrl: `${back}/give/thanks?lang=${lang}`,
        cancelUrl: `${back}/give?lang=${lang}&cancelled=1`,
      }),
    );
    url = session.url;
  } catch (error) {
    console.warn(`[amparo] Stripe Checkout session not created: ${(error as Error).name}`);
  }
  if (!url?.startsWith(`${CHECKOUT_ORIGIN}/`)) {
    // Stripe is unreachable: not the donor's fault (503), and nothing was charged.
    const page = await (<GivePage {...props} amount={amountText} error={t.unavailable} />);
    return c.html(`<!DOCTYPE html>${page}`, 503);
  }
  return c.redirect(url, 303);
});

giveRoutes.get(`${GIVE}/thanks`, anyone, async (c) => {
  const { data } = await requireGive(c);
  const props = pageProps(c, data, langOf(c, data));
  return render(c, <ThanksPage {...props} />);
});

import { pick } from "../../platform/bilingual";
import type { Lang } from "../../platform/i18n";
import type { Currency } from "../../platform/money";
import { formatMoney } from "../../platform/money";
import { PublicInput } from "../../platform/ui/public-fields";
import { PublicLayout } from "../../platform/ui/public-layout";
import { giveLimitsCents } from "../funds/online-giving/online-giving";
import { giveText } from "./give.messages";

export type GivePageProps = {
  lang: Lang;
  org: { name: string; slug: string };
  campaign: { slug: string; title: { es: string; en: string }; currency: Currency; open: boolean };
  /** Absolute URL of the campaign's public page, without ?lang. */
  campaignUrl: string;
  /** The give page's own path (the form posts to it). */
  action: string;
  amount?: string;
  error?: string | undefined;
  notice?: string | undefined;
};

/** "How much?" and a button that leads to Stripe Checkout; works with JavaScript off. */
export function GivePage(props: GivePageProps) {
  const { lang, campaign } = props;
  const t = giveText[lang];
  const title = pick(campaign.title, lang).text;
  const limits = giveLimitsCents(campaign.currency);
  const money = (n: typeof limits.min) => formatMoney(n, campaign.currency, lang);
  return (
    <PublicLayout
      lang={lang}
      title={t.title}
      description={t.heading(title)}
      orgName={props.org.name}
      url={`${props.campaignUrl}/give`}
    >
      <h1>{t.heading(title)}</h1>
      {props.notice && (
        <p class="pub-note" role="status">
          {props.notice}
        </p>
      )}
      {campaign.open ? (
        <>
          <p>{t.how}</p>
          <p class="pub-muted">{t.private}</p>
          <form method="post" action={props.action} class="pub-give-form" novalidate>
            <input type="hidden" name="lang" value={lang} />
            <PublicInput
              id="give-amount"
              name="amount"
              label={t.amount(campaign.currency)}
              hint={t.limits(money(limits.min), money(limits.max))}
              error={props.error}
              alert
              type="text"
              inputmode="decimal"
              autocomplete="off"
              required
              maxlength={20}
              value={props.amount}
            />
            <p>
              <button type="submit" class="pub-button">
                {t.submit}
              </button>
            </p>
            <p class="pub-muted">{t.leaving}</p>
          </form>
        </>
      ) : (
        <p>{t.closed}</p>
      )}
      <p>
        <a href={`${props.campaignUrl}?lang=${lang}`}>{t.back}</a>
      </p>
    </PublicLayout>
  );
}

/** Where Stripe sends the donor after paying. */
export function ThanksPage(props: Omit<GivePageProps, "action" | "amount" | "error" | "notice">) {
  const t = giveText[props.lang];
  return (
    <PublicLayout
      lang={props.lang}
      title={t.thanks_title}
      description={t.thanks_title}
      orgName={props.org.name}
      url={`${props.campaignUrl}/give/thanks`}
    >
      <h1>{t.thanks_title}</h1>
      <p>{t.thanks_body}</p>
      <p>
        <a class="pub-button" href={`${props.campaignUrl}?lang=${props.lang}`}>
          {t.back}
        </a>
      </p>
    </PublicLayout>
  );
}

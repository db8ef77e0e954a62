import { common } from "../../../platform/common.messages";
import type { SignedIn } from "../../../platform/http";
import { formatNumber, formatPercent, type Lang } from "../../../platform/i18n";
import { type Currency, cents, formatMoney } from "../../../platform/money";
import { can } from "../../../platform/permissions";
import { InLang } from "../../../platform/ui/blocks";
import { Actions, Csrf, Field, type FormState } from "../../../platform/ui/forms";
import { Page, Pager } from "../../../platform/ui/layout";
import { progress } from "../campaign";
import { fundsText } from "../funds.messages";
import type { CampaignTotals } from "../ledger/ledger";
import type { MonthTotals } from "../ledger/reports";
import { MonthChart } from "./campaign-charts";
import type { CampaignPage } from "./search-campaigns";

type Props = {
  lang: Lang;
  csrf: string;
  path: string;
  auth: SignedIn;
  result: CampaignPage;
  totals: Map<string, CampaignTotals>;
  q: string;
  overall: { currency: Currency; months: MonthTotals[] }[];
  settings?: FormState | undefined;
  notice?: string | undefined;
};

export function FundsListPage(props: Props) {
  const { lang, result, auth } = props;
  const t = fundsText[lang];
  const c = common[lang];
  const pages = Math.max(1, Math.ceil(result.total / result.perPage));
  const link = (page: number) =>
    `/funds?${new URLSearchParams({ ...(props.q ? { q: props.q } : {}), page: String(page) })}`;
  return (
    <Page
      title={t.title}
      lang={lang}
      csrf={props.csrf}
      path={props.path}
      auth={auth}
      section="funds"
    >
      <div class="page-head">
        <h1>{t.title}</h1>
        {can(auth.role, "funds.manage") && (
          <a class="button" href="/funds/new">
            {t.add}
          </a>
        )}
      </div>
      <p class="lede">{t.lede}</p>
      {props.notice && (
        <div class="alert alert-ok" role="status">
          {props.notice}
        </div>
      )}
      <search>
        <form method="get" action="/funds" class="searchbar compact">
          <div class="field">
            <label for="f-q">{t.search_label}</label>
            <input
              id="f-q"
              name="q"
              type="search"
              value={props.q}
              placeholder={t.search_placeholder}
              maxlength={200}
              autocomplete="off"
            />
          </div>
          <button type="submit" class="secondary">
            {c.search}
          </button>
        </form>
      </search>
      {result.total === 0 ? (
        <div class="empty">
          {props.q ? (
            <>
              <h2>{t.no_results}</h2>
              <p>{t.no_results_hint}</p>
              <a class="button secondary" href="/funds">
                {t.clear_search}
              </a>
            </>
          ) : (
            <>
              <h2>{t.empty_title}</h2>
              <p>{t.empty_body}</p>
              {can(auth.role, "funds.manage") && (
                <a class="button" href="/funds/new">
                  {t.add}
                </a>
              )}
            </>
          )}
        </div>
      ) : (
        <>
          <p class="count" role="status">
            {result.total === 1 ? t.found_one : t.found(formatNumber(result.total, lang))}
          </p>
          <ul class="list">
            {result.campaigns.map((campaign) => {
              const totals = props.totals.get(campaign.id);
              const raised = totals?.raisedCents ?? cents(0);
              const money = (n: number) => formatMoney(cents(n), campaign.currency, lang);
              const p = progress(raised, campaign.goalCents, campaign.milestonesCents);
              return (
                <li class="list-item">
                  <a class="title" href={`/funds/${campaign.id}`}>
                    <InLang text={campaign.title} lang={lang} />
                  </a>
                  <span class={`badge ${campaign.open ? "" : "badge-muted"}`}>
                    {campaign.open ? t.badge_open : t.badge_closed}
                  </span>
                  <svg
                    class="mini-progress"
                    viewBox="0 0 100 6"
                    preserveAspectRatio="none"
                    aria-hidden="true"
                  >
                    <rect width="100" height="6" rx="3" fill="#d9dcd6" />
                    <rect width={String(p.percent)} height="6" rx="3" fill="#0b6760" />
                  </svg>
                  <span class="meta">
                    {`${t.raised_of(money(raised), money(campaign.goalCents))} · ${formatPercent(p.percent, lang)} · ${t.gifts_count}: ${formatNumber(totals?.gifts ?? 0, lang)}`}
                  </span>
                </li>
              );
            })}
          </ul>
          <Pager lang={lang} page={result.page} pages={pages} link={link} />
        </>
      )}
      {props.overall.map((r) => (
        <section class="panel" aria-labelledby={`overall-${r.currency}`}>
          <h2 class="panel-title" id={`overall-${r.currency}`}>
            {`${t.overall_title} (${r.currency})`}
          </h2>
          <MonthChart
            months={r.months}
            currency={r.currency}
            lang={lang}
            id={`overall-chart-${r.currency}`}
          />
        </section>
      ))}
      {props.settings && (
        <section class="panel" aria-labelledby="settings-title">
          <h2 class="panel-title" id="settings-title">
            {t.settings_title}
          </h2>
          <form method="post" action="/funds/settings" novalidate>
            <Csrf token={props.csrf} />
            <Field
              name="threshold"
              label={t.threshold}
              hint={t.settings_hint}
              form={props.settings}
              lang={lang}
              required
            />
            <Actions>
              <button type="submit" class="secondary">
                {c.save}
              </button>
            </Actions>
          </form>
        </section>
      )}
    </Page>
  );
}

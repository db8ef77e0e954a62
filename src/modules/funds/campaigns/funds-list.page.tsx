import { common } from "../../../platform/common.messages";
import { formatNumber, formatPercent } from "../../../platform/i18n";
import { type Currency, cents, formatMoney } from "../../../platform/money";
import { can } from "../../../platform/permissions";
import { InLang } from "../../../platform/ui/blocks";
import { Actions, Field, Form, type FormState } from "../../../platform/ui/forms";
import { ListPage, listSearch, listStates, paged } from "../../../platform/ui/list-page";
import type { ViewProps } from "../../../platform/ui/view";
import { progress } from "../campaign";
import { fundsText } from "../funds.messages";
import type { CampaignTotals } from "../ledger/ledger";
import type { MonthTotals } from "../ledger/reports";
import { MonthChart } from "./campaign-charts";
import type { CampaignPage } from "./search-campaigns";

type Props = ViewProps & {
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
  const mayAdd = can(auth.role, "funds.manage");
  return (
    <ListPage
      {...props}
      title={t.title}
      section="funds"
      add={mayAdd ? { href: "/funds/new", label: t.add } : null}
      lead={<p class="lede">{t.lede}</p>}
      search={listSearch(t, "/funds", props.q)}
      filtering={props.q !== ""}
      {...paged(result, "/funds", { q: props.q })}
      count={t.found(result.total)}
      {...listStates(t)}
      after={
        <>
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
          {props.settings && <ApprovalSettings {...props} settings={props.settings} />}
        </>
      }
    >
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
    </ListPage>
  );
}

/** The organization's approval threshold for payments, below the list. */
function ApprovalSettings(props: Props & { settings: FormState }) {
  const t = fundsText[props.lang];
  return (
    <section class="panel" aria-labelledby="settings-title">
      <h2 class="panel-title" id="settings-title">
        {t.settings_title}
      </h2>
      <Form action="/funds/settings" csrf={props.csrf} form={props.settings} lang={props.lang}>
        <Field name="threshold" label={t.threshold} hint={t.settings_hint} required />
        <Actions>
          <button type="submit" class="secondary">
            {common[props.lang].save}
          </button>
        </Actions>
      </Form>
    </section>
  );
}

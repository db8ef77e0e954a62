import type { Child } from "hono/jsx";
import { pick } from "../../../platform/bilingual";
import { formatNumber } from "../../../platform/i18n";
import { cents, formatMoney } from "../../../platform/money";
import { can } from "../../../platform/permissions";
import {
  Alert,
  InLang,
  Notice,
  ConfirmPage as PlatformConfirmPage,
  Stats,
} from "../../../platform/ui/blocks";
import { Field, type FormState } from "../../../platform/ui/forms";
import { Page, Panel } from "../../../platform/ui/layout";
import { ShareLinks } from "../../../platform/ui/share";
import type { ViewProps } from "../../../platform/ui/view";
import { fundsText } from "../funds.messages";
import { BondsPanel, LedgerPanel } from "../ledger/ledger-panels";
import { MonthChart, ProgressBar } from "./campaign-charts";
import { GiftsPanel, PaymentsPanel } from "./campaign-panels";
import type { CampaignView } from "./campaign-view";

export type CampaignPageProps = ViewProps & {
  view: CampaignView;
  /** publicBaseUrl(...): where outsiders reach the public page, or null when unknown. */
  publicBase: string | null;
  /** A form that failed, kept as typed, under the panel it belongs to. */
  forms?: { gift?: FormState; payment?: FormState; bond?: FormState };
  notice?: string | undefined;
  alert?: string | undefined;
};

export function CampaignPage(props: CampaignPageProps) {
  const { view, lang, auth } = props;
  const t = fundsText[lang];
  const c = view.campaign;
  const title = pick(c.title, lang).text;
  const money = (n: number) => formatMoney(cents(n), c.currency, lang);
  const stats: [number | string, string][] = [
    [money(view.totals.raisedCents), t.raised],
    [money(view.totals.availableCents), t.available],
    [money(view.totals.onBondCents), t.on_bond],
    [money(view.totals.spentCents), t.spent],
    [formatNumber(view.totals.gifts, lang), t.gifts_count],
  ];
  const panel = { view, lang, csrf: props.csrf, auth };
  // A refused form is shown where it is, with its reason, and the page opens there: the first
  // wrong field gets `autofocus`, which scrolls it into view on a phone (no script needed; a
  // #fragment in the action would make browsers skip autofocus). A refusal with no field to
  // point at (not enough money) shows at the top too, where the page opens.
  const kept = (["gift", "payment", "bond"] as const).find((k) => props.forms?.[k]);
  const pointsAtField =
    kept !== undefined && Object.keys(props.forms?.[kept]?.errors ?? {}).length > 0;
  const formOf = (k: "gift" | "payment" | "bond") => {
    const form = props.forms?.[k];
    return form && { ...form, focusError: true };
  };
  const alertOf = (k: "gift" | "payment" | "bond") => (kept === k ? props.alert : undefined);
  return (
    <Page title={title} lang={lang} csrf={props.csrf} path={props.path} auth={auth} section="funds">
      <div class="page-head">
        <h1>
          <InLang text={c.title} lang={lang} />
        </h1>
        <span class={`badge ${c.open ? "" : "badge-muted"}`}>
          {c.open ? t.badge_open : t.badge_closed}
        </span>
        <span class="badge">{c.public ? t.badge_public : t.badge_private}</span>
        {can(auth.role, "funds.manage") && (
          <a class="button secondary" href={`/funds/${c.id}/edit`}>
            {t.edit}
          </a>
        )}
      </div>
      <Notice text={props.notice} />
      <Alert text={!pointsAtField && props.alert} />
      {view.caseName && <p class="lede">{t.for_case(view.caseName)}</p>}
      {!c.open && <p class="muted">{t.closed_note}</p>}
      <ProgressBar campaign={c} totals={view.totals} lang={lang} />
      <Stats class="money-stats" items={stats.map(([value, label]) => ({ value, label }))} />
      {view.totals.interestCents > 0 && (
        <p class="muted">{t.interest_note(money(view.totals.interestCents))}</p>
      )}
      {c.public && (
        <ShareLinks
          lang={lang}
          path={`/p/${auth.org.slug}/c/${c.slug}`}
          flyerPath={`/p/${auth.org.slug}/c/${c.slug}/flyer.pdf`}
          base={props.publicBase}
        />
      )}
      <GiftsPanel {...panel} form={formOf("gift")} alert={alertOf("gift")} />
      <PaymentsPanel {...panel} form={formOf("payment")} alert={alertOf("payment")} />
      <BondsPanel {...panel} form={formOf("bond")} alert={alertOf("bond")} />
      <Panel id="report" title={t.report_title} labelled>
        <MonthChart months={view.months} currency={c.currency} lang={lang} id="campaign-chart" />
      </Panel>
      <LedgerPanel {...panel} />
      <p>
        <a class="button secondary" href={`/funds/${c.id}/ledger.csv`} download>
          {t.export_csv}
        </a>
      </p>
    </Page>
  );
}

/** "Are you sure?" once, before a money step, with an optional reason kept with the movement. */
export function ConfirmPage(
  props: ViewProps & {
    title: string;
    body: Child;
    action: string;
    confirm: string;
    cancel: string;
    cancelLabel: string;
    /** An optional reason kept with the movement. */
    memo?: { label: string; hint: string };
    /** A destructive step (red); approving or paying is not. */
    danger?: boolean;
  },
) {
  return (
    <PlatformConfirmPage
      {...props}
      section="funds"
      confirmLabel={props.confirm}
      cancelHref={props.cancel}
      tone={(props.danger ?? true) ? "danger" : "primary"}
    >
      {props.memo && (
        <Field
          name="memo"
          label={props.memo.label}
          hint={props.memo.hint}
          form={{ values: {}, errors: {} }}
          lang={props.lang}
          maxlength={500}
        />
      )}
    </PlatformConfirmPage>
  );
}

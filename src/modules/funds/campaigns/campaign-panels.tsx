import type { PropsWithChildren } from "hono/jsx";
import { common } from "../../../platform/common.messages";
import type { SignedIn } from "../../../platform/http";
import { formatDate, type Lang } from "../../../platform/i18n";
import { cents, formatMoney } from "../../../platform/money";
import { can, type Permission } from "../../../platform/permissions";
import {
  Checkbox,
  DisclosureForm,
  emptyForm,
  Field,
  type FormState,
  optionsOf,
  Select,
} from "../../../platform/ui/forms";
import { Panel } from "../../../platform/ui/layout";
import { ItemList, Meta } from "../../../platform/ui/lists";
import { approvalProblem, canTakeStep, DISBURSEMENT_PURPOSES } from "../disbursements/disbursement";
import { GIFT_METHODS } from "../gifts/gift";
import { importText } from "../imports/funds-import.messages";
import { AmountField } from "./campaign-ui";
import type { CampaignView } from "./campaign-view";
import { activityText } from "./funds-activity.messages";
import { today } from "./funds-forms";

export type PanelProps = {
  view: CampaignView;
  lang: Lang;
  csrf: string;
  auth: SignedIn;
  form?: FormState | undefined;
  /** Why the kept form was refused when it isn't one field's fault (not enough money...). */
  alert?: string | undefined;
};

/**
 * A panel's form, folded, for those `may` allow: it posts to the campaign's `path`, and
 * opens with what was typed when it comes back (else `defaults`), or when `openAnyway`.
 */
export function CampaignPanelForm(
  props: PropsWithChildren<{
    p: PanelProps;
    may: Permission;
    path: string;
    defaults: Record<string, string>;
    summary: string;
    submit: string;
    openAnyway?: boolean;
  }>,
) {
  const { p } = props;
  if (!can(p.auth.role, props.may)) return null;
  return (
    <DisclosureForm
      summary={props.summary}
      open={!!p.form || !!props.openAnyway}
      alert={p.alert}
      action={`/funds/${p.view.campaign.id}/${props.path}`}
      csrf={p.csrf}
      form={p.form ?? emptyForm(props.defaults)}
      lang={p.lang}
      submit={props.submit}
    >
      {props.children}
    </DisclosureForm>
  );
}

export function GiftsPanel(props: PanelProps) {
  const { view, lang, auth } = props;
  const t = activityText[lang];
  const c = view.campaign;
  const money = (n: number) => formatMoney(cents(n), c.currency, lang);
  const tz = auth.org.timeZone;
  return (
    <Panel id="gifts" title={t.gifts_title} labelled>
      <CampaignPanelForm
        p={props}
        may="funds.gifts"
        path="gifts"
        defaults={{
          gift_method: "cash",
          gift_received_on: today(tz),
          gift_received_by: auth.user.id,
        }}
        summary={t.record_gift}
        submit={t.record_submit}
        openAnyway={view.totals.gifts === 0}
      >
        <div class="grid-2">
          <AmountField name="gift_amount" label={t.amount} currency={c.currency} lang={lang} />
          <Select
            name="gift_method"
            label={t.method}
            options={optionsOf(GIFT_METHODS, (m) => t[`method_${m}`])}
          />
          <Field name="gift_received_on" type="date" label={t.received_on} />
          <Select
            name="gift_received_by"
            label={t.received_by}
            blank="—"
            options={view.team.map((u) => ({ value: u.id, label: u.name }))}
          />
        </div>
        <Field
          name="gift_event_note"
          label={t.event_note}
          hint={t.event_note_hint}
          maxlength={300}
        />
        <Field
          name="gift_donor_name"
          label={t.donor_name}
          hint={t.donor_hint}
          maxlength={160}
          autocomplete="off"
        />
        <Checkbox name="gift_show_name" label={t.show_name} />
      </CampaignPanelForm>
      {can(auth.role, "funds.import") && (
        <p>
          <a class="button secondary" href={`/funds/${c.id}/import`}>
            {importText[lang].link}
          </a>
        </p>
      )}
      <search>
        <form method="get" action={`/funds/${c.id}#gifts`} class="searchbar compact">
          <div class="field">
            <label for="f-gq">{t.gifts_search}</label>
            <input id="f-gq" name="gq" type="search" value={view.giftQuery} maxlength={200} />
          </div>
          <button type="submit" class="secondary">
            {common[lang].search}
          </button>
        </form>
      </search>
      <ItemList
        items={view.gifts}
        none={view.giftQuery ? t.gifts_none_found : t.gifts_empty}
        noneClass="empty"
        item={(g) => (
          <>
            <span class="title">{money(g.amountCents)}</span>
            <span class="badge">{t[`method_${g.method}`]}</span>
            {g.reversed && <span class="badge badge-muted">{t.reversed}</span>}
            <Meta
              items={[
                formatDate(g.receivedAt, lang, tz),
                g.donorName
                  ? `${g.donorName}${g.anonymous ? ` (${t.anonymous})` : ""}`
                  : t.anonymous,
                g.eventNote,
                g.receivedByName ? t.received_by_meta(g.receivedByName) : null,
              ]}
            />
          </>
        )}
      />
    </Panel>
  );
}

export function PaymentsPanel(props: PanelProps) {
  const { view, lang, auth } = props;
  const t = activityText[lang];
  const c = view.campaign;
  const money = (n: number) => formatMoney(cents(n), c.currency, lang);
  return (
    <Panel
      id="payments"
      title={t.payments_title}
      labelled
      hint={t.threshold_note(money(view.threshold))}
    >
      <CampaignPanelForm
        p={props}
        may="funds.manage"
        path="disbursements"
        defaults={{ pay_purpose: "legal_fees" }}
        summary={t.request_title}
        submit={t.request_submit}
      >
        <div class="grid-2">
          <AmountField name="pay_amount" label={t.amount} currency={c.currency} lang={lang} />
          <Select
            name="pay_purpose"
            label={t.purpose}
            options={optionsOf(DISBURSEMENT_PURPOSES, (p) => t[`purpose_${p}`])}
          />
        </div>
        <Field name="pay_payee" label={t.payee} hint={t.payee_hint} required maxlength={160} />
        <Field name="pay_memo" label={t.memo} maxlength={500} />
      </CampaignPanelForm>
      {view.disbursements.length === 0 ? (
        <p class="empty">{t.payments_empty}</p>
      ) : (
        <ul class="list">
          {view.disbursements.map((d) => {
            const base = `/funds/${c.id}/disbursements/${d.id}`;
            const approver = can(auth.role, "funds.approve");
            const problem = approvalProblem(d, auth.user.id, view.threshold);
            return (
              <li class="list-item">
                <span class="title">{d.payee}</span>
                <span class={`badge status-${d.status}`}>{t[`status_${d.status}`]}</span>
                <Meta
                  items={[
                    money(d.amountCents),
                    t[`purpose_${d.purpose}`],
                    formatDate(d.createdAt, lang, auth.org.timeZone),
                    d.requestedByName ? t.requested_by(d.requestedByName) : null,
                    d.approvedByName ? t.approved_by(d.approvedByName) : null,
                    d.memo,
                  ]}
                />
                {approver && canTakeStep(d.status, "reject") && (
                  <div class="item-actions">
                    {problem === null && (
                      <a class="button primary" href={`${base}/approve`}>
                        {t.approve}
                      </a>
                    )}
                    {problem === "self_approval" &&
                      (view.approvers > 1 ? (
                        <span class="muted">{t.needs_other}</span>
                      ) : (
                        <Alone {...props} />
                      ))}
                    {canTakeStep(d.status, "pay") && (
                      <a class="button primary" href={`${base}/pay`}>
                        {t.pay}
                      </a>
                    )}
                    <a class="button secondary" href={`${base}/reject`}>
                      {t.reject}
                    </a>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}

/** Why a one-person group can't approve its own payment over the threshold, and the way out. */
function Alone(props: PanelProps) {
  const t = activityText[props.lang];
  const c = props.view.campaign;
  const threshold = formatMoney(props.view.threshold, c.currency, props.lang);
  return (
    <div class="alert alert-warn alone">
      <p>{t.alone(threshold)}</p>
      {can(props.auth.role, "users.manage") ? (
        <a href="/users#invite">{t.invite_teammate}</a>
      ) : (
        <p>{t.alone_ask_owner}</p>
      )}
    </div>
  );
}

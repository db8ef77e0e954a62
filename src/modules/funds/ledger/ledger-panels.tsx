import { formatDate } from "../../../platform/i18n";
import { cents, formatMoney } from "../../../platform/money";
import { can } from "../../../platform/permissions";
import { Csrf, Field } from "../../../platform/ui/forms";
import { Panel } from "../../../platform/ui/layout";
import { ItemList, Meta } from "../../../platform/ui/lists";
import { CampaignPanelForm, type PanelProps } from "../campaigns/campaign-panels";
import { AmountField } from "../campaigns/campaign-ui";
import { activityText } from "../campaigns/funds-activity.messages";
import { today } from "../campaigns/funds-forms";
import { ledgerText } from "./ledger.messages";
import { LedgerList } from "./ledger-list";

export function BondsPanel(props: PanelProps) {
  const { view, lang, auth, csrf } = props;
  const t = activityText[lang];
  const c = view.campaign;
  const tz = auth.org.timeZone;
  const money = (n: number) => formatMoney(cents(n), c.currency, lang);
  const manage = can(auth.role, "funds.manage");
  return (
    <Panel id="bonds" title={t.bonds_title} labelled>
      <CampaignPanelForm
        p={props}
        may="funds.manage"
        path="bonds"
        defaults={{ bond_posted_on: today(tz) }}
        summary={t.post_title}
        submit={t.post_submit}
      >
        <div class="grid-2">
          <AmountField name="bond_amount" label={t.bond_amount} currency={c.currency} lang={lang} />
          <Field name="bond_posted_on" type="date" label={t.posted_on} />
        </div>
        <Field name="bond_memo" label={t.memo} hint={t.bond_memo_hint} maxlength={500} />
      </CampaignPanelForm>
      <ItemList
        items={view.bonds}
        none={t.bonds_empty}
        noneClass="empty"
        item={(b) => (
          <>
            <span class="title">{money(b.principalCents)}</span>
            <span class={`badge bond-${b.status}`}>{t[`bond_${b.status}`]}</span>
            <Meta
              items={[
                t.bond_posted_meta(formatDate(b.postedAt, lang, tz)),
                b.settledAt ? t.bond_settled_meta(formatDate(b.settledAt, lang, tz)) : null,
                b.interestCents ? `${t.interest}: ${money(b.interestCents)}` : null,
                b.memo,
              ]}
            />
            {manage && b.status === "outstanding" && (
              <div class="item-actions">
                <form
                  method="post"
                  action={`/funds/${c.id}/bonds/${b.id}/return`}
                  class="return-form"
                >
                  <Csrf token={csrf} />
                  <div class="field">
                    <label for={`f-interest-${b.id}`}>{`${t.interest} (${c.currency})`}</label>
                    <input
                      id={`f-interest-${b.id}`}
                      name="interest"
                      type="text"
                      value="0"
                      autocomplete="off"
                      aria-describedby={`f-interest-${b.id}-hint`}
                    />
                    <p class="hint" id={`f-interest-${b.id}-hint`}>
                      {t.interest_hint}
                    </p>
                  </div>
                  <button type="submit" class="primary">
                    {t.return_submit}
                  </button>
                </form>
                <a class="button secondary" href={`/funds/${c.id}/bonds/${b.id}/forfeit`}>
                  {t.forfeit}
                </a>
              </div>
            )}
          </>
        )}
      />
    </Panel>
  );
}

export function LedgerPanel(props: PanelProps) {
  const { view, lang, auth } = props;
  const t = activityText[lang];
  const c = view.campaign;
  return (
    <Panel id="ledger" title={t.ledger_title} labelled hint={t.ledger_hint}>
      {view.ledger.lines.length === 0 ? (
        <p class="empty">{t.ledger_empty}</p>
      ) : (
        <LedgerList
          lines={view.ledger.lines}
          campaignId={c.id}
          currency={c.currency}
          lang={lang}
          auth={auth}
        />
      )}
      {view.ledger.older && (
        <p>
          <a class="button secondary" href={`/funds/${c.id}/ledger`}>
            {ledgerText[lang].open_ledger}
          </a>
        </p>
      )}
    </Panel>
  );
}

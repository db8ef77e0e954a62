// The ledger as a person reads it: one sentence per movement ("Gift from Óscar, $50 cash"),
// its double entry one tap away (<details>), reversal behind a small menu that leads to a
// confirmation page. Used by the campaign page (newest lines) and the ledger page (paged).
import type { SignedIn } from "../../../platform/http";
import { formatDate, type Lang } from "../../../platform/i18n";
import { type Cents, type Currency, formatMoney } from "../../../platform/money";
import { can } from "../../../platform/permissions";
import { Meta } from "../../../platform/ui/lists";
import { activityText } from "../campaigns/funds-activity.messages";
import { ledgerText } from "./ledger.messages";
import type { LedgerPageLine } from "./ledger-page";

/** What a line says, in plain words. */
export function lineSentence(line: LedgerPageLine, currency: Currency, lang: Lang): string {
  const t = ledgerText[lang];
  const money = (n: Cents) => formatMoney(n, currency, lang);
  const amount = money(line.amountCents);
  const what = (): string => {
    switch (line.kind) {
      case "donation": {
        const how = line.gift ? t[`how_${line.gift.method}`] : "";
        const who = line.gift?.donorName?.trim();
        return who ? t.gift_from(who, amount, how) : t.gift_no_name(amount, how);
      }
      case "disbursement":
        return line.payment
          ? t.payment_to(
              line.payment.payee,
              amount,
              activityText[lang][`purpose_${line.payment.purpose}`],
            )
          : t.payment(amount);
      case "refund":
        return t.refund(amount);
      case "bond_posted":
        return t.bond_posted(amount);
      case "bond_returned":
        return line.interestCents > 0
          ? t.bond_returned_interest(money(line.amountCents), money(line.interestCents))
          : t.bond_returned(amount);
      case "bond_forfeited":
        return t.bond_forfeited(amount);
    }
  };
  return line.reverses ? t.correction(what()) : what();
}

export function LedgerList(props: {
  lines: readonly LedgerPageLine[];
  campaignId: string;
  currency: Currency;
  lang: Lang;
  auth: SignedIn;
}) {
  const { lang, auth, currency } = props;
  const t = ledgerText[lang];
  const recordedBy = activityText[lang].recorded_by;
  const approver = can(auth.role, "funds.approve");
  return (
    <ul class="list ledger">
      {props.lines.map((line) => (
        <li class="list-item ledger-line" id={`g-${line.groupId}`}>
          <span class="title">{lineSentence(line, currency, lang)}</span>
          {line.reversedBy && <span class="badge badge-muted">{t.reversed}</span>}
          <Meta
            items={[
              formatDate(line.occurredAt, lang, auth.org.timeZone),
              line.memo,
              line.createdByName ? recordedBy(line.createdByName) : null,
            ]}
          />
          <div class="ledger-more">
            <details class="entries">
              <summary>{t.double_entry}</summary>
              <table class="entries-table">
                <tbody>
                  {line.entries.map((e) => (
                    <tr>
                      <th scope="row">{t[`account_${e.account}`]}</th>
                      <td>
                        {e.amountCents > 0 ? "+" : ""}
                        {formatMoney(e.amountCents, currency, lang)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            {approver && !line.reverses && !line.reversedBy && (
              <details class="row-menu">
                <summary aria-label={t.more} title={t.more}>
                  <span aria-hidden="true">⋯</span>
                </summary>
                <div class="row-menu-items">
                  <a href={`/funds/${props.campaignId}/ledger/${line.groupId}/reverse`}>
                    {t.reverse}
                  </a>
                </div>
              </details>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Newer / older links of a keyset-paged ledger (no page numbers: the ledger only grows). */
export function LedgerPager(props: {
  campaignId: string;
  lang: Lang;
  newer: string | null;
  older: string | null;
}) {
  const t = ledgerText[props.lang];
  const base = `/funds/${props.campaignId}/ledger`;
  if (!props.newer && !props.older) return null;
  return (
    <nav class="pager" aria-label={t.double_entry}>
      {props.newer ? (
        <a href={`${base}?after=${props.newer}`} rel="prev">
          {t.newer}
        </a>
      ) : (
        <span class="disabled">{t.newer}</span>
      )}
      {props.older ? (
        <a href={`${base}?before=${props.older}`} rel="next">
          {t.older}
        </a>
      ) : (
        <span class="disabled">{t.older}</span>
      )}
    </nav>
  );
}

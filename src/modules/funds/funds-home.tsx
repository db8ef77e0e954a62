import type { Db } from "../../db/client";
import type { SignedIn } from "../../platform/http";
import { formatDate, type Lang } from "../../platform/i18n";
import { formatMoney } from "../../platform/money";
import { can } from "../../platform/permissions";
import { Panel } from "../../platform/ui/layout";
import { ItemList, Meta } from "../../platform/ui/lists";
import { activityText } from "./campaigns/funds-activity.messages";
import {
  type PendingDisbursement,
  pendingDisbursements,
} from "./disbursements/disbursement-record";
import { fundsText } from "./funds.messages";

/** For the home page: payments waiting for approval or payment (empty if none, or no access). */
export async function fundsNeedingAttention(
  db: Db,
  auth: SignedIn,
): Promise<PendingDisbursement[]> {
  if (!can(auth.role, "funds.read")) return [];
  return pendingDisbursements(db, auth.org.id, 8);
}

export function FundsApprovalPanel(props: {
  items: PendingDisbursement[];
  lang: Lang;
  timeZone: string;
}) {
  const { lang } = props;
  if (props.items.length === 0) return null;
  const t = fundsText[lang];
  const a = activityText[lang];
  return (
    <Panel title={t.home_title}>
      <ItemList
        items={props.items}
        item={(d) => (
          <>
            <a class="title" href={`/funds/${d.campaignId}#payments`}>
              {`${formatMoney(d.amountCents, d.currency, lang)} · ${d.payee}`}
            </a>
            <span class={`badge status-${d.status}`}>
              {d.status === "requested" ? t.home_waiting_approval : t.home_waiting_payment}
            </span>
            <Meta
              items={[
                d.campaignTitle[lang],
                a[`purpose_${d.purpose}`],
                formatDate(d.createdAt, lang, props.timeZone),
                d.requestedByName ? a.requested_by(d.requestedByName) : null,
              ]}
            />
          </>
        )}
      />
      <p>
        <a href="/funds">{`${t.title} →`}</a>
      </p>
    </Panel>
  );
}

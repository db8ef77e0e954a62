import { Back } from "../../../platform/ui/blocks";
import { Page } from "../../../platform/ui/layout";
import type { ViewProps } from "../../../platform/ui/view";
import type { Campaign } from "../campaign";
import { activityText } from "../campaigns/funds-activity.messages";
import { ledgerText } from "./ledger.messages";
import { LedgerList, LedgerPager } from "./ledger-list";
import type { LedgerPage as Paged } from "./ledger-page";

/** The whole ledger of a campaign, newest first, a page at a time. */
export function LedgerPage(props: ViewProps & { campaign: Campaign; page: Paged }) {
  const { lang, campaign: c, page } = props;
  const t = ledgerText[lang];
  const a = activityText[lang];
  const title = t.page_title(c.title[lang]);
  return (
    <Page {...props} title={title} section="funds">
      <Back link={{ href: `/funds/${c.id}`, label: t.back }} />
      <h1>{title}</h1>
      <p class="hint">{a.ledger_hint}</p>
      {page.lines.length === 0 ? (
        <p class="empty">{a.ledger_empty}</p>
      ) : (
        <LedgerList
          lines={page.lines}
          campaignId={c.id}
          currency={c.currency}
          lang={lang}
          auth={props.auth}
        />
      )}
      <LedgerPager campaignId={c.id} lang={lang} newer={page.newer} older={page.older} />
      {page.newer && (
        <p>
          <a href={`/funds/${c.id}/ledger`}>{t.newest}</a>
        </p>
      )}
    </Page>
  );
}

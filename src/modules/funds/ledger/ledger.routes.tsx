import { Hono } from "hono";
import { allow } from "../../../platform/authorize";
import { common } from "../../../platform/common.messages";
import { AppError } from "../../../platform/errors";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../../platform/http";
import { isUuid } from "../../../platform/ids";
import { ConfirmPage } from "../campaigns/campaign.page";
import { getCampaign } from "../campaigns/campaign-record";
import { view } from "../campaigns/funds.routes";
import { activityText } from "../campaigns/funds-activity.messages";
import { ledgerText } from "./ledger.messages";
import { LedgerPage } from "./ledger.page";
import { lineSentence } from "./ledger-list";
import { ledgerLine, ledgerPage } from "./ledger-page";

// The ledger page (paged in SQL, keyset on when it was recorded) and the confirmation
// before a reversal, which names the movement and its amount.

export const ledgerRoutes = new Hono<AppEnv>();

export const LEDGER_PAGE_SIZE = 50;

async function campaignFor(c: AppContext) {
  const auth = c.var.signedIn;
  const campaign = await getCampaign(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!campaign) throw new AppError("not_found");
  return { auth, campaign };
}

/** A cursor from the query string; anything that isn't a group id means "the newest". */
const cursor = (value: string | undefined) => (value && isUuid(value) ? value.toLowerCase() : null);

ledgerRoutes.get("/funds/:id/ledger", allow("funds.read"), async (c) => {
  const { auth, campaign } = await campaignFor(c);
  const page = await ledgerPage(c.get("deps").db, auth.org.id, campaign.id, {
    before: cursor(c.req.query("before")),
    after: cursor(c.req.query("after")),
    limit: LEDGER_PAGE_SIZE,
  });
  return render(c, <LedgerPage {...view(c)} campaign={campaign} page={page} />);
});

ledgerRoutes.get("/funds/:id/ledger/:gid/reverse", allow("funds.approve"), async (c) => {
  const { auth, campaign } = await campaignFor(c);
  const lang = c.get("lang");
  const t = ledgerText[lang];
  const a = activityText[lang];
  const line = await ledgerLine(
    c.get("deps").db,
    auth.org.id,
    campaign.id,
    requireUuidParam(c, "gid"),
  );
  if (!line) throw new AppError("not_found");
  return render(
    c,
    <ConfirmPage
      {...view(c)}
      title={t.reverse_title}
      body={
        <>
          {t.reverse_what} <strong>{lineSentence(line, campaign.currency, lang)}</strong>.{" "}
          {t.reverse_body}
        </>
      }
      action={`/funds/${campaign.id}/ledger/${line.groupId}/reverse`}
      confirm={a.reverse_confirm}
      cancel={`/funds/${campaign.id}/ledger`}
      cancelLabel={common[lang].cancel}
      memo={{ label: a.reverse_reason, hint: a.reverse_reason_hint }}
    />,
  );
});

import { Hono } from "hono";
import { allow } from "../../../platform/authorize";
import { common } from "../../../platform/common.messages";
import { AppError, type FieldErrors } from "../../../platform/errors";
import { parseWith, readForm } from "../../../platform/form-input";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../../platform/http";
import { formatMoney } from "../../../platform/money";
import { publicBaseUrl } from "../../../platform/public-address";
import { getBond } from "../bonds/bond-record";
import { forfeitBond } from "../bonds/forfeit-bond";
import { postBond } from "../bonds/post-bond";
import { returnBond } from "../bonds/return-bond";
import { approveDisbursement } from "../disbursements/approve-disbursement";
import { getDisbursement } from "../disbursements/disbursement-record";
import { payDisbursement } from "../disbursements/pay-disbursement";
import { rejectDisbursement } from "../disbursements/reject-disbursement";
import { requestDisbursement } from "../disbursements/request-disbursement";
import { recordDonation } from "../gifts/record-donation";
import { ledgerCsv } from "../ledger/ledger-export";
import { reverseEntry } from "../ledger/reverse-entry";
import { bondForm, giftForm, paymentForm, reverseForm } from "./activity-forms";
import { CampaignPage, ConfirmPage } from "./campaign.page";
import { getCampaign } from "./campaign-record";
import { loadCampaignView } from "./campaign-view";
import { view } from "./funds.routes";
import { activityText } from "./funds-activity.messages";
import { prefixed, readAmount } from "./funds-forms";
import "../funds.errors";

// Money moving, from the campaign page: parse the form -> authorize -> one operation ->
// back to the page (303), or the page again with the form kept and the reason shown.

export const fundsActivityRoutes = new Hono<AppEnv>();

type Kept = { panel: "gift" | "payment" | "bond"; values: Record<string, string>; prefix?: string };

/** The campaign named in the path; the route's `allow(...)` has checked the permission. */
async function campaignFor(c: AppContext) {
  const auth = c.var.signedIn;
  const campaign = await getCampaign(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!campaign) throw new AppError("not_found");
  return { auth, campaign };
}

const formError = (fields: FieldErrors) => new AppError("validation_failed", fields);

/** "Interest: <why>" for a one-field form on a confirm step, shown as the page's alert. */
function fieldAlert(c: AppContext, label: string, errors: FieldErrors) {
  const key = Object.values(errors)[0] ?? "invalid";
  return `${label}: ${common[c.get("lang")][`field_${key}`]}`;
}

/** The campaign page again, with what went wrong: field errors under the form, or an alert. */
async function again(
  c: AppContext,
  campaignId: string,
  error: unknown,
  kept?: Kept,
  message?: string,
) {
  if (!(error instanceof AppError) || error.code === "not_found") throw error;
  const lang = c.get("lang");
  const campaignView = await loadCampaignView(c.get("deps").db, c.var.signedIn, campaignId);
  if (!campaignView) throw new AppError("not_found");
  const raw = error.fields ?? {};
  const fields = kept?.prefix ? prefixed(raw, kept.prefix) : raw;
  const alert = message
    ? message
    : error.code === "insufficient_funds"
      ? activityText[lang].insufficient(
          formatMoney(campaignView.totals.availableCents, campaignView.campaign.currency, lang),
        )
      : error.code === "validation_failed" && kept
        ? undefined
        : common[lang][`error_${error.code}`];
  const forms = kept ? { [kept.panel]: { values: kept.values, errors: fields } } : {};
  return render(
    c,
    <CampaignPage
      {...view(c)}
      path={`/funds/${campaignId}`}
      view={campaignView}
      publicBase={publicBaseUrl({ config: c.var.config })}
      forms={forms}
      alert={alert}
    />,
    error.status as 409,
  );
}

const done = (c: AppContext, id: string, what: string, anchor: string) =>
  c.redirect(`/funds/${id}?done=${what}#${anchor}`, 303);

fundsActivityRoutes.post("/funds/:id/gifts", allow("funds.gifts"), async (c) => {
  const { auth, campaign } = await campaignFor(c);
  const values = await readForm(c);
  const form = parseWith(giftForm(campaign.currency, auth.org.timeZone), values);
  if (!form.ok) return again(c, campaign.id, formError(form.errors), { panel: "gift", values });
  const gift = form.data;
  try {
    await recordDonation(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      amountCents: gift.gift_amount,
      method: gift.gift_method,
      receivedAt: gift.gift_received_on,
      donorName: gift.gift_donor_name,
      anonymous: !gift.gift_show_name,
      eventNote: gift.gift_event_note,
      receivedByUserId: gift.gift_received_by,
    });
  } catch (error) {
    return again(c, campaign.id, error, { panel: "gift", values, prefix: "gift" });
  }
  return done(c, campaign.id, "gift", "gifts");
});

fundsActivityRoutes.post("/funds/:id/disbursements", allow("funds.manage"), async (c) => {
  const { auth, campaign } = await campaignFor(c);
  const values = await readForm(c);
  const form = parseWith(paymentForm(campaign.currency), values);
  if (!form.ok) {
    return again(c, campaign.id, formError(form.errors), { panel: "payment", values });
  }
  const payment = form.data;
  try {
    await requestDisbursement(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      amountCents: payment.pay_amount,
      payee: payment.pay_payee,
      purpose: payment.pay_purpose,
      memo: payment.pay_memo,
    });
  } catch (error) {
    return again(c, campaign.id, error, { panel: "payment", values, prefix: "pay" });
  }
  return done(c, campaign.id, "requested", "payments");
});

async function disbursementFor(c: AppContext) {
  const { auth, campaign } = await campaignFor(c);
  const d = await getDisbursement(c.get("deps").db, auth.org.id, requireUuidParam(c, "did"));
  if (!d || d.campaignId !== campaign.id) throw new AppError("not_found");
  return { auth, campaign, d };
}

const STEPS = {
  approve: [approveDisbursement, "approved"],
  pay: [payDisbursement, "paid"],
  reject: [rejectDisbursement, "rejected"],
} as const;

for (const [step, [operation, notice]] of Object.entries(STEPS)) {
  fundsActivityRoutes.post(
    `/funds/:id/disbursements/:did/${step}`,
    allow("funds.approve"),
    async (c) => {
      const { auth, campaign, d } = await disbursementFor(c);
      try {
        await operation(c.get("deps"), auth.actor, d.id);
      } catch (error) {
        return again(c, campaign.id, error);
      }
      return done(c, campaign.id, notice, "payments");
    },
  );
}

// Each step asks once, with the amount and the payee, before it is taken.
for (const step of ["approve", "pay", "reject"] as const) {
  fundsActivityRoutes.get(
    `/funds/:id/disbursements/:did/${step}`,
    allow("funds.approve"),
    async (c) => {
      const { campaign, d } = await disbursementFor(c);
      const lang = c.get("lang");
      const t = activityText[lang];
      const amount = formatMoney(d.amountCents, d.currency, lang);
      const texts = {
        approve: [t.approve_title, t.approve_body(d.payee, amount), t.approve_confirm(amount)],
        pay: [t.pay_title, t.pay_body(d.payee, amount), t.pay_confirm(amount)],
        reject: [t.reject_title, t.reject_body(d.payee, amount), t.reject_confirm],
      } as const;
      const [title, body, confirm] = texts[step];
      return render(
        c,
        <ConfirmPage
          {...view(c)}
          title={title}
          body={body}
          action={`/funds/${campaign.id}/disbursements/${d.id}/${step}`}
          confirm={confirm}
          danger={step === "reject"}
          cancel={`/funds/${campaign.id}#payments`}
          cancelLabel={common[lang].cancel}
        />,
      );
    },
  );
}

fundsActivityRoutes.post("/funds/:id/bonds", allow("funds.manage"), async (c) => {
  const { auth, campaign } = await campaignFor(c);
  const values = await readForm(c);
  const form = parseWith(bondForm(campaign.currency, auth.org.timeZone), values);
  if (!form.ok) return again(c, campaign.id, formError(form.errors), { panel: "bond", values });
  const bond = form.data;
  try {
    await postBond(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      amountCents: bond.bond_amount,
      postedAt: bond.bond_posted_on,
      memo: bond.bond_memo,
    });
  } catch (error) {
    return again(c, campaign.id, error, { panel: "bond", values, prefix: "bond" });
  }
  return done(c, campaign.id, "bond", "bonds");
});

async function bondFor(c: AppContext) {
  const { auth, campaign } = await campaignFor(c);
  const bond = await getBond(c.get("deps").db, auth.org.id, requireUuidParam(c, "bid"));
  if (!bond || bond.campaignId !== campaign.id) throw new AppError("not_found");
  return { auth, campaign, bond };
}

fundsActivityRoutes.post("/funds/:id/bonds/:bid/return", allow("funds.manage"), async (c) => {
  const { auth, campaign, bond } = await bondFor(c);
  const values = await readForm(c);
  const interest = readAmount(values.interest || "0", campaign.currency, { allowZero: true });
  if (!interest.ok) {
    const label = activityText[c.get("lang")].interest;
    const message = fieldAlert(c, label, { interest: interest.error });
    return again(c, campaign.id, formError({}), undefined, message);
  }
  try {
    await returnBond(c.get("deps"), auth.actor, bond.id, { interestCents: interest.value });
  } catch (error) {
    return again(c, campaign.id, error);
  }
  return done(c, campaign.id, "returned", "bonds");
});

fundsActivityRoutes.get("/funds/:id/bonds/:bid/forfeit", allow("funds.manage"), async (c) => {
  const { campaign, bond } = await bondFor(c);
  const lang = c.get("lang");
  const t = activityText[lang];
  return render(
    c,
    <ConfirmPage
      {...view(c)}
      title={t.forfeit_title}
      body={t.forfeit_body(formatMoney(bond.principalCents, bond.currency, lang))}
      action={`/funds/${campaign.id}/bonds/${bond.id}/forfeit`}
      confirm={t.forfeit_confirm}
      cancel={`/funds/${campaign.id}#bonds`}
      cancelLabel={common[lang].cancel}
    />,
  );
});

fundsActivityRoutes.post("/funds/:id/bonds/:bid/forfeit", allow("funds.manage"), async (c) => {
  const { auth, campaign, bond } = await bondFor(c);
  try {
    await forfeitBond(c.get("deps"), auth.actor, bond.id);
  } catch (error) {
    return again(c, campaign.id, error);
  }
  return done(c, campaign.id, "forfeited", "bonds");
});

fundsActivityRoutes.post("/funds/:id/ledger/:gid/reverse", allow("funds.approve"), async (c) => {
  const { auth, campaign } = await campaignFor(c);
  const form = parseWith(reverseForm, await readForm(c));
  if (!form.ok) {
    const reason = activityText[c.get("lang")].reverse_reason;
    return again(c, campaign.id, formError({}), undefined, fieldAlert(c, reason, form.errors));
  }
  try {
    await reverseEntry(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      groupId: requireUuidParam(c, "gid"),
      memo: form.data.memo,
    });
  } catch (error) {
    return again(c, campaign.id, error);
  }
  return done(c, campaign.id, "reversed", "ledger");
});

fundsActivityRoutes.get("/funds/:id/ledger.csv", allow("funds.read"), async (c) => {
  const { auth, campaign } = await campaignFor(c);
  const csv = await ledgerCsv(
    c.get("deps").db,
    auth.org.id,
    campaign,
    c.get("lang"),
    auth.org.timeZone,
  );
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${campaign.slug}-ledger.csv"`);
  return c.body(csv);
});

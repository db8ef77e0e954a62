import { Hono } from "hono";
import { allow } from "../../../platform/authorize";
import { pick } from "../../../platform/bilingual";
import { AppError, type FieldErrors } from "../../../platform/errors";
import { fieldErrorsOf, parseWith, readForm } from "../../../platform/form-input";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../../platform/http";
import { can } from "../../../platform/permissions";
import { publicBaseUrl } from "../../../platform/public-address";
import { emptyForm } from "../../../platform/ui/forms";
import { listView, pageView } from "../../../platform/ui/view";
import { listCases } from "../../defense/case-dashboard";
import { getCaseSummary } from "../../defense/case-lookup";
import { type Campaign, type CampaignFields, CampaignFieldsSchema } from "../campaign";
import { getApprovalThreshold } from "../disbursements/funds-settings";
import { setApprovalThreshold } from "../disbursements/set-approval-threshold";
import { fundsText } from "../funds.messages";
import { overallMonthlyReport } from "../ledger/monthly-report";
import { CampaignPage } from "./campaign.page";
import { CampaignFormPage } from "./campaign-form.page";
import { getCampaign } from "./campaign-record";
import { totalsForCampaigns } from "./campaign-totals";
import { loadCampaignView } from "./campaign-view";
import { createCampaign } from "./create-campaign";
import { activityText } from "./funds-activity.messages";
import {
  amountText,
  campaignErrorsForForm,
  campaignToForm,
  formToCampaignInput,
  readAmount,
} from "./funds-forms";
import { FundsListPage } from "./funds-list.page";
import { parseCampaignQuery, searchCampaigns } from "./search-campaigns";
import { updateCampaign } from "./update-campaign";

export const fundsRoutes = new Hono<AppEnv>();

export const view = pageView;

const NOTICES = {
  created: ["funds", "created"],
  saved: ["funds", "saved"],
  threshold: ["funds", "threshold_saved"],
  gift: ["activity", "gift_recorded"],
  requested: ["activity", "disbursement_requested"],
  approved: ["activity", "disbursement_approved"],
  paid: ["activity", "disbursement_paid"],
  rejected: ["activity", "disbursement_rejected"],
  bond: ["activity", "bond_posted"],
  returned: ["activity", "bond_returned_done"],
  forfeited: ["activity", "bond_forfeited_done"],
  reversed: ["activity", "reversed_done"],
} as const;

export function notice(c: AppContext): string | undefined {
  const key = c.req.query("done");
  if (!key || !(key in NOTICES)) return undefined;
  const [catalog, name] = NOTICES[key as keyof typeof NOTICES];
  const lang = c.get("lang");
  return catalog === "funds"
    ? fundsText[lang][name as "created"]
    : activityText[lang][name as "gift_recorded"];
}

async function renderList(
  c: AppContext,
  settings?: { values: Record<string, string>; errors: FieldErrors },
) {
  // Declared on both routes: funds.read to see the list, funds.settings (owners) to save.
  const auth = c.var.signedIn;
  const db = c.get("deps").db;
  const query = parseCampaignQuery(c.req.query());
  const result = await searchCampaigns(db, auth.org.id, query);
  const totals = await totalsForCampaigns(db, auth.org.id, result.campaigns);
  const overall = await overallMonthlyReport(db, auth.org.id);
  const threshold = can(auth.role, "funds.settings")
    ? (settings ??
      emptyForm({ threshold: amountText(await getApprovalThreshold(db, auth.org.id), "USD") }))
    : undefined;
  return render(
    c,
    <FundsListPage
      {...listView(c)}
      result={result}
      totals={totals}
      q={query.q}
      overall={overall}
      settings={threshold}
      notice={notice(c)}
    />,
    settings ? 422 : 200,
  );
}

fundsRoutes.get("/funds", allow("funds.read"), (c) => renderList(c));

fundsRoutes.post("/funds/settings", allow("funds.settings"), async (c) => {
  const auth = c.var.signedIn;
  const values = await readForm(c);
  const amount = readAmount(values.threshold, "USD", { allowZero: true });
  if (!amount.ok) return renderList(c, { values, errors: { threshold: amount.error } });
  await setApprovalThreshold(c.get("deps"), auth.actor, amount.value);
  return c.redirect("/funds?done=threshold", 303);
});

fundsRoutes.get("/funds/new", allow("funds.manage"), async (c) => {
  const auth = c.var.signedIn;
  // Opened from a case ("raise money for this case"): the link comes with it.
  const caseId = c.req.query("case") ?? "";
  const linked = caseId ? await getCaseSummary(c.get("deps").db, auth.org.id, caseId) : null;
  return render(
    c,
    <CampaignFormPage
      {...view(c)}
      form={emptyForm({ currency: "USD", open: "on", case_id: linked?.id ?? "" })}
      caseName={linked && can(auth.role, "cases.read") ? linked.personDisplayName : null}
      cases={await caseChoices(c, linked?.id)}
    />,
  );
});

/** The cases a campaign may be for: the open ones, and the one it is for now. */
async function caseChoices(c: AppContext, current: string | undefined) {
  const auth = c.var.signedIn;
  if (!can(auth.role, "cases.read")) return null;
  const db = c.get("deps").db;
  const open = await listCases(db, auth.org.id, { q: "", filter: "active", limit: 500 });
  const choices = open.map((k) => ({ id: k.id, name: k.personDisplayName }));
  if (current && !choices.some((k) => k.id === current)) {
    const linked = await getCaseSummary(db, auth.org.id, current);
    if (linked) choices.unshift({ id: linked.id, name: linked.personDisplayName });
  }
  return choices.sort((a, b) => a.name.localeCompare(b.name, c.get("lang")));
}

async function caseNameFor(c: AppContext, caseId: string | undefined) {
  const auth = c.var.signedIn;
  if (!caseId || !can(auth.role, "cases.read")) return null;
  return (await getCaseSummary(c.get("deps").db, auth.org.id, caseId))?.personDisplayName ?? null;
}

function parseCampaignForm(values: Record<string, string>) {
  const { input, errors } = formToCampaignInput(values);
  const parsed = parseWith(CampaignFieldsSchema, input);
  const all = { ...(parsed.ok ? {} : campaignErrorsForForm(parsed.errors)), ...errors };
  return Object.keys(all).length === 0 && parsed.ok
    ? ({ ok: true, data: parsed.data } as const)
    : ({ ok: false, errors: all } as const);
}

/**
 * The campaign form posted (new, or an edit of `campaign`): parsed and run, then the page
 * `run` names; or the form again with what was typed and a message per field (422).
 */
async function submitCampaignForm(
  c: AppContext,
  campaign: Campaign | null,
  run: (data: CampaignFields) => Promise<string>,
) {
  const values = await readForm(c);
  const again = async (errors: FieldErrors) =>
    render(
      c,
      <CampaignFormPage
        {...view(c)}
        campaign={
          campaign
            ? { id: campaign.id, title: pick(campaign.title, c.get("lang")).text }
            : undefined
        }
        form={{ values, errors }}
        caseName={await caseNameFor(c, values.case_id)}
        cases={await caseChoices(c, values.case_id)}
      />,
      422,
    );
  const parsed = parseCampaignForm(values);
  if (!parsed.ok) return again(parsed.errors);
  let next: string;
  try {
    next = await run(parsed.data);
  } catch (error) {
    return again(campaignErrorsForForm(fieldErrorsOf(error)));
  }
  return c.redirect(next, 303);
}

fundsRoutes.post("/funds", allow("funds.manage"), (c) =>
  submitCampaignForm(c, null, async (data) => {
    const campaign = await createCampaign(c.get("deps"), c.var.signedIn.actor, data);
    return `/funds/${campaign.id}?done=created`;
  }),
);

fundsRoutes.get("/funds/:id", allow("funds.read"), async (c) => {
  const auth = c.var.signedIn;
  const id = requireUuidParam(c);
  const giftQuery = (c.req.query("gq") ?? "").slice(0, 200);
  const campaignView = await loadCampaignView(c.get("deps").db, auth, id, giftQuery);
  if (!campaignView) throw new AppError("not_found");
  return render(
    c,
    <CampaignPage
      {...view(c)}
      view={campaignView}
      publicBase={publicBaseUrl({ config: c.var.config })}
      notice={notice(c)}
    />,
  );
});

fundsRoutes.get("/funds/:id/edit", allow("funds.manage"), async (c) => {
  const auth = c.var.signedIn;
  const campaign = await getCampaign(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!campaign) throw new AppError("not_found");
  return render(
    c,
    <CampaignFormPage
      {...view(c)}
      campaign={{ id: campaign.id, title: pick(campaign.title, c.get("lang")).text }}
      form={emptyForm(campaignToForm(campaign))}
      caseName={await caseNameFor(c, campaign.caseId ?? undefined)}
      cases={await caseChoices(c, campaign.caseId ?? undefined)}
    />,
  );
});

fundsRoutes.post("/funds/:id", allow("funds.manage"), async (c) => {
  const auth = c.var.signedIn;
  const campaign = await getCampaign(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!campaign) throw new AppError("not_found");
  return submitCampaignForm(c, campaign, async (data) => {
    await updateCampaign(c.get("deps"), auth.actor, campaign.id, data);
    return `/funds/${campaign.id}?done=saved`;
  });
});

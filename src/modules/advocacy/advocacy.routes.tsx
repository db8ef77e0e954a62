import { Hono } from "hono";
import { z } from "zod";
import { allow } from "../../platform/authorize";
import { pick } from "../../platform/bilingual";
import { AppError } from "../../platform/errors";
import { readForm, submitForm } from "../../platform/form-input";
import {
  type AppContext,
  type AppEnv,
  render,
  requireAuth,
  requireUuidParam,
} from "../../platform/http";
import { isUuid } from "../../platform/ids";
import { dayInZone, daysEnding } from "../../platform/time";
import { emptyForm, type FormState } from "../../platform/ui/forms";
import { listCases } from "../defense/case-dashboard";
import { getCaseSummary } from "../defense/case-lookup";
import { advocacyText } from "./advocacy.messages";
import { campaignToForm, formErrors, formToCampaignInput } from "./advocacy-forms";
import { AdvocacyListPage } from "./advocacy-list.page";
import {
  type CallCampaign,
  type CallCampaignFields,
  CallCampaignFieldsSchema,
  fillDays,
} from "./call-campaign";
import { CallCampaignPage } from "./call-campaign.page";
import { CallCampaignFormPage } from "./call-campaign-form.page";
import {
  callsOnDays,
  getCallCampaign,
  listTargets,
  pageCallCampaigns,
  totalCalls,
} from "./call-campaign-record";
import { createCallCampaign } from "./create-call-campaign";
import { updateCallCampaign } from "./update-call-campaign";

// Organizer pages for call-in / visit campaigns. Targets: advocacy-targets.routes.tsx.
export const advocacyRoutes = new Hono<AppEnv>();

export const view = (c: AppContext) => ({
  lang: c.get("lang"),
  csrf: c.get("csrf"),
  path: c.req.path,
  auth: requireAuth(c),
});

export async function requireCallCampaign(c: AppContext, param = "id"): Promise<CallCampaign> {
  const auth = requireAuth(c);
  const found = await getCallCampaign(c.get("deps").db, auth.org.id, requireUuidParam(c, param));
  if (!found) throw new AppError("not_found");
  return found;
}

const NOTICES = {
  created: "created",
  saved: "saved",
  target_added: "target_added",
  target_saved: "target_saved",
  target_refreshed: "target_refreshed",
  target_removed: "target_removed",
} as const;
function notice(c: AppContext): string | undefined {
  const key = c.req.query("done");
  return key && key in NOTICES
    ? advocacyText[c.get("lang")][NOTICES[key as keyof typeof NOTICES]]
    : undefined;
}

const QuerySchema = z.object({
  q: z.string().max(200).catch("").default(""),
  case: z.string().max(60).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
const CAMPAIGNS_PER_PAGE = 50;

advocacyRoutes.get("/advocacy", allow("advocacy.read"), async (c) => {
  const auth = c.var.signedIn;
  const query = QuerySchema.parse(c.req.query());
  const db = c.get("deps").db;
  const q = query.q.replaceAll("\u0000", "");
  let forCase: { id: string; name: string } | null = null;
  if (query.case) {
    const summary = await getCaseSummary(db, auth.org.id, query.case);
    if (!summary) throw new AppError("not_found");
    forCase = { id: summary.id, name: summary.personDisplayName };
  }
  const found = await pageCallCampaigns(db, auth.org.id, {
    q,
    caseId: forCase?.id,
    page: query.page,
    perPage: CAMPAIGNS_PER_PAGE,
  });
  return render(
    c,
    <AdvocacyListPage {...view(c)} found={found} q={q} forCase={forCase} notice={notice(c)} />,
  );
});

async function caseOptions(c: AppContext) {
  const auth = requireAuth(c);
  const cases = await listCases(c.get("deps").db, auth.org.id, { q: "", filter: "all" });
  return cases.map((k) => ({ id: k.id, name: k.personDisplayName }));
}

async function formPage(
  c: AppContext,
  form: FormState,
  campaign?: CallCampaign,
  status: 200 | 404 | 422 = 200,
) {
  const lang = c.get("lang");
  return render(
    c,
    <CallCampaignFormPage
      {...view(c)}
      form={form}
      cases={await caseOptions(c)}
      campaign={campaign && { id: campaign.id, title: pick(campaign.title, lang).text }}
    />,
    status,
  );
}

advocacyRoutes.get("/advocacy/new", allow("advocacy.write"), async (c) => {
  const preset = c.req.query("case") ?? "";
  return formPage(
    c,
    emptyForm({ case_id: isUuid(preset) ? preset.toLowerCase() : "", kind: "call", open: "on" }),
  );
});

/**
 * The campaign form posted (new, or an edit of `campaign`): parsed and run, then the page
 * `run` names; or the form again with what was typed and a message per field (422).
 */
async function submitCampaignForm(
  c: AppContext,
  campaign: CallCampaign | undefined,
  run: (data: CallCampaignFields) => Promise<string>,
) {
  const values = await readForm(c);
  const outcome = await submitForm({
    values,
    schema: CallCampaignFieldsSchema,
    input: formToCampaignInput(values),
    mapErrors: formErrors,
    run,
  });
  return outcome.ok ? c.redirect(outcome.result, 303) : formPage(c, outcome.form, campaign, 422);
}

advocacyRoutes.post("/advocacy", allow("advocacy.write"), (c) =>
  submitCampaignForm(c, undefined, async (data) => {
    const created = await createCallCampaign(c.get("deps"), c.var.signedIn.actor, data);
    return `/advocacy/${created.id}?done=created`;
  }),
);

advocacyRoutes.get("/advocacy/:id", allow("advocacy.read"), async (c) => {
  const auth = c.var.signedIn;
  const campaign = await requireCallCampaign(c);
  const db = c.get("deps").db;
  const days = daysEnding(dayInZone(new Date(), auth.org.timeZone), 14);
  const summary = await getCaseSummary(db, auth.org.id, campaign.caseId);
  return render(
    c,
    <CallCampaignPage
      {...view(c)}
      campaign={campaign}
      personDisplayName={summary?.personDisplayName ?? ""}
      targets={await listTargets(db, auth.org.id, campaign.id)}
      days={fillDays(days, await callsOnDays(db, auth.org.id, campaign.id, days))}
      total={await totalCalls(db, auth.org.id, campaign.id)}
      notice={notice(c)}
    />,
  );
});

advocacyRoutes.get("/advocacy/:id/edit", allow("advocacy.write"), async (c) => {
  const campaign = await requireCallCampaign(c);
  return formPage(c, emptyForm(campaignToForm(campaign)), campaign);
});

advocacyRoutes.post("/advocacy/:id", allow("advocacy.write"), async (c) => {
  const campaign = await requireCallCampaign(c);
  return submitCampaignForm(c, campaign, async (data) => {
    await updateCallCampaign(c.get("deps"), c.var.signedIn.actor, campaign.id, data);
    return `/advocacy/${campaign.id}?done=saved`;
  });
});

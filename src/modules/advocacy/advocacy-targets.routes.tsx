import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { pick } from "../../platform/bilingual";
import { AppError, type FieldErrors } from "../../platform/errors";
import { fieldErrorsOf, parseWith, readForm } from "../../platform/form-input";
import {
  type AppContext,
  type AppEnv,
  render,
  requireAuth,
  requireUuidParam,
} from "../../platform/http";
import { emptyForm, type FormState } from "../../platform/ui/forms";
import { searchFacilities } from "../defense/facility-record";
import { addTarget } from "./add-target";
import { requireCallCampaign, view } from "./advocacy.routes";
import { formErrors, formToTargetInput, targetToForm } from "./advocacy-forms";
import { type CallCampaign, type Target, TargetFieldsSchema } from "./call-campaign";
import { getTarget } from "./call-campaign-record";
import { removeTarget } from "./remove-target";
import { EditTargetPage, NewTargetPage, RemoveTargetPage } from "./target.page";
import { refreshTarget, updateTarget } from "./update-target";

// Where a campaign asks people to call or go: add (from the directory or typed in), edit,
// copy again from the directory, remove (asked once).
export const advocacyTargetRoutes = new Hono<AppEnv>();

const ref = (c: AppContext, campaign: CallCampaign) => ({
  id: campaign.id,
  title: pick(campaign.title, c.get("lang")).text,
});

/** The campaign and its target named in the path (404 for another campaign's target). */
async function routeTarget(c: AppContext): Promise<{ campaign: CallCampaign; target: Target }> {
  const campaign = await requireCallCampaign(c);
  const auth = requireAuth(c);
  const id = requireUuidParam(c, "targetId");
  const target = await getTarget(c.get("deps").db, auth.org.id, campaign.id, id);
  if (!target) throw new AppError("not_found");
  return { campaign, target };
}

async function newTargetPage(
  c: AppContext,
  campaign: CallCampaign,
  forms: { directory?: FormState; office?: FormState },
  status: 200 | 422 = 200,
) {
  const auth = requireAuth(c);
  const facilities = await searchFacilities(c.get("deps").db, auth.org.id, "");
  return render(
    c,
    <NewTargetPage
      {...view(c)}
      campaign={ref(c, campaign)}
      facilities={facilities.map((f) => ({ id: f.id, name: f.name }))}
      directoryForm={forms.directory ?? emptyForm()}
      officeForm={forms.office ?? emptyForm()}
    />,
    status,
  );
}

advocacyTargetRoutes.get("/advocacy/:id/targets/new", allow("advocacy.write"), async (c) => {
  return newTargetPage(c, await requireCallCampaign(c), {});
});

advocacyTargetRoutes.post("/advocacy/:id/targets", allow("advocacy.write"), async (c) => {
  const auth = c.var.signedIn;
  const campaign = await requireCallCampaign(c);
  const values = await readForm(c);
  const fromDirectory = values.source === "facility";
  const again = (errors: FieldErrors) =>
    newTargetPage(
      c,
      campaign,
      fromDirectory
        ? { directory: { values, errors } }
        : { office: { values, errors: formErrors(errors) } },
      422,
    );
  try {
    if (fromDirectory) {
      if (!values.facility_id) return again({ facility_id: "required" });
      await addTarget(c.get("deps"), auth.actor, campaign.id, {
        from: "facility",
        facilityId: values.facility_id,
      });
    } else {
      const parsed = parseWith(TargetFieldsSchema, formToTargetInput(values));
      if (!parsed.ok) return again(parsed.errors);
      await addTarget(c.get("deps"), auth.actor, campaign.id, {
        from: "office",
        fields: parsed.data,
      });
    }
  } catch (error) {
    return again(fieldErrorsOf(error));
  }
  return c.redirect(`/advocacy/${campaign.id}?done=target_added`, 303);
});

advocacyTargetRoutes.get(
  "/advocacy/:id/targets/:targetId/edit",
  allow("advocacy.write"),
  async (c) => {
    const { campaign, target } = await routeTarget(c);
    return render(
      c,
      <EditTargetPage
        {...view(c)}
        campaign={ref(c, campaign)}
        target={target}
        form={emptyForm(targetToForm(target))}
      />,
    );
  },
);

advocacyTargetRoutes.post("/advocacy/:id/targets/:targetId", allow("advocacy.write"), async (c) => {
  const auth = c.var.signedIn;
  const { campaign, target } = await routeTarget(c);
  const values = await readForm(c);
  const parsed = parseWith(TargetFieldsSchema, formToTargetInput(values));
  if (!parsed.ok) {
    return render(
      c,
      <EditTargetPage
        {...view(c)}
        campaign={ref(c, campaign)}
        target={target}
        form={{ values, errors: formErrors(parsed.errors) }}
      />,
      422,
    );
  }
  await updateTarget(c.get("deps"), auth.actor, campaign.id, target.id, parsed.data);
  return c.redirect(`/advocacy/${campaign.id}?done=target_saved#target-${target.id}`, 303);
});

advocacyTargetRoutes.post(
  "/advocacy/:id/targets/:targetId/refresh",
  allow("advocacy.write"),
  async (c) => {
    const auth = c.var.signedIn;
    const { campaign, target } = await routeTarget(c);
    await refreshTarget(c.get("deps"), auth.actor, campaign.id, target.id);
    return c.redirect(`/advocacy/${campaign.id}?done=target_refreshed#target-${target.id}`, 303);
  },
);

advocacyTargetRoutes.get(
  "/advocacy/:id/targets/:targetId/delete",
  allow("advocacy.write"),
  async (c) => {
    const { campaign, target } = await routeTarget(c);
    return render(c, <RemoveTargetPage {...view(c)} campaign={ref(c, campaign)} target={target} />);
  },
);

advocacyTargetRoutes.post(
  "/advocacy/:id/targets/:targetId/delete",
  allow("advocacy.write"),
  async (c) => {
    const auth = c.var.signedIn;
    const { campaign, target } = await routeTarget(c);
    await removeTarget(c.get("deps"), auth.actor, campaign.id, target.id);
    return c.redirect(`/advocacy/${campaign.id}?done=target_removed`, 303);
  },
);

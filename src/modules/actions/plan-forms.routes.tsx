import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { type FieldErrors, invalid } from "../../platform/errors";
import { fieldErrorsOf, readForm } from "../../platform/form-input";
import {
  type AppContext,
  type AppEnv,
  render,
  requireUuidParam,
  type SignedIn,
} from "../../platform/http";
import { instantToZoned, zonedToInstant } from "../../platform/time";
import {
  type ActionsRouteOptions,
  canManage,
  canPlan,
  pickersFor,
  planFor,
  renameFields,
  view,
} from "./actions-routes-support";
import { addChant } from "./add-chant";
import { addCohost } from "./add-cohost";
import { addMaterial } from "./add-material";
import { addPair } from "./add-pair";
import { addRole } from "./add-role";
import { addRunOfShowStep } from "./add-step";
import { requireEventAccess } from "./event-record";
import { pairAutomatically } from "./pair-automatically";
import { type PlanForm, PlanPage } from "./plan.page";
import { PLAN_ITEM_KINDS, type PlanItemKind, removePlanItem } from "./remove-plan-item";
import { respondCohostInvitation } from "./respond-cohost-invitation";
import { setAttendance } from "./set-attendance";
import { setMarshalRatio } from "./set-marshal-ratio";
import { updateMaterial } from "./update-material";

// The forms on the plan page. Each posts, runs one operation and goes back to its part of
// the plan; on bad input the plan is shown again with what was typed and the message.

const FORM_NAMES: Record<string, string> = {
  personId: "person_id",
  ownerPersonId: "owner_id",
  bringerPersonId: "bringer_id",
  leaderPersonId: "leader_id",
  organizerPersonId: "organizer_id",
  newcomerPersonId: "newcomer_id",
  callEs: "call_es",
  orgSlug: "org_slug",
  at: "time",
  role: "custom_role",
  peoplePerMarshal: "people_per_marshal",
  item: "item",
};

const optional = (v: string | undefined) => (v?.trim() ? v.trim() : null);

type Handler = (
  c: AppContext,
  auth: SignedIn,
  eventId: string,
  values: Record<string, string>,
) => Promise<unknown>;

export function planFormRoutes(opts: ActionsRouteOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  async function again(
    c: AppContext,
    auth: SignedIn,
    form: PlanForm,
    values: Record<string, string>,
    errors: FieldErrors,
  ) {
    const plan = await planFor(c, auth, opts);
    return render(
      c,
      <PlanPage
        {...view(c, auth)}
        plan={plan}
        pickers={await pickersFor(c, auth, plan)}
        forms={{ [form]: { values, errors: renameFields(errors, FORM_NAMES) } }}
        canManage={canManage(auth, plan)}
        canPlan={canPlan(auth, plan)}
        publicUrl={null}
      />,
      422,
    );
  }

  /** POST /actions/:id/{path}: run `handler`, then back to `#anchor` with a notice. */
  function planForm(
    path: string,
    form: PlanForm,
    anchor: string,
    done: string,
    handler: Handler,
    permission: "actions.plan" | "actions.manage" = "actions.plan",
  ) {
    routes.post(`/actions/:id/${path}`, allow(permission), async (c) => {
      const auth = c.var.signedIn;
      const eventId = requireUuidParam(c);
      const values = await readForm(c);
      try {
        const result = await handler(c, auth, eventId, values);
        const extra = typeof result === "number" ? `&n=${result}` : "";
        return c.redirect(`/actions/${eventId}?done=${done}${extra}#${anchor}`, 303);
      } catch (error) {
        return again(c, auth, form, values, fieldErrorsOf(error));
      }
    });
  }

  planForm("roles", "role", "roles", "role", (c, auth, id, v) =>
    addRole(c.get("deps"), auth.actor, id, {
      personId: v.person_id ?? "",
      role: optional(v.custom_role) ?? v.role ?? "",
      notes: v.notes ?? "",
    }),
  );

  planForm("steps", "step", "steps", "step", async (c, auth, id, v) => {
    const { event } = await requireEventAccess(c.get("deps").db, auth.org.id, id);
    const date = optional(v.date) ?? instantToZoned(event.startsAt, event.timeZone).date;
    const at = zonedToInstant(date, (v.time ?? "").trim(), event.timeZone);
    if (!at) throw invalid({ time: "invalid_date" });
    return addRunOfShowStep(c.get("deps"), auth.actor, id, {
      at,
      title: v.title ?? "",
      ownerPersonId: optional(v.owner_id),
    });
  });

  planForm("materials", "material", "materials", "material", (c, auth, id, v) => {
    const text = (v.quantity ?? "").trim();
    const quantity = text === "" ? 1 : Number(text);
    if (!Number.isInteger(quantity)) throw invalid({ quantity: "invalid" });
    return addMaterial(c.get("deps"), auth.actor, id, {
      item: v.item ?? "",
      quantity,
      bringerPersonId: optional(v.bringer_id),
    });
  });

  // An invited organization's organizer answers a co-host invitation (from the actions list).
  for (const [verb, answer] of [
    ["accept", "accepted"],
    ["decline", "declined"],
  ] as const) {
    routes.post(
      `/actions/invitations/:invitationId/${verb}`,
      allow("actions.manage"),
      async (c) => {
        const auth = c.var.signedIn;
        const id = requireUuidParam(c, "invitationId");
        const done = await respondCohostInvitation(c.get("deps"), auth.actor, id, answer);
        return answer === "accepted"
          ? c.redirect(`/actions/${done.eventId}?done=cohost_accepted`, 303)
          : c.redirect("/actions?done=cohost_declined", 303);
      },
    );
  }

  // Who brings a material, from the one form under the list (the material in the body).
  routes.post("/actions/:id/materials/bringer", allow("actions.plan"), async (c) => {
    const auth = c.var.signedIn;
    const eventId = requireUuidParam(c);
    const v = await readForm(c);
    await updateMaterial(c.get("deps"), auth.actor, eventId, v.material_id ?? "", {
      bringerPersonId: optional(v.bringer_id),
    });
    return c.redirect(`/actions/${eventId}?done=material#materials`, 303);
  });

  routes.post("/actions/:id/materials/:itemId", allow("actions.plan"), async (c) => {
    const auth = c.var.signedIn;
    const eventId = requireUuidParam(c);
    const itemId = requireUuidParam(c, "itemId");
    const v = await readForm(c);
    await updateMaterial(c.get("deps"), auth.actor, eventId, itemId, {
      bringerPersonId: optional(v.bringer_id),
      status: v.status,
    });
    return c.redirect(`/actions/${eventId}?done=material#materials`, 303);
  });

  planForm("chants", "chant", "chants", "chant", (c, auth, id, v) =>
    addChant(c.get("deps"), auth.actor, id, {
      callEs: v.call_es ?? "",
      responseEs: v.response_es ?? "",
      callEn: v.call_en ?? "",
      responseEn: v.response_en ?? "",
      leaderPersonId: optional(v.leader_id),
    }),
  );

  planForm("pairs", "pair", "pairs", "pair", (c, auth, id, v) =>
    addPair(c.get("deps"), auth.actor, id, {
      organizerPersonId: v.organizer_id ?? "",
      newcomerPersonId: v.newcomer_id ?? "",
    }),
  );

  planForm("pairs/auto", "pair", "pairs", "paired", (c, auth, id) =>
    pairAutomatically(c.get("deps"), auth.actor, id),
  );

  planForm("attendances", "rsvp", "rsvps", "rsvp", (c, auth, id, v) =>
    setAttendance(c.get("deps"), auth.actor, id, {
      personId: v.person_id ?? "",
      status: v.status ?? "",
    }),
  );

  planForm(
    "cohosts",
    "cohost",
    "cohosts",
    "cohost",
    (c, auth, id, v) =>
      addCohost(c.get("deps"), auth.actor, id, { orgSlug: v.org_slug ?? "", name: v.name ?? "" }),
    "actions.manage",
  );

  planForm(
    "settings",
    "settings",
    "roles",
    "settings",
    (c, auth, _id, v) => setMarshalRatio(c.get("deps"), auth.actor, v.people_per_marshal ?? ""),
    "actions.manage",
  );

  routes.post("/actions/:id/:kind/:itemId/remove", allow("actions.plan"), async (c) => {
    const auth = c.var.signedIn;
    const eventId = requireUuidParam(c);
    const kind = c.req.param("kind") as PlanItemKind;
    if (!PLAN_ITEM_KINDS.includes(kind)) throw invalid({ kind: "invalid_choice" });
    await removePlanItem(c.get("deps"), auth.actor, eventId, kind, requireUuidParam(c, "itemId"));
    return c.redirect(`/actions/${eventId}?done=removed#${kind}s`, 303);
  });

  return routes;
}

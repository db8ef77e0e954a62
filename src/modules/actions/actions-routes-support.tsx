import { common } from "../../platform/common.messages";
import type { FieldErrors } from "../../platform/errors";
import { errorsByInput } from "../../platform/form-input";
import { type AppContext, requireUuidParam, type SignedIn } from "../../platform/http";
import { can } from "../../platform/permissions";
import type { FormState } from "../../platform/ui/forms";
import { listOrganizers } from "../people/person-summaries";
import { actionsText } from "./actions.messages";
import { requireEventAccess } from "./event-record";
import { loadPlan, type OpenLessonsFn, type Plan } from "./load-plan";
import type { PlanForm, PlanPickers } from "./plan.page";
import type { PersonOption } from "./plan-people";

// What the actions routes share: who is signed in, the plan with its pickers, notices.

export type ActionsRouteOptions = { openLessons: OpenLessonsFn; publicUrl: string };

export const view = (c: AppContext, auth: SignedIn) => ({
  lang: c.get("lang"),
  csrf: c.get("csrf"),
  path: c.req.path,
  auth,
});

export async function planFor(
  c: AppContext,
  auth: SignedIn,
  options: ActionsRouteOptions,
): Promise<Plan> {
  const db = c.get("deps").db;
  const access = await requireEventAccess(db, auth.org.id, requireUuidParam(c));
  return loadPlan(db, auth.org.id, access, options.openLessons);
}

const PICKER_LIMIT = 300;
const byName = (a: PersonOption, b: PersonOption) => a.displayName.localeCompare(b.displayName);

/**
 * The people the plan's forms offer: the organization's organizers (and its own people
 * already on the plan); for pairs, its newcomers who are coming and not yet paired.
 */
export async function pickersFor(c: AppContext, auth: SignedIn, plan: Plan): Promise<PlanPickers> {
  const db = c.get("deps").db;
  const organizers = new Map<string, PersonOption>();
  for (const o of await listOrganizers(db, auth.org.id, PICKER_LIMIT)) {
    organizers.set(o.id, { id: o.id, displayName: o.displayName });
  }
  const onPlan = [
    ...plan.roles.map((r) => r.personId),
    ...plan.steps.map((s) => s.ownerPersonId),
    ...plan.materials.map((m) => m.bringerPersonId),
    ...plan.chants.map((ch) => ch.leaderPersonId),
  ];
  const everyone = new Map(organizers);
  for (const id of onPlan) {
    const person = id ? plan.people.get(id) : undefined;
    if (person?.own) everyone.set(person.id, { id: person.id, displayName: person.displayName });
  }
  const paired = new Set(plan.pairs.map((p) => p.newcomerPersonId));
  const newcomers: PersonOption[] = [];
  for (const personId of plan.comingOwn) {
    const person = plan.people.get(personId);
    if (!person?.own || person.organizer || paired.has(personId)) continue;
    newcomers.push({ id: person.id, displayName: person.displayName });
    if (newcomers.length >= PICKER_LIMIT) break;
  }
  return {
    organizers: [...organizers.values()].sort(byName),
    everyone: [...everyone.values()].sort(byName),
    newcomers: newcomers.sort(byName),
  };
}

export function canPlan(auth: SignedIn, plan: Plan) {
  return can(auth.role, "actions.plan") && plan.event.status !== "cancelled";
}
export function canManage(auth: SignedIn, plan: Plan) {
  return plan.isHost && can(auth.role, "actions.manage");
}

const NOTICES = {
  created: "created",
  saved: "saved",
  status: "status_saved",
  role: "n_role",
  step: "n_step",
  material: "n_material",
  chant: "n_chant",
  pair: "n_pair",
  removed: "n_removed",
  cohost: "n_cohost",
  cohost_accepted: "n_cohost_accepted",
  cohost_declined: "n_cohost_declined",
  rsvp: "n_rsvp",
  settings: "n_settings",
} as const;

export function noticeFor(c: AppContext): string | undefined {
  const key = c.req.query("done");
  const t = actionsText[c.get("lang")];
  if (key === "paired") return t.paired(Number(c.req.query("n") ?? 0));
  return key && key in NOTICES ? (t[NOTICES[key as keyof typeof NOTICES]] as string) : undefined;
}

/** Renames operation fields (personId) to the form's (person_id). */
export function renameFields(errors: FieldErrors, names: Record<string, string>): FieldErrors {
  return errorsByInput(errors, (path) => names[path] ?? path);
}

export type PlanForms = Partial<Record<PlanForm, FormState>>;
export const formAlert = (c: AppContext) => common[c.get("lang")].error_validation_failed;

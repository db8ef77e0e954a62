import type { Db } from "../../db/client";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { actionsText } from "../actions/actions.messages";
import {
  type ActionEvent,
  addMaterial,
  addRole,
  addRunOfShowStep,
  EVENT_KINDS,
  getEvent,
  ROLE_KINDS,
} from "../actions/index";

// Everything the reviews module needs from the actions module, in one place: reviews ->
// actions, never the reverse (actions gets open lessons injected in app.ts).

export type ActionRef = ActionEvent;

/** The organization's own action (reviews and lessons are the host's), or a 404. */
export async function requireEvent(db: Db, orgId: string, id: string): Promise<ActionRef> {
  const event = await getEvent(db, orgId, id);
  if (!event) throw notFound();
  return event;
}

export const findEvent = getEvent;

/** Roles a lesson can become (a custom name goes through the plan page). */
export const PLAN_ROLES = ROLE_KINDS.filter(
  (r): r is Exclude<(typeof ROLE_KINDS)[number], "custom"> => r !== "custom",
) as [
  Exclude<(typeof ROLE_KINDS)[number], "custom">,
  ...Exclude<(typeof ROLE_KINDS)[number], "custom">[],
];

export async function addMaterialToPlan(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: { item: string; quantity: number },
): Promise<string> {
  return (await addMaterial(deps, actor, eventId, input)).id;
}

export async function addRoleToPlan(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: { personId: string; role: string; notes: string },
): Promise<string> {
  return (await addRole(deps, actor, eventId, input)).id;
}

export async function addStepToPlan(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: { at: Date; title: string },
): Promise<string> {
  return (await addRunOfShowStep(deps, actor, eventId, input)).id;
}

// Labels for kinds and roles: the actions module's own words.
type KindKey = `kind_${(typeof EVENT_KINDS)[number]}`;
type RoleKey = `role_${(typeof ROLE_KINDS)[number]}`;

export const kindLabel = (kind: string, lang: "es" | "en"): string =>
  (EVENT_KINDS as readonly string[]).includes(kind)
    ? actionsText[lang][`kind_${kind}` as KindKey]
    : kind;

export const roleLabel = (role: string, lang: "es" | "en"): string =>
  (ROLE_KINDS as readonly string[]).includes(role)
    ? actionsText[lang][`role_${role}` as RoleKey]
    : role;

export const kindOptions = (lang: "es" | "en") =>
  EVENT_KINDS.map((value) => ({ value, label: kindLabel(value, lang) }));

export const roleOptions = (lang: "es" | "en") =>
  PLAN_ROLES.map((value) => ({ value, label: roleLabel(value, lang) }));

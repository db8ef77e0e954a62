import type { Db } from "../../db/client";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import {
  type ActionEvent,
  addMaterial,
  addRole,
  addRunOfShowStep,
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

// Labels for kinds and roles. The actions module owns these words; until it publishes
// them, the lesson screens use this small table (kept in step with actions/action.ts).
const KIND_LABELS: Record<string, { es: string; en: string }> = {
  rally: { es: "Mitin", en: "Rally" },
  march: { es: "Marcha", en: "March" },
  vigil: { es: "Vigilia", en: "Vigil" },
  court_support: { es: "Acompañamiento en la corte", en: "Court support" },
  fundraiser: { es: "Recaudación de fondos", en: "Fundraiser" },
  canvass: { es: "Visitas casa por casa", en: "Canvass" },
  meeting: { es: "Reunión", en: "Meeting" },
  training: { es: "Capacitación", en: "Training" },
  other: { es: "Otra", en: "Other" },
};

const ROLE_LABELS: Record<string, { es: string; en: string }> = {
  lead: { es: "Responsable", en: "Lead" },
  deputy: { es: "Suplente", en: "Deputy" },
  marshal: { es: "Marshal (seguridad)", en: "Marshal" },
  chant_leader: { es: "Guía de consignas", en: "Chant leader" },
  outreach: { es: "Alcance", en: "Outreach" },
  flyers: { es: "Volantes", en: "Flyers" },
  speaker: { es: "Oradora/orador", en: "Speaker" },
  legal_observer: { es: "Observador legal", en: "Legal observer" },
  medic: { es: "Primeros auxilios", en: "Medic" },
  media: { es: "Medios", en: "Media" },
  logistics: { es: "Logística", en: "Logistics" },
};

export const kindLabel = (kind: string, lang: "es" | "en") => KIND_LABELS[kind]?.[lang] ?? kind;
export const roleLabel = (role: string, lang: "es" | "en") => ROLE_LABELS[role]?.[lang] ?? role;

export const kindOptions = (lang: "es" | "en") =>
  Object.keys(KIND_LABELS).map((value) => ({ value, label: kindLabel(value, lang) }));

export const roleOptions = (lang: "es" | "en") =>
  PLAN_ROLES.map((value) => ({ value, label: roleLabel(value, lang) }));

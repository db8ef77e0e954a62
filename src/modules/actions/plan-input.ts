import { z } from "zod";
import { optionalText, orNull, requiredText } from "../../platform/fields";
import { ATTENDANCE_STATUSES, MATERIAL_STATUSES, ROLE_KINDS, type RoleKind } from "./action";
import { actionsErrors } from "./actions.errors";

// What each part of a plan is made of, as the operations take it. Pure. Times are instants
// resolved at the edge (a form's "18:00" on the action's day, the API's ISO text).

export const PLAN_LIMITS = { roleName: 100, notes: 2000, step: 300, item: 200, chant: 500 };

const personId = z.uuid(actionsErrors.field.person_not_found).transform((v) => v.toLowerCase());
const optionalPersonId = orNull(personId);

/** A role is one of the known kinds, or any other name (then it is "custom"). */
export function roleFromName(name: string): { role: RoleKind; customName: string | null } {
  const trimmed = name.trim();
  const known = ROLE_KINDS.find((k) => k !== "custom" && k === trimmed);
  return known ? { role: known, customName: null } : { role: "custom", customName: trimmed };
}

export const RoleInputSchema = z
  .object({
    personId,
    role: requiredText(PLAN_LIMITS.roleName),
    notes: optionalText(PLAN_LIMITS.notes),
  })
  .transform(({ role, ...rest }) => ({ ...rest, ...roleFromName(role) }));
export type RoleInput = z.output<typeof RoleInputSchema>;

export const StepInputSchema = z.object({
  at: z.date("invalid_date"),
  title: requiredText(PLAN_LIMITS.step),
  ownerPersonId: optionalPersonId,
});
export type StepInput = z.output<typeof StepInputSchema>;

export const MaterialInputSchema = z.object({
  item: requiredText(PLAN_LIMITS.item),
  quantity: z
    .number("wrong_type")
    .int("wrong_type")
    .min(1, "invalid")
    .max(100_000, "too_long")
    .default(1),
  bringerPersonId: optionalPersonId,
});
export type MaterialInput = z.output<typeof MaterialInputSchema>;

export const MaterialChangeSchema = z.object({
  bringerPersonId: optionalPersonId,
  status: z.enum(MATERIAL_STATUSES, "invalid_choice").optional(),
});
export type MaterialChange = z.output<typeof MaterialChangeSchema>;

export const ChantInputSchema = z
  .object({
    callEs: optionalText(PLAN_LIMITS.chant),
    responseEs: optionalText(PLAN_LIMITS.chant),
    callEn: optionalText(PLAN_LIMITS.chant),
    responseEn: optionalText(PLAN_LIMITS.chant),
    leaderPersonId: optionalPersonId,
  })
  .superRefine((v, ctx) => {
    if (!v.callEs && !v.callEn)
      ctx.addIssue({ code: "custom", path: ["callEs"], message: "required" });
  });
export type ChantInput = z.output<typeof ChantInputSchema>;

export const PairInputSchema = z
  .object({ organizerPersonId: personId, newcomerPersonId: personId })
  .refine((v) => v.organizerPersonId !== v.newcomerPersonId, {
    path: ["newcomerPersonId"],
    message: "invalid",
  });
export type PairInput = z.output<typeof PairInputSchema>;

export const AttendanceInputSchema = z.object({
  personId,
  status: z.enum(ATTENDANCE_STATUSES, "invalid_choice"),
});
export type AttendanceInput = z.output<typeof AttendanceInputSchema>;

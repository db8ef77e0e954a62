// Pure domain: what a drive, a need, a drop-off point and a pledge are, and how their
// fields are checked. Shared by the forms and the JSON API. No I/O.
import { z } from "zod";
import { optionalText, orNull, requiredText } from "../../platform/fields";
import { BASE_UNITS, type BaseUnit, parseQuantity, type QuantityProblem } from "./quantity";
import { suppliesErrors } from "./supplies.errors";
import { CONDITIONS, SERVES } from "./supplies.schema";

export const LIMITS = {
  slug: 40,
  title: 160,
  description: 5000,
  itemName: 120,
  variant: 80,
  pointName: 120,
  address: 300,
  note: 500,
  notAccepted: 200,
  hours: 14,
  contact: 200,
  personName: 120,
};

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const optionalDate = orNull(
  z
    .string("invalid_date")
    .trim()
    .refine((v) => v === "" || isCalendarDate(v), "invalid_date")
    .transform((v) => v || null),
);

/** Both languages; English may be left out (the Spanish text is shown instead). */
export const bilingualRequired = (max: number) =>
  z
    .object({ es: requiredText(max), en: optionalText(max) }, "required")
    .transform((v) => ({ es: v.es, en: v.en ?? "" }));

export const bilingualOptional = (max: number) =>
  z
    .object({ es: optionalText(max), en: optionalText(max) }, "wrong_type")
    .optional()
    .transform((v) => ({ es: v?.es ?? "", en: v?.en ?? "" }));

export const slugSchema = z
  .string("required")
  .trim()
  .toLowerCase()
  .min(1, "required")
  .refine((v) => SLUG.test(v) && !v.includes("--"), "invalid_slug");

export const DriveFieldsSchema = z
  .strictObject({
    slug: slugSchema,
    title: bilingualRequired(LIMITS.title),
    description: bilingualOptional(LIMITS.description),
    serves: z.enum(SERVES, "invalid_choice").default("other"),
    servesNote: optionalText(LIMITS.note),
    caseId: z.uuid("case_not_found").nullable().optional().default(null),
    startsOn: optionalDate,
    endsOn: optionalDate,
    public: z.boolean("wrong_type").default(false),
    open: z.boolean("wrong_type").default(true),
  })
  .superRefine((d, ctx) => {
    if (d.startsOn && d.endsOn && d.endsOn < d.startsOn) {
      ctx.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: suppliesErrors.field.ends_before_start,
      });
    }
  });
export type DriveFields = z.output<typeof DriveFieldsSchema>;

/** A drive takes pledges while it is open and its end date (a day in the org's zone) has not passed. */
export function acceptsPledges(
  d: { open: boolean; endsOn: string | null },
  today: string,
): boolean {
  return d.open && (d.endsOn === null || today <= d.endsOn);
}

export const ItemFieldsSchema = z.strictObject({
  name: bilingualRequired(LIMITS.itemName),
  unit: z.enum(BASE_UNITS, "invalid_choice").default("piece"),
  packName: bilingualOptional(LIMITS.itemName),
  packSize: orNull(z.number("wrong_type").int("invalid").min(2, "invalid").max(10_000, "invalid")),
});
export type ItemFields = z.output<typeof ItemFieldsSchema>;

/** The quantity a need, pledge or movement carries; checked against the item's unit later. */
const quantityInput = z.union([z.number(), z.string()], "required");

export const NeedFieldsSchema = z.strictObject({
  itemId: z.uuid("invalid_choice").nullable().optional().default(null),
  item: bilingualRequired(LIMITS.itemName).optional(),
  unit: z.enum(BASE_UNITS, "invalid_choice").optional(),
  quantity: quantityInput,
  urgent: z.boolean("wrong_type").default(false),
  variant: optionalText(LIMITS.variant),
  condition: z.enum(CONDITIONS, "invalid_choice").default("any"),
  neededBy: optionalDate,
});
export type NeedFields = z.output<typeof NeedFieldsSchema>;

export type QuantityFieldError =
  | "required"
  | "quantity_not_a_number"
  | "quantity_not_positive"
  | "quantity_fraction"
  | "quantity_too_precise"
  | "quantity_too_large";

export function quantityError(p: QuantityProblem): QuantityFieldError {
  switch (p) {
    case "required":
      return "required";
    case "not_a_number":
      return "quantity_not_a_number";
    case "not_positive":
      return "quantity_not_positive";
    case "fraction_not_allowed":
      return "quantity_fraction";
    case "too_precise":
      return "quantity_too_precise";
    case "too_large":
      return "quantity_too_large";
  }
}

/** The quantity in thousandths, or the message key for the field. */
export function quantityFor(input: unknown, unit: BaseUnit) {
  const r = parseQuantity(input, unit);
  return r.ok
    ? { ok: true as const, value: r.value }
    : { ok: false as const, error: quantityError(r.problem) };
}

export const MovementFieldsSchema = z.strictObject({
  needId: z.uuid("invalid_choice"),
  kind: z.enum(["received", "delivered", "discarded"], "invalid_choice"),
  quantity: quantityInput,
  pointId: z.uuid("invalid_choice").nullable().optional().default(null),
  pledgeId: z.uuid("invalid_choice").nullable().optional().default(null),
  method: z
    .enum(["pickup", "delivery", "shipped", "expired", "damaged", "other"], "invalid_choice")
    .nullable()
    .optional()
    .default(null),
});
export type MovementFields = z.output<typeof MovementFieldsSchema>;

/** A delivery says how it went out, a discard why; a receipt says neither. */
export function methodFits(
  kind: MovementFields["kind"],
  method: MovementFields["method"],
): boolean {
  if (method === null) return true;
  if (kind === "delivered")
    return method === "pickup" || method === "delivery" || method === "shipped";
  if (kind === "discarded")
    return method === "expired" || method === "damaged" || method === "other";
  return false;
}

/** Ordering on public and staff lists: urgent first, then the soonest needed-by date, then as entered. */
export function compareNeeds(
  a: { urgent: boolean; neededBy: string | null; position: number },
  b: { urgent: boolean; neededBy: string | null; position: number },
): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  if (a.neededBy !== b.neededBy) {
    if (a.neededBy === null) return 1;
    if (b.neededBy === null) return -1;
    return a.neededBy < b.neededBy ? -1 : 1;
  }
  return a.position - b.position;
}

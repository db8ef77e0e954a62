import { z } from "zod";
import { ApiBilingualSchema } from "../../platform/api-router";
import { BASE_UNITS } from "./quantity";

// The JSON contract of /api/v1/drives (issue 11), in snake_case, as the OpenAPI document
// shows it. Quantities are plain numbers of the item's base unit (2.5 kg, 12 packs).

const bilingual = (max: number) =>
  z.strictObject({
    es: z
      .string()
      .max(max * 4)
      .describe("Spanish (required)"),
    en: z
      .string()
      .max(max * 4)
      .optional()
      .describe("English; the Spanish is used when missing"),
  });

const quantity = z
  .union([z.number(), z.string()])
  .describe("A positive number of the item's base unit; whole for counted units");

export const ApiDriveInputSchema = z.strictObject({
  slug: z.string().describe("Lower-case letters, numbers and hyphens; the public page's address"),
  title: bilingual(160),
  description: z.strictObject({ es: z.string().optional(), en: z.string().optional() }).optional(),
  public: z.boolean().optional(),
  open: z.boolean().optional(),
  starts_on: z.string().nullable().optional().describe("YYYY-MM-DD"),
  ends_on: z.string().nullable().optional().describe("YYYY-MM-DD"),
});

export const ApiNeedInputSchema = z.strictObject({
  item: bilingual(120).describe(
    "The item's name; found again in the catalog by its Spanish name and unit",
  ),
  unit: z.enum(BASE_UNITS).optional().describe("Base unit (default piece)"),
  quantity,
  urgent: z.boolean().optional(),
  size: z.string().max(400).nullable().optional().describe("Size or variant"),
  condition: z.enum(["new_only", "any"]).optional(),
  needed_by: z.string().nullable().optional().describe("YYYY-MM-DD"),
});

export const ApiPledgeInputSchema = z.strictObject({
  need_id: z.string(),
  quantity,
  person_id: z.string().nullable().optional(),
  point_id: z.string().nullable().optional(),
  due_on: z.string().nullable().optional().describe("YYYY-MM-DD"),
});

export const ApiMovementInputSchema = z.strictObject({
  need_id: z.string(),
  kind: z.enum(["received", "delivered", "discarded"]),
  quantity,
  point_id: z.string().nullable().optional(),
  pledge_id: z.string().nullable().optional(),
  method: z
    .enum(["pickup", "delivery", "shipped", "expired", "damaged", "other"])
    .nullable()
    .optional(),
});

export const ApiCreatedSchema = z.object({ id: z.string() });

export const ApiPledgeSchema = z.object({
  id: z.string(),
  need_id: z.string(),
  quantity: z.number(),
  expires_at: z.string(),
});

export const ApiMovementSchema = z.object({
  id: z.string(),
  need_id: z.string(),
  kind: z.enum(["received", "delivered", "discarded"]),
  quantity: z.number(),
});

export const ApiNeedSchema = z.object({
  id: z.string(),
  item: ApiBilingualSchema,
  unit: z.enum(BASE_UNITS),
  size: z.string().nullable(),
  urgent: z.boolean(),
  needed: z.number(),
  pledged: z.number(),
  received: z.number(),
  delivered: z.number(),
  discarded: z.number(),
  on_hand: z.number(),
  still_needed: z.number(),
});

export const ApiDriveSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: ApiBilingualSchema,
  public: z.boolean(),
  open: z.boolean(),
  starts_on: z.string().nullable(),
  ends_on: z.string().nullable(),
  needs: z.array(ApiNeedSchema),
});

/** API field names (snake_case) for the domain's field errors. */
export const API_FIELD = {
  startsOn: "starts_on",
  endsOn: "ends_on",
  needId: "need_id",
  personId: "person_id",
  pointId: "point_id",
  pledgeId: "pledge_id",
  neededBy: "needed_by",
  variant: "size",
  dueOn: "due_on",
} as const;

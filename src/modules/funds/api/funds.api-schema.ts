import { z } from "zod";
import { ApiBilingualSchema, apiFieldPath, withApiFieldNames } from "../../../platform/api-router";
import { sentFields } from "../../../platform/api-routes";
import { uuidInput } from "../../../platform/ids";
import { CURRENCIES } from "../../../platform/money";
import { BOND_STATUSES } from "../bonds/bond";
import type { BondRecord } from "../bonds/bond-record";
import type { Campaign } from "../campaign";
import { DISBURSEMENT_PURPOSES, DISBURSEMENT_STATUSES } from "../disbursements/disbursement";
import type { Disbursement } from "../disbursements/disbursement-record";
import { GIFT_METHODS } from "../gifts/gift";
import type { Gift } from "../gifts/gift-record";
import type { CampaignTotals } from "../ledger/ledger";
import { ACCOUNTS } from "../ledger/ledger";
import type { LedgerEntryRow } from "../ledger/ledger-page";

// The JSON API's shapes (snake_case, as in the issue's contract). Unknown fields are refused.

/**
 * An integer amount in the currency's minor units. Only the type is checked here; zero,
 * fractions and sizes are checked against the campaign's currency by the operation, so
 * the messages are the same as on the forms.
 */
const minorUnits = (description: string, minimum = 1) =>
  z
    .unknown()
    .superRefine((v, ctx) => {
      if (v === undefined || v === null) ctx.addIssue({ code: "custom", message: "required" });
      else if (typeof v !== "number") {
        ctx.addIssue({ code: "custom", message: "amount_not_a_number" });
      }
    })
    .transform((v) => v as number)
    .meta({ type: "integer", minimum, description });

const text = (max: number) => z.string("wrong_type").max(max, "too_long");
const instant = z.iso
  .datetime({ offset: true, message: "invalid_date" })
  .describe("ISO 8601 date-time with offset");

export const ApiCampaignInputSchema = z.strictObject({
  slug: z.string("required"),
  // One language is enough; the other falls back to it when shown.
  title: z.strictObject(
    { es: z.string("wrong_type").optional(), en: z.string("wrong_type").optional() },
    "required",
  ),
  story: z
    .strictObject(
      {
        es: z.string("wrong_type").nullable().optional(),
        en: z.string("wrong_type").nullable().optional(),
      },
      "wrong_type",
    )
    .optional(),
  goal_cents: minorUnits("The goal, in minor units (cents)"),
  currency: z.enum(CURRENCIES, "invalid_choice").optional().describe("Default USD"),
  milestones_cents: z
    .array(minorUnits("A milestone, in minor units"), "wrong_type")
    .optional()
    .describe("Ascending, each below the goal"),
  case_id: uuidInput("case_not_found").nullable().optional(),
  open: z.boolean("wrong_type").optional(),
  public: z.boolean("wrong_type").optional(),
});
export const ApiCampaignPatchSchema = ApiCampaignInputSchema.partial();
export type ApiCampaignInput = z.infer<typeof ApiCampaignPatchSchema>;

const TotalsSchema = z.object({
  raised_cents: z.int(),
  available_cents: z.int(),
  on_bond_cents: z.int(),
  spent_cents: z.int(),
  gifts: z.int(),
});

export const ApiCampaignSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: ApiBilingualSchema,
  story: z.object({ es: z.string().nullable(), en: z.string().nullable() }),
  goal_cents: z.int(),
  currency: z.enum(CURRENCIES),
  milestones_cents: z.array(z.int()),
  case_id: z.uuid().nullable(),
  open: z.boolean(),
  public: z.boolean(),
  totals: TotalsSchema,
  created_date: z.iso.datetime(),
  modified_date: z.iso.datetime(),
});

export const ApiDonationInputSchema = z.strictObject({
  amount_cents: minorUnits("The gift, in minor units (cents)"),
  currency: z.enum(CURRENCIES, "invalid_choice").optional().describe("Must be the campaign's"),
  method: z.enum(GIFT_METHODS, "invalid_choice"),
  received_at: instant.optional(),
  donor_name: text(160).nullable().optional(),
  anonymous: z.boolean("wrong_type").optional().describe("Default true: no name on public pages"),
  source: z
    .string("wrong_type")
    .regex(/^[a-z0-9][a-z0-9_.:-]{0,39}$/, "invalid")
    .optional()
    .describe("Where the gift comes from; default api"),
  external_id: text(200).min(1, "required").nullable().optional().describe("Unique per source"),
  event_note: text(300).nullable().optional(),
  memo: text(500).nullable().optional(),
});

export const ApiDonationSchema = z.object({
  id: z.uuid(),
  campaign_id: z.uuid(),
  amount_cents: z.int(),
  currency: z.enum(CURRENCIES),
  method: z.enum(GIFT_METHODS),
  received_at: z.iso.datetime(),
  donor_name: z.string().nullable(),
  anonymous: z.boolean(),
  source: z.string(),
  external_id: z.string().nullable(),
  event_note: z.string().nullable(),
  reversed: z.boolean(),
  ledger_group_id: z.uuid(),
  created_date: z.iso.datetime(),
});

export const ApiLedgerSchema = z.object({
  campaign_id: z.uuid(),
  currency: z.enum(CURRENCIES),
  entries: z.array(
    z.object({
      group_id: z.uuid(),
      kind: z.string(),
      reverses_group_id: z.uuid().nullable(),
      reversed_by_group_id: z.uuid().nullable(),
      account: z.enum(ACCOUNTS),
      amount_cents: z.int(),
      occurred_at: z.iso.datetime(),
      memo: z.string().nullable(),
    }),
  ),
  page: z.int(),
  per_page: z.int(),
  total_records: z.int(),
  /** Give it back as `cursor` for the next entries; null on the last page. */
  next_cursor: z.string().nullable(),
});

export const ApiDisbursementInputSchema = z.strictObject({
  amount_cents: minorUnits("The payment, in minor units (cents)"),
  currency: z.enum(CURRENCIES, "invalid_choice").optional(),
  payee: z.string("required"),
  purpose: z.enum(DISBURSEMENT_PURPOSES, "invalid_choice"),
  memo: text(500).nullable().optional(),
});

export const ApiDisbursementSchema = z.object({
  id: z.uuid(),
  campaign_id: z.uuid(),
  amount_cents: z.int(),
  currency: z.enum(CURRENCIES),
  payee: z.string(),
  purpose: z.enum(DISBURSEMENT_PURPOSES),
  memo: z.string().nullable(),
  status: z.enum(DISBURSEMENT_STATUSES),
  requested_by: z.uuid().nullable(),
  approved_by: z.uuid().nullable(),
  approved_at: z.iso.datetime().nullable(),
  paid_at: z.iso.datetime().nullable(),
  ledger_group_id: z.uuid().nullable(),
  created_date: z.iso.datetime(),
});

export const ApiPayInputSchema = z.strictObject({ paid_at: instant.optional() });

export const ApiBondInputSchema = z.strictObject({
  amount_cents: minorUnits("The bond, in minor units (cents)"),
  currency: z.enum(CURRENCIES, "invalid_choice").optional(),
  posted_at: instant.optional(),
  memo: text(500).nullable().optional(),
});
export const ApiBondReturnSchema = z.strictObject({
  interest_cents: minorUnits("Interest returned on top of the principal", 0).optional(),
  returned_at: instant.optional(),
  memo: text(500).nullable().optional(),
});
export const ApiBondForfeitSchema = z.strictObject({
  forfeited_at: instant.optional(),
  memo: text(500).nullable().optional(),
});

export const ApiBondSchema = z.object({
  id: z.uuid(),
  campaign_id: z.uuid(),
  principal_cents: z.int(),
  currency: z.enum(CURRENCIES),
  status: z.enum(BOND_STATUSES),
  interest_cents: z.int().nullable(),
  posted_at: z.iso.datetime(),
  settled_at: z.iso.datetime().nullable(),
  memo: z.string().nullable(),
  posted_group_id: z.uuid(),
  settled_group_id: z.uuid().nullable(),
});

// ---- mapping -----------------------------------------------------------------------------

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function totalsToApi(t: CampaignTotals): z.infer<typeof TotalsSchema> {
  return {
    raised_cents: t.raisedCents,
    available_cents: t.availableCents,
    on_bond_cents: t.onBondCents,
    spent_cents: t.spentCents,
    gifts: t.gifts,
  };
}

export function campaignToApi(c: Campaign, t: CampaignTotals): z.infer<typeof ApiCampaignSchema> {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    story: c.story,
    goal_cents: c.goalCents,
    currency: c.currency,
    milestones_cents: c.milestonesCents,
    case_id: c.caseId,
    open: c.open,
    public: c.public,
    totals: totalsToApi(t),
    created_date: c.createdAt.toISOString(),
    modified_date: c.updatedAt.toISOString(),
  };
}

/** API body -> the domain's campaign fields (only keys that were sent). */
export function apiToCampaignFields(b: ApiCampaignInput): Record<string, unknown> {
  return sentFields({
    slug: b.slug,
    title: b.title,
    story: b.story ? { es: b.story.es ?? null, en: b.story.en ?? null } : undefined,
    goalCents: b.goal_cents,
    currency: b.currency,
    milestonesCents: b.milestones_cents,
    caseId: b.case_id,
    open: b.open,
    public: b.public,
  });
}

export function campaignToFields(c: Campaign): Record<string, unknown> {
  return {
    slug: c.slug,
    title: c.title,
    story: c.story,
    goalCents: c.goalCents,
    currency: c.currency,
    milestonesCents: c.milestonesCents,
    caseId: c.caseId,
    open: c.open,
    public: c.public,
  };
}

export function giftToApi(g: Gift): z.infer<typeof ApiDonationSchema> {
  return {
    id: g.id,
    campaign_id: g.campaignId,
    amount_cents: g.amountCents,
    currency: g.currency,
    method: g.method,
    received_at: g.receivedAt.toISOString(),
    donor_name: g.donorName,
    anonymous: g.anonymous,
    source: g.source,
    external_id: g.externalId,
    event_note: g.eventNote,
    reversed: g.reversed,
    ledger_group_id: g.groupId,
    created_date: g.createdAt.toISOString(),
  };
}

export function ledgerEntryToApi(e: LedgerEntryRow) {
  return {
    group_id: e.groupId,
    kind: e.kind,
    reverses_group_id: e.reverses,
    reversed_by_group_id: e.reversedBy,
    account: e.account,
    amount_cents: e.amountCents,
    occurred_at: e.occurredAt.toISOString(),
    memo: e.memo,
  };
}

export function disbursementToApi(d: Disbursement): z.infer<typeof ApiDisbursementSchema> {
  return {
    id: d.id,
    campaign_id: d.campaignId,
    amount_cents: d.amountCents,
    currency: d.currency,
    payee: d.payee,
    purpose: d.purpose,
    memo: d.memo,
    status: d.status,
    requested_by: d.requestedBy,
    approved_by: d.approvedBy,
    approved_at: iso(d.approvedAt),
    paid_at: iso(d.paidAt),
    ledger_group_id: d.paidGroupId,
    created_date: d.createdAt.toISOString(),
  };
}

export function bondToApi(b: BondRecord): z.infer<typeof ApiBondSchema> {
  return {
    id: b.id,
    campaign_id: b.campaignId,
    principal_cents: b.principalCents,
    currency: b.currency,
    status: b.status,
    interest_cents: b.interestCents,
    posted_at: b.postedAt.toISOString(),
    settled_at: iso(b.settledAt),
    memo: b.memo,
    posted_group_id: b.postedGroupId,
    settled_group_id: b.settledGroupId,
  };
}

const API_NAMES: Record<string, string> = {
  amount: "amount_cents",
  principal: "amount_cents",
  interest: "interest_cents",
  goalCents: "goal_cents",
  milestonesCents: "milestones_cents",
  caseId: "case_id",
  receivedAt: "received_at",
};

/** A domain field's error path under the API's name. */
export const fundsFieldPath = apiFieldPath(API_NAMES);

/** Re-throws an operation's field errors under the API's field names. */
export const apiFieldNames = withApiFieldNames(fundsFieldPath);

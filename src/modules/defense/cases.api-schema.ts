import { z } from "zod";
import { apiFieldPath } from "../../platform/api-router";
import { sentFields } from "../../platform/api-routes";
import { CURRENCIES } from "../../platform/money";
import { CASE_STATUSES, type Case, type CaseSensitive } from "./case";
import { CASE_EVENT_KINDS, type CaseEvent, HEARING_KINDS } from "./case-event";

// The JSON API's case and timeline event. Unknown fields are refused. Sensitive fields
// are write-only except through `?include=sensitive` (owners and the case team, audited).

const status = z.enum(CASE_STATUSES, "invalid_choice");
const nullableText = z.string("wrong_type").nullable();
const currency = z.enum(CURRENCIES, "invalid_choice");

export const ApiCaseInputSchema = z.strictObject({
  person_id: z.string("required"),
  status: status.optional(),
  facility_id: z.string("wrong_type").nullable().optional(),
  detained_on: nullableText.optional().describe("YYYY-MM-DD"),
  lawyer_name: nullableText.optional(),
  lawyer_contact: nullableText.optional(),
  bond_cents: z.number("wrong_type").nullable().optional().describe("Integer minor units"),
  bond_currency: currency.optional(),
  needs: nullableText.optional(),
  public: z.boolean("wrong_type").optional(),
  public_story: z
    .strictObject({ es: nullableText.optional(), en: nullableText.optional() }, "wrong_type")
    .optional(),
  a_number: nullableText
    .optional()
    .describe("8 or 9 digits, 'A-' and dashes allowed; stored encrypted, zero-padded"),
  birthdate: nullableText.optional().describe("YYYY-MM-DD; stored encrypted"),
  notes: nullableText.optional().describe("Stored encrypted"),
});
export const ApiCasePatchSchema = ApiCaseInputSchema.omit({ person_id: true }).partial();
export type ApiCasePatch = z.infer<typeof ApiCasePatchSchema>;

const facilityRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const ApiCaseSchema = z.object({
  id: z.uuid(),
  person_id: z.uuid(),
  person_display_name: z.string(),
  status,
  facility: facilityRef,
  detained_on: z.string().nullable(),
  lawyer_name: z.string().nullable(),
  lawyer_contact: z.string().nullable(),
  bond_cents: z.number().int().nullable(),
  bond_currency: currency,
  next_hearing: z
    .object({
      at: z.iso.datetime(),
      hearing_kind: z.string().nullable(),
      court: z.string().nullable(),
    })
    .nullable(),
  needs: z.string().nullable(),
  public: z.boolean(),
  public_story: z.object({ es: z.string().nullable(), en: z.string().nullable() }),
  family: z.array(
    z.object({ person_id: z.uuid(), display_name: z.string(), relationship: z.string() }),
  ),
  team: z.array(z.object({ user_id: z.uuid(), name: z.string() })),
  has_a_number: z.boolean(),
  has_birthdate: z.boolean(),
  has_notes: z.boolean(),
  sensitive: z
    .object({
      a_number: z.string().nullable(),
      birthdate: z.string().nullable(),
      notes: z.string().nullable(),
    })
    .optional()
    .describe("Only with ?include=sensitive, for owners and the case team; each read is audited"),
  created_date: z.iso.datetime(),
  modified_date: z.iso.datetime(),
  last_activity_date: z.iso.datetime(),
});

/** A line of the case list (what the list answers: fewer fields than one case). */
export const ApiCaseListItemSchema = z.object({
  id: z.uuid(),
  person_id: z.uuid(),
  person_display_name: z.string(),
  status,
  facility_name: z.string().nullable(),
  next_hearing_at: z.iso.datetime().nullable(),
  last_activity_date: z.iso.datetime(),
});
export const ApiCaseListSchema = z.object({
  cases: z.array(ApiCaseListItemSchema),
  page: z.number().int(),
  per_page: z.number().int(),
  total_records: z.number().int().describe("How many cases match, on every page"),
});

export const ApiCaseEventInputSchema = z.strictObject({
  kind: z.enum(CASE_EVENT_KINDS, "invalid_choice"),
  occurred_at: z.iso
    .datetime({ offset: true, message: "invalid_date" })
    .describe("When it happened; for hearing_scheduled, when the hearing will be"),
  facility_id: z
    .string("wrong_type")
    .nullable()
    .optional()
    .describe("detained: where; transferred: to"),
  from_facility_id: z.string("wrong_type").nullable().optional(),
  hearing_kind: z.enum(HEARING_KINDS, "invalid_choice").nullable().optional(),
  court: nullableText.optional(),
  outcome: nullableText.optional(),
  amount_cents: z.number("wrong_type").nullable().optional(),
  currency: currency.optional(),
  note: nullableText.optional(),
});
export type ApiCaseEventInput = z.infer<typeof ApiCaseEventInputSchema>;

/** Moving a scheduled hearing in place (its id stays; court support follows it). */
export const ApiHearingMoveSchema = z.strictObject({
  occurred_at: z.iso
    .datetime({ offset: true, message: "invalid_date" })
    .describe("When the hearing now is"),
  court: nullableText.optional().describe("Left out: the court stays; null: no court"),
});

export const ApiCaseEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CASE_EVENT_KINDS),
  occurred_at: z.iso.datetime(),
  facility: facilityRef,
  from_facility: facilityRef,
  hearing_kind: z.string().nullable(),
  court: z.string().nullable(),
  outcome: z.string().nullable(),
  amount_cents: z.number().int().nullable(),
  currency: z.string().nullable(),
  note: z.string().nullable(),
  recorded_by: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  created_date: z.iso.datetime(),
});
export const ApiCaseEventListSchema = z.object({ events: z.array(ApiCaseEventSchema) });

/** API (snake_case) -> domain names, only for keys that were sent. */
export function apiToCaseFields(
  input: ApiCasePatch & { person_id?: string },
): Record<string, unknown> {
  return sentFields({
    personId: input.person_id,
    status: input.status,
    facilityId: input.facility_id,
    detainedOn: input.detained_on === null ? "" : input.detained_on,
    lawyerName: input.lawyer_name,
    lawyerContact: input.lawyer_contact,
    bondCents: input.bond_cents,
    bondCurrency: input.bond_currency,
    needs: input.needs,
    public: input.public,
    publicStoryEs: input.public_story?.es,
    publicStoryEn: input.public_story?.en,
    aNumber: input.a_number,
    birthdate: input.birthdate,
    notes: input.notes,
  });
}

const API_NAMES: Record<string, string> = {
  personId: "person_id",
  facilityId: "facility_id",
  detainedOn: "detained_on",
  lawyerName: "lawyer_name",
  lawyerContact: "lawyer_contact",
  bondCents: "bond_cents",
  bondCurrency: "bond_currency",
  publicStoryEs: "public_story.es",
  publicStoryEn: "public_story.en",
  aNumber: "a_number",
  occurredAt: "occurred_at",
  fromFacilityId: "from_facility_id",
  hearingKind: "hearing_kind",
  amountCents: "amount_cents",
};

export const fieldPathToApi = apiFieldPath(API_NAMES);

/** The stored case as domain input, so a PATCH can be validated as a whole. */
export function caseToFields(k: Case): Record<string, unknown> {
  return {
    personId: k.personId,
    status: k.status,
    facilityId: k.facility?.id ?? null,
    detainedOn: k.detainedOn ?? "",
    lawyerName: k.lawyerName,
    lawyerContact: k.lawyerContact,
    bondCents: k.bondCents,
    bondCurrency: k.bondCurrency,
    needs: k.needs,
    public: k.public,
    publicStoryEs: k.publicStory.es,
    publicStoryEn: k.publicStory.en,
  };
}

export function caseToApi(k: Case, sensitive?: CaseSensitive): z.infer<typeof ApiCaseSchema> {
  return {
    id: k.id,
    person_id: k.personId,
    person_display_name: k.personDisplayName,
    status: k.status,
    facility: k.facility,
    detained_on: k.detainedOn,
    lawyer_name: k.lawyerName,
    lawyer_contact: k.lawyerContact,
    bond_cents: k.bondCents,
    bond_currency: k.bondCurrency,
    next_hearing: k.nextHearing
      ? {
          at: k.nextHearing.at.toISOString(),
          hearing_kind: k.nextHearing.hearingKind,
          court: k.nextHearing.court,
        }
      : null,
    needs: k.needs,
    public: k.public,
    public_story: k.publicStory,
    family: k.family.map((f) => ({
      person_id: f.personId,
      display_name: f.displayName,
      relationship: f.relationship,
    })),
    team: k.team.map((m) => ({ user_id: m.userId, name: m.name })),
    has_a_number: k.hasANumber,
    has_birthdate: k.hasBirthdate,
    has_notes: k.hasNotes,
    ...(sensitive
      ? {
          sensitive: {
            a_number: sensitive.aNumber,
            birthdate: sensitive.birthdate,
            notes: sensitive.notes,
          },
        }
      : {}),
    created_date: k.createdAt.toISOString(),
    modified_date: k.updatedAt.toISOString(),
    last_activity_date: k.lastActivityAt.toISOString(),
  };
}

export function eventToApi(e: CaseEvent): z.infer<typeof ApiCaseEventSchema> {
  return {
    id: e.id,
    kind: e.kind,
    occurred_at: e.occurredAt.toISOString(),
    facility: e.facility,
    from_facility: e.fromFacility,
    hearing_kind: e.hearingKind,
    court: e.court,
    outcome: e.outcome,
    amount_cents: e.amountCents,
    currency: e.currency,
    note: e.note,
    recorded_by: e.recordedBy,
    created_date: e.createdAt.toISOString(),
  };
}

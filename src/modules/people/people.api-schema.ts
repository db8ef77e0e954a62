import { z } from "zod";
import { apiFieldPath } from "../../platform/api-router";
import { sentFields } from "../../platform/api-routes";
import type { ChannelConsent } from "./consent-summary";
import type { Person } from "./person";
import { ENGAGEMENT_LEVELS } from "./person";
import type { ChannelFlags } from "./stated-consent";

// The JSON API's person, with OSDI field names. Unknown fields are refused.
const level = z.enum(ENGAGEMENT_LEVELS, "invalid_choice");
const nullableText = z.string("wrong_type").nullable();

export const ApiPersonInputSchema = z.strictObject({
  display_name: z.string("required"),
  given_name: nullableText.optional(),
  family_name: nullableText.optional(),
  email_addresses: z
    .array(
      z.strictObject({
        address: z.string("wrong_type"),
        primary: z.boolean("wrong_type").optional(),
      }),
      "wrong_type",
    )
    .optional(),
  phone_numbers: z
    .array(
      z.strictObject({
        number: z.string("wrong_type"),
        primary: z.boolean("wrong_type").optional(),
      }),
      "wrong_type",
    )
    .optional(),
  preferred_language: z.enum(["es", "en"], "invalid_choice").nullable().optional(),
  engagement_level: level.optional(),
  tags: z.array(z.string("wrong_type"), "wrong_type").optional(),
  consent: z
    .strictObject(
      { email: z.boolean("wrong_type").optional(), sms: z.boolean("wrong_type").optional() },
      "wrong_type",
    )
    .optional()
    .describe(
      'Consent the person gave to messages, per channel, for every purpose (hearing reminders, action reminders, broadcasts): true records a grant for each of their email addresses (email) or phone numbers (sms) in messaging\'s consent records, source "api"; false records a revoke on a change (on creation it records nothing). For one contact point and purpose, use POST /api/v1/people/{id}/consents.',
    ),
  notes: nullableText.optional(),
  birthdate: nullableText.optional().describe("YYYY-MM-DD; stored encrypted, never returned"),
  home_address: nullableText.optional().describe("Stored encrypted, never returned"),
});
export const ApiPersonPatchSchema = ApiPersonInputSchema.partial();
export type ApiPersonInput = z.infer<typeof ApiPersonPatchSchema>;

export const ApiPersonSchema = z.object({
  id: z.uuid(),
  display_name: z.string(),
  given_name: z.string().nullable(),
  family_name: z.string().nullable(),
  email_addresses: z.array(z.object({ address: z.string(), primary: z.boolean() })),
  phone_numbers: z.array(z.object({ number: z.string(), primary: z.boolean() })),
  preferred_language: z.enum(["es", "en"]).nullable(),
  engagement_level: level,
  tags: z.array(z.string()),
  consent: z
    .object({ email: z.boolean(), sms: z.boolean() })
    .describe(
      "Read from messaging's consent records: true when one of the person's email addresses (email) or phone numbers (sms) currently has consent for at least one purpose, not revoked or stopped since (STOP, one-click unsubscribe)",
    ),
  notes: z.string().nullable(),
  has_birthdate: z.boolean(),
  has_home_address: z.boolean(),
  created_date: z.iso.datetime(),
  modified_date: z.iso.datetime(),
});

export const ApiPeopleListSchema = z.object({
  people: z.array(ApiPersonSchema),
  page: z.number().int(),
  per_page: z.number().int(),
  total_records: z
    .number()
    .int()
    .describe(
      "How many people match. Exact up to 2,000; above that it is the database's estimate (total_is_estimate is true), as counting every match of a broad search in a large database costs more than the search itself",
    ),
  total_is_estimate: z
    .boolean()
    .describe("True when more than 2,000 match and total_records is an estimate"),
});

/** API (snake_case, OSDI) -> domain field names, only for keys that were sent. */
export function apiToFields(input: ApiPersonInput): Record<string, unknown> {
  return sentFields({
    displayName: input.display_name,
    givenName: input.given_name,
    familyName: input.family_name,
    emails: input.email_addresses?.map((e) => ({
      address: e.address,
      primary: e.primary ?? false,
    })),
    phones: input.phone_numbers?.map((p) => ({ number: p.number, primary: p.primary ?? false })),
    preferredLanguage: input.preferred_language,
    engagementLevel: input.engagement_level,
    tags: input.tags,
    notes: input.notes,
    birthdate: input.birthdate === null ? "" : input.birthdate,
    homeAddress: input.home_address,
  });
}

/** A domain field's error path under the API's name. */
export const fieldPathToApi = apiFieldPath({
  displayName: "display_name",
  givenName: "given_name",
  familyName: "family_name",
  emails: "email_addresses",
  phones: "phone_numbers",
  preferredLanguage: "preferred_language",
  engagementLevel: "engagement_level",
  homeAddress: "home_address",
});

/** The consent the request states, if any (messaging records it; decision 094). */
export function apiConsent(input: ApiPersonInput): ChannelFlags | null {
  const c = input.consent;
  return c && (c.email !== undefined || c.sms !== undefined) ? c : null;
}

export function personToApi(
  p: Person,
  consent: ChannelConsent = { email: false, sms: false },
): z.infer<typeof ApiPersonSchema> {
  return {
    id: p.id,
    display_name: p.displayName,
    given_name: p.givenName,
    family_name: p.familyName,
    email_addresses: p.emails,
    phone_numbers: p.phones,
    preferred_language: p.preferredLanguage,
    engagement_level: p.engagementLevel,
    tags: p.tags,
    consent,
    notes: p.notes,
    has_birthdate: p.hasBirthdate,
    has_home_address: p.hasHomeAddress,
    created_date: p.createdAt.toISOString(),
    modified_date: p.updatedAt.toISOString(),
  };
}

/** The domain person as domain input, so a PATCH can be validated as a whole. */
export function personToFields(p: Person): Record<string, unknown> {
  return {
    displayName: p.displayName,
    givenName: p.givenName,
    familyName: p.familyName,
    emails: p.emails,
    phones: p.phones,
    preferredLanguage: p.preferredLanguage,
    engagementLevel: p.engagementLevel,
    tags: p.tags,
    notes: p.notes,
  };
}

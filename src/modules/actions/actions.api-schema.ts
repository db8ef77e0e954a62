import { z } from "zod";
import { ApiBilingualSchema } from "../../platform/api-router";
import { ATTENDANCE_STATUSES, EVENT_KINDS, EVENT_STATUSES } from "./action";
import { MISSING_CODES } from "./readiness";

// The JSON API's shapes (OSDI names where OSDI has one: events, attendances, start_date).
// Strict objects: an unknown field is a 422, not silently dropped.

const Bilingual = z.strictObject({
  es: z.string("wrong_type").max(5000, "too_long").optional().default(""),
  en: z.string("wrong_type").max(5000, "too_long").optional().default(""),
});

const DateTimeText = z
  .string("required")
  .max(40, "too_long")
  .describe(
    "ISO 8601: with an offset (2026-12-05T18:00:00-08:00) it is that instant; without one " +
      "(2026-12-05T18:00) it is the wall-clock time in `timezone`.",
  );

export const ApiEventInputSchema = z.strictObject({
  slug: z.string("required").max(80, "too_long"),
  kind: z.enum(EVENT_KINDS, "invalid_choice"),
  title: Bilingual,
  description: Bilingual.optional(),
  start_date: DateTimeText,
  end_date: DateTimeText,
  timezone: z
    .string("required")
    .max(64, "too_long")
    .describe("IANA time zone, e.g. America/Los_Angeles"),
  location: z
    .strictObject({
      name: z.string("wrong_type").max(300, "too_long").optional(),
      address: z.string("wrong_type").max(300, "too_long").optional(),
      meeting_point: z.string("wrong_type").max(300, "too_long").optional(),
    })
    .optional(),
  expected_turnout: z
    .number("wrong_type")
    .int("wrong_type")
    .min(0, "invalid")
    .max(1_000_000, "too_long")
    .nullable()
    .optional(),
  public: z.boolean("wrong_type").optional(),
  hearing_id: z.string("wrong_type").optional().describe("Court support: a scheduled hearing's id"),
});
export type ApiEventInput = z.output<typeof ApiEventInputSchema>;

export const ApiEventPatchSchema = z.strictObject({
  status: z.enum(EVENT_STATUSES, "invalid_choice"),
});

export const ApiEventSchema = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(EVENT_KINDS),
  status: z.enum(EVENT_STATUSES),
  title: ApiBilingualSchema,
  description: ApiBilingualSchema,
  start_date: z.string().describe("ISO 8601 instant (UTC)"),
  end_date: z.string(),
  timezone: z.string(),
  location: z.object({
    name: z.string().nullable(),
    address: z.string().nullable(),
    meeting_point: z.string().nullable(),
  }),
  expected_turnout: z.number().nullable(),
  public: z.boolean(),
  hearing_id: z.string().nullable(),
  host: z.boolean().describe("false when your organization co-hosts it"),
});

export const ApiEventListSchema = z.object({
  events: z.array(ApiEventSchema),
  page: z.number(),
  per_page: z.number(),
  total_records: z.number(),
});

export const ApiRoleInputSchema = z.strictObject({
  person_id: z.string("required"),
  role: z
    .string("required")
    .describe(
      "lead, deputy, marshal, chant_leader, outreach, flyers, speaker, legal_observer, medic, media, logistics, or any other name",
    ),
  notes: z.string("wrong_type").optional(),
});
export const ApiMaterialInputSchema = z.strictObject({
  item: z.string("required"),
  quantity: z.number("wrong_type").int("wrong_type").optional(),
  bringer_id: z.string("wrong_type").nullable().optional(),
});
export const ApiStepInputSchema = z.strictObject({
  at: DateTimeText,
  title: z.string("required"),
  owner_id: z.string("wrong_type").nullable().optional(),
});
export const ApiAttendanceInputSchema = z.strictObject({
  person_id: z.string("required"),
  status: z.enum(ATTENDANCE_STATUSES, "invalid_choice"),
});
export const ApiCheckInInputSchema = z.strictObject({ person_id: z.string("required") });

export const ApiCreatedSchema = z.object({ id: z.string() }).passthrough();
export const ApiCheckInSchema = z.object({
  id: z.string(),
  person_id: z.string(),
  checked_in_at: z.string(),
  first: z.boolean().describe("false when this person was already checked in (nothing changed)"),
});

export const ApiReadinessSchema = z.object({
  ready: z.boolean(),
  missing: z.array(
    z
      .object({ code: z.enum(MISSING_CODES as [string, ...string[]]), message: z.string() })
      .catchall(z.unknown())
      .describe(
        "Each gap: its stable code, a sentence, and its details (person_id, material_id, needed, have, lesson_id)",
      ),
  ),
});

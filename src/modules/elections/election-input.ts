import { z } from "zod";
import { ENGAGEMENT_LEVELS, type EngagementLevel } from "../people/eligible-people";
import { METHODS, type Method } from "./tally/tally";
import "./elections.errors";

// An election as the JSON API takes it (issue 10's contract); the organizer's form is
// turned into the same shape, so one schema and one check serve both.
export const LIMITS = {
  title: 200,
  description: 4000,
  officeName: 120,
  statement: 1000,
  offices: 20,
  candidates: 50,
  seats: 50,
  tags: 20,
  tag: 60,
};

const text = (max: number) =>
  z
    .string("wrong_type")
    .transform((s) => s.replaceAll("\u0000", "").trim())
    .pipe(z.string().min(1, "required").max(max, "too_long"));
const optionalText = (max: number) =>
  z
    .string("wrong_type")
    .transform((s) => s.replaceAll("\u0000", "").trim())
    .pipe(z.string().max(max, "too_long"));
const bilingual = (max: number) => z.strictObject({ es: text(max), en: text(max) }, "wrong_type");
const optionalBilingual = (max: number) =>
  z.strictObject({ es: optionalText(max), en: optionalText(max) }, "wrong_type");
const uuid = z.uuid("invalid_choice");
const instant = z.iso
  .datetime({ offset: true, message: "invalid_date" })
  .transform((s) => new Date(s));

const CandidateSchema = z.union(
  [
    uuid.transform((personId) => ({ personId, statement: { es: "", en: "" } })),
    z
      .strictObject({
        person_id: uuid,
        statement: optionalBilingual(LIMITS.statement).optional(),
      })
      .transform((c) => ({ personId: c.person_id, statement: c.statement ?? { es: "", en: "" } })),
  ],
  "wrong_type",
);

export const OfficeInputSchema = z.strictObject({
  name: bilingual(LIMITS.officeName),
  seats: z.int("wrong_type").min(1, "required").max(LIMITS.seats, "too_many"),
  method: z.enum(METHODS as [Method], "invalid_choice"),
  candidates: z
    .array(CandidateSchema, "wrong_type")
    .min(1, "required")
    .max(LIMITS.candidates, "too_many"),
});

export const ElectionInputSchema = z.strictObject({
  title: bilingual(LIMITS.title),
  description: optionalBilingual(LIMITS.description).optional(),
  offices: z
    .array(OfficeInputSchema, "wrong_type")
    .min(1, "required")
    .max(LIMITS.offices, "too_many"),
  opens_at: instant,
  closes_at: instant,
  eligibility: z
    .strictObject(
      {
        engagement_levels: z
          .array(z.enum(ENGAGEMENT_LEVELS, "invalid_choice"), "wrong_type")
          .optional(),
        tags: z.array(text(LIMITS.tag), "wrong_type").max(LIMITS.tags, "too_many").optional(),
        cutoff: instant.optional(),
      },
      "wrong_type",
    )
    .optional(),
  ballot_tracker: z.boolean("wrong_type").optional(),
});

export type ElectionInput = z.output<typeof ElectionInputSchema>;

export type ElectionDraft = {
  title: { es: string; en: string };
  description: { es: string; en: string };
  opensAt: Date;
  closesAt: Date;
  eligibility: { levels: EngagementLevel[]; tags: string[]; cutoff: Date | null };
  ballotTracker: boolean;
  offices: {
    name: { es: string; en: string };
    seats: number;
    method: Method;
    candidates: { personId: string; statement: { es: string; en: string } }[];
  }[];
};

/** Rules one field can't say alone; field keys use the API's paths. */
export function checkElection(input: ElectionInput): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.closes_at.getTime() <= input.opens_at.getTime())
    problems.closes_at = "closes_before_opens";
  input.offices.forEach((office, i) => {
    if (office.method === "irv" && office.seats !== 1)
      problems[`offices.${i}.seats`] = "irv_one_seat";
    const ids = office.candidates.map((c) => c.personId);
    if (new Set(ids).size !== ids.length)
      problems[`offices.${i}.candidates`] = "duplicate_candidate";
  });
  return problems;
}

export function toDraft(input: ElectionInput): ElectionDraft {
  return {
    title: input.title,
    description: input.description ?? { es: "", en: "" },
    opensAt: input.opens_at,
    closesAt: input.closes_at,
    eligibility: {
      levels: [...new Set(input.eligibility?.engagement_levels ?? [])],
      tags: [...new Set(input.eligibility?.tags ?? [])],
      cutoff: input.eligibility?.cutoff ?? null,
    },
    ballotTracker: input.ballot_tracker ?? false,
    offices: input.offices,
  };
}

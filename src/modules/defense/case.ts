import { z } from "zod";
import { optionalText } from "../../platform/fields";
import { uuidInput } from "../../platform/ids";
import { type Cents, CURRENCIES, type Currency, maxCents } from "../../platform/money";
import { fold } from "../../platform/text";
import { isValidDate } from "../../platform/time";
import { parseANumber } from "./a-number";
import { defenseErrors } from "./defense.errors";

// Pure domain: what a case is and how its input is checked. No I/O.

// Each enum once: the list, its type, the Drizzle column (defense.schema.ts) and Zod all
// come from here; the SQL CHECK is compared with it by test/enum-checks.test.ts.
export const CASE_STATUSES = ["open", "detained", "released", "removed", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_LIMITS = {
  name: 200,
  contact: 300,
  needs: 5000,
  story: 5000,
  notes: 20000,
  relationship: 80,
};

export type CaseTeamMember = { userId: string; name: string };
export type FamilyContact = { personId: string; displayName: string; relationship: string };
export type NextHearing = { at: Date; hearingKind: string | null; court: string | null };

export type Case = {
  id: string;
  personId: string;
  personDisplayName: string;
  status: CaseStatus;
  facility: { id: string; name: string } | null;
  detainedOn: string | null;
  lawyerName: string | null;
  lawyerContact: string | null;
  bondCents: Cents | null;
  bondCurrency: Currency;
  needs: string | null;
  public: boolean;
  publicStory: { es: string | null; en: string | null };
  hasANumber: boolean;
  hasBirthdate: boolean;
  hasNotes: boolean;
  team: CaseTeamMember[];
  family: FamilyContact[];
  nextHearing: NextHearing | null;
  lastActivityAt: Date;
  createdAt: Date;
  updatedAt: Date;
};

/** The decrypted fields, only for owners and the case team. */
export type CaseSensitive = {
  aNumber: string | null;
  birthdate: string | null;
  notes: string | null;
};

/** Sensitive input: undefined keeps what is stored, "" or null clears it. */
const sensitiveText = (max: number) =>
  z
    .string("wrong_type")
    .max(max, "too_long")
    .transform((v) => v.trim() || null)
    .nullable()
    .optional();

export function isPastOrToday(date: string, today = new Date()): boolean {
  return isValidDate(date) && date >= "1900-01-01" && date <= today.toISOString().slice(0, 10);
}

/** An amount in minor units (a bond's), whole and above zero, or none. */
export const optionalCents = z
  .number("wrong_type")
  .int("invalid_amount")
  .positive("invalid_amount")
  .nullable()
  .default(null);

const pastDate = z
  .string("wrong_type")
  .trim()
  .refine((v) => v === "" || isPastOrToday(v, new Date(Date.now() + 86_400_000)), "invalid_date");

export const CaseFieldsSchema = z
  .object({
    personId: uuidInput("invalid_choice"),
    status: z.enum(CASE_STATUSES, "invalid_choice").default("open"),
    facilityId: uuidInput("invalid_choice").nullable().default(null),
    detainedOn: pastDate
      .transform((v) => v || null)
      .nullable()
      .default(null),
    lawyerName: optionalText(CASE_LIMITS.name),
    lawyerContact: optionalText(CASE_LIMITS.contact),
    bondCents: optionalCents,
    bondCurrency: z.enum(CURRENCIES, "invalid_choice").default("USD"),
    needs: optionalText(CASE_LIMITS.needs),
    public: z.boolean("wrong_type").default(false),
    publicStoryEs: optionalText(CASE_LIMITS.story),
    publicStoryEn: optionalText(CASE_LIMITS.story),
    aNumber: z
      .string("wrong_type")
      .max(40, defenseErrors.field.invalid_a_number)
      .transform((v, ctx) => {
        if (v.trim() === "") return null;
        const parsed = parseANumber(v);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({ code: "custom", message: defenseErrors.field.invalid_a_number });
        return z.NEVER;
      })
      .nullable()
      .optional(),
    birthdate: z
      .string("wrong_type")
      .trim()
      .refine((v) => v === "" || isPastOrToday(v), "invalid_date")
      .transform((v) => v || null)
      .nullable()
      .optional(),
    notes: sensitiveText(CASE_LIMITS.notes),
  })
  .superRefine((v, ctx) => {
    if (v.bondCents !== null && v.bondCents > maxCents(v.bondCurrency)) {
      ctx.addIssue({ code: "custom", path: ["bondCents"], message: "invalid_amount" });
    }
  });

export type CaseFields = z.infer<typeof CaseFieldsSchema>;
export const SENSITIVE_FIELDS = ["aNumber", "birthdate", "notes"] as const;

export function caseSearchText(input: { personDisplayName: string; lawyerName: string | null }) {
  return fold([input.personDisplayName, input.lawyerName ?? ""].filter(Boolean).join(" "));
}

/** Cases a dashboard calls "open": anything not closed. */
export const isActive = (status: CaseStatus) => status !== "closed";

export const STALE_DAYS = 30;
export const HEARING_WINDOW_DAYS = 14;

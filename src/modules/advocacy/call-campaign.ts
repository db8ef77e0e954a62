import { z } from "zod";
import { type Bilingual, oneLanguage } from "../../platform/bilingual";
import { isValidPhone, optionalText, phoneList, requiredText } from "../../platform/fields";
import { fold } from "../../platform/text";
import {
  CALL_CAMPAIGN_KINDS,
  type CallCampaignKind,
  TARGET_KINDS,
  type TargetKind,
} from "./advocacy.schema";

// Pure domain: what a call-in / visit campaign and its targets are, how input is checked,
// tap-to-call numbers and calendar days. No I/O.
//
// Scope guard (DESIGN "Scope"): a target is a detention facility or a public office (an
// elected official's office, an agency's public front desk). It holds office data only:
// name, phones, address, hours. There is deliberately no field for an officer's name, a
// location of enforcement activity, or anything that would follow or identify officers;
// don't add one.

export type CallCampaign = {
  id: string;
  caseId: string;
  kind: CallCampaignKind;
  title: Bilingual;
  ask: Bilingual;
  script: Bilingual;
  open: boolean;
  public: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type Target = {
  id: string;
  kind: TargetKind;
  /** The directory entry it was copied from, while that still exists. */
  facilityId: string | null;
  name: string;
  phones: string[];
  address: string | null;
  hours: string | null;
  position: number;
  updatedAt: Date;
};

export const LIMITS = {
  title: 160,
  ask: 1000,
  script: 5000,
  targetName: 200,
  address: 500,
  hours: 1000,
  phone: 40,
  phones: 5,
  targets: 20,
};

export const CallCampaignFieldsSchema = z
  .object({
    caseId: z.uuid("case_not_found"),
    kind: z.enum(CALL_CAMPAIGN_KINDS as [CallCampaignKind], "invalid_choice").default("call"),
    titleEs: oneLanguage(LIMITS.title),
    titleEn: oneLanguage(LIMITS.title),
    askEs: oneLanguage(LIMITS.ask),
    askEn: oneLanguage(LIMITS.ask),
    scriptEs: oneLanguage(LIMITS.script),
    scriptEn: oneLanguage(LIMITS.script),
    open: z.boolean("wrong_type").default(true),
    public: z.boolean("wrong_type").default(false),
  })
  // One language is enough for each text; pages show the other, marked with its `lang`.
  .superRefine((v, ctx) => {
    for (const [es, en] of [
      ["titleEs", "titleEn"],
      ["askEs", "askEn"],
      ["scriptEs", "scriptEn"],
    ] as const) {
      if (!v[es] && !v[en]) ctx.addIssue({ code: "custom", path: [es], message: "one_language" });
    }
  });
export type CallCampaignFields = z.infer<typeof CallCampaignFieldsSchema>;

/** Office data typed in by an organizer (or copied from the facilities directory). */
export const TargetFieldsSchema = z.object({
  kind: z.enum(TARGET_KINDS as [TargetKind], "invalid_choice").default("office"),
  name: requiredText(LIMITS.targetName),
  phones: phoneList(LIMITS.phone, LIMITS.phones),
  address: optionalText(LIMITS.address),
  hours: optionalText(LIMITS.hours),
});
export type TargetFields = z.infer<typeof TargetFieldsSchema>;

export function campaignSearchText(f: { titleEs: string; titleEn: string }): string {
  return fold(`${f.titleEs} ${f.titleEn}`);
}

/**
 * A phone as typed ("(555) 010-0101", "+52 55 0100 0101") -> the `tel:` link a phone can
 * dial: digits only, with a leading "+" kept. Null when there is nothing dialable.
 */
export function telHref(phone: string): string | null {
  const typed = phone.trim();
  if (!isValidPhone(typed)) return null;
  return `tel:${typed.startsWith("+") ? "+" : ""}${typed.replace(/\D/g, "")}`;
}

export type DayCount = { day: string; count: number };

/** Counts for every one of `days`, zero where nothing was recorded. */
export function fillDays(days: readonly string[], rows: readonly DayCount[]): DayCount[] {
  const byDay = new Map(rows.map((r) => [r.day, r.count]));
  return days.map((day) => ({ day, count: byDay.get(day) ?? 0 }));
}

/** What one visitor may count, per campaign: enough for a real person, too few to spam. */
export const CALL_RATE_LIMIT = { limit: 10, windowSeconds: 60 * 60 };

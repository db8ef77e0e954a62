// Pure domain: what a campaign is, how its fields are checked, progress toward its goal.
import { z } from "zod";
import { type Bilingual, eitherLanguage } from "../../platform/bilingual";
import type { FieldErrorKey, FieldErrors } from "../../platform/errors";
import { optionalText, slugText } from "../../platform/fields";
import { uuidInput } from "../../platform/ids";
import { type Cents, CURRENCIES, type Currency, cents, maxCents } from "../../platform/money";
import { fold } from "../../platform/text";
import "./funds.errors";

export type Campaign = {
  id: string;
  slug: string;
  title: Bilingual;
  story: { es: string | null; en: string | null };
  goalCents: Cents;
  currency: Currency;
  milestonesCents: Cents[];
  caseId: string | null;
  open: boolean;
  public: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export const LIMITS = { slug: 40, title: 160, story: 10_000, milestones: 10, memo: 500 };

export function searchTextFor(c: { slug: string; title: Bilingual }): string {
  return fold([c.title.es, c.title.en, c.slug].join(" "));
}

/** Why a number can't be an amount of `currency` in minor units, or null when it can. */
export function amountProblem(value: unknown, currency: Currency): FieldErrorKey | null {
  if (typeof value !== "number" || Number.isNaN(value)) return "amount_not_a_number";
  if (!Number.isFinite(value)) return "amount_too_large";
  if (!Number.isInteger(value)) return "amount_fractional";
  if (value <= 0) return "amount_not_positive";
  if (value > maxCents(currency)) return "amount_too_large";
  return null;
}

/** What is wrong with an amount (and its stated currency, if any) for this campaign. */
export function movementProblems(
  campaign: Pick<Campaign, "currency">,
  amount: unknown,
  currency: Currency | null | undefined,
): FieldErrors {
  const fields: FieldErrors = {};
  const problem = amountProblem(amount, campaign.currency);
  if (problem) fields.amount = problem;
  if ((currency ?? campaign.currency) !== campaign.currency) fields.currency = "currency_mismatch";
  return fields;
}

/** Milestones must climb strictly and stay below the goal. */
export function milestonesProblem(milestones: readonly number[], goal: number): boolean {
  if (milestones.length > LIMITS.milestones) return true;
  return milestones.some((m, i) => m <= 0 || m >= goal || (i > 0 && m <= (milestones[i - 1] ?? 0)));
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;
const story = optionalText(LIMITS.story);

/**
 * A campaign's fields as the domain takes them (amounts already in minor units).
 * Shared by the form and the API; the amount checks that depend on the currency run last.
 */
export const CampaignFieldsSchema = z
  .object({
    slug: slugText().refine((v) => SLUG.test(v) && !v.includes("--"), "invalid_slug"),
    title: eitherLanguage(LIMITS.title),
    story: z.object({ es: story, en: story }, "wrong_type").default({ es: null, en: null }),
    goalCents: z.number("amount_not_a_number"),
    currency: z.enum(CURRENCIES, "invalid_choice").default("USD"),
    milestonesCents: z.array(z.number("amount_not_a_number"), "wrong_type").default([]),
    caseId: uuidInput("case_not_found").nullable().default(null),
    open: z.boolean("wrong_type").default(true),
    public: z.boolean("wrong_type").default(false),
  })
  .superRefine((v, ctx) => {
    const goal = amountProblem(v.goalCents, v.currency);
    if (goal) ctx.addIssue({ code: "custom", path: ["goalCents"], message: goal });
    const each = v.milestonesCents.map((m) => amountProblem(m, v.currency)).find(Boolean);
    if (each) ctx.addIssue({ code: "custom", path: ["milestonesCents"], message: each });
    else if (!goal && milestonesProblem(v.milestonesCents, v.goalCents)) {
      ctx.addIssue({ code: "custom", path: ["milestonesCents"], message: "milestones_invalid" });
    }
  })
  .transform((v) => ({
    ...v,
    goalCents: cents(v.goalCents),
    milestonesCents: v.milestonesCents.map(cents),
  }));

export type CampaignFields = z.infer<typeof CampaignFieldsSchema>;

export type Progress = {
  /** 0..100, capped: the bar never overflows. */
  percent: number;
  /** The first milestone (or the goal) not yet reached; null once the goal is met. */
  next: { target: Cents; toGo: Cents; isGoal: boolean } | null;
};

export function progress(raised: Cents, goal: Cents, milestones: readonly Cents[]): Progress {
  const percent = goal > 0 ? Math.min(100, Math.max(0, Math.floor((raised * 100) / goal))) : 0;
  const target = [...milestones, goal].find((m) => m > raised);
  if (target === undefined) return { percent, next: null };
  return { percent, next: { target, toGo: cents(target - raised), isGoal: target === goal } };
}

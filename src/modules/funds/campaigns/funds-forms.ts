// The HTML forms' flat strings <-> the domain's fields. Pure: no I/O.
import type { FieldErrorKey, FieldErrors } from "../../../platform/errors";
import { errorsByInput, inputOfHead } from "../../../platform/form-input";
import {
  type Cents,
  CURRENCY_DECIMALS,
  type Currency,
  isCurrency,
  type ParseFailure,
  parseAmount,
} from "../../../platform/money";
import { instantToZoned, isValidDate, zonedToInstant } from "../../../platform/time";
import type { Campaign } from "../campaign";

const REASON: Record<ParseFailure, FieldErrorKey> = {
  empty: "required",
  not_a_number: "amount_not_a_number",
  fractional_cent: "amount_fractional",
  not_positive: "amount_not_positive",
  too_large: "amount_too_large",
};

export type Read<T> = { ok: true; value: T } | { ok: false; error: FieldErrorKey };

/** A typed amount ("1,250.50", "$20") in minor units, or why not. */
export function readAmount(
  text: string | undefined,
  currency: Currency,
  options: { allowZero?: boolean } = {},
): Read<Cents> {
  const r = parseAmount(text ?? "", currency, options);
  return r.ok ? { ok: true, value: r.cents } : { ok: false, error: REASON[r.reason] };
}

/** "1,000; 5,000" (semicolons, ", ", or a space between two numbers) in minor units. */
export function readMilestones(text: string | undefined, currency: Currency): Read<Cents[]> {
  const parts = (text ?? "")
    .split(/;|\n|,\s+|(?<=\d)\s+(?=[\d$€¥])/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: Cents[] = [];
  for (const part of parts) {
    const r = readAmount(part, currency);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}

/** A YYYY-MM-DD typed in the org's zone, as noon that day; blank means now. */
export function readDay(text: string | undefined, timeZone: string, now = new Date()): Read<Date> {
  const value = (text ?? "").trim();
  if (!value) return { ok: true, value: now };
  if (!isValidDate(value)) return { ok: false, error: "invalid_date" };
  const instant = zonedToInstant(value, "12:00", timeZone);
  if (!instant || value < "2000-01-01" || instant.getTime() > now.getTime() + 86_400_000) {
    return { ok: false, error: "invalid_date" };
  }
  return { ok: true, value: instant };
}

export function today(timeZone: string, now = new Date()): string {
  return instantToZoned(now, timeZone).date;
}

/** Minor units back to what a person types: 123450 -> "1,234.50". */
export function amountText(amount: number, currency: Currency): string {
  const decimals = CURRENCY_DECIMALS[currency];
  return new Intl.NumberFormat("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(amount / 10 ** decimals);
}

/** The campaign form -> input for CampaignFieldsSchema, plus the amount errors found. */
export function formToCampaignInput(values: Record<string, string>): {
  input: Record<string, unknown>;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const currencyText = values.currency ?? "USD";
  const currency: Currency = isCurrency(currencyText) ? currencyText : "USD";
  const goal = readAmount(values.goal, currency);
  if (!goal.ok) errors.goal = goal.error;
  const milestones = readMilestones(values.milestones, currency);
  if (!milestones.ok) errors.milestones = milestones.error;
  return {
    input: {
      slug: values.slug ?? "",
      title: { es: values.title_es ?? "", en: values.title_en ?? "" },
      story: { es: values.story_es ?? "", en: values.story_en ?? "" },
      goalCents: goal.ok ? goal.value : 1,
      currency: currencyText,
      milestonesCents: milestones.ok ? milestones.value : [],
      caseId: values.case_id || null,
      open: values.open === "on",
      public: values.public === "on",
    },
    errors,
  };
}

const FORM_NAMES: Record<string, string> = {
  "title.es": "title_es",
  "title.en": "title_en",
  "story.es": "story_es",
  "story.en": "story_en",
  goalCents: "goal",
  milestonesCents: "milestones",
  caseId: "case_id",
};

/** Domain field paths -> the form's input names (first message per input wins). */
export function campaignErrorsForForm(errors: FieldErrors): FieldErrors {
  const headInput = inputOfHead(FORM_NAMES);
  return errorsByInput(errors, (path) => FORM_NAMES[path] ?? headInput(path));
}

export function campaignToForm(c: Campaign): Record<string, string> {
  return {
    slug: c.slug,
    title_es: c.title.es,
    title_en: c.title.en,
    story_es: c.story.es ?? "",
    story_en: c.story.en ?? "",
    goal: amountText(c.goalCents, c.currency),
    currency: c.currency,
    milestones: c.milestonesCents.map((m) => amountText(m, c.currency)).join("; "),
    case_id: c.caseId ?? "",
    open: c.open ? "on" : "",
    public: c.public ? "on" : "",
  };
}

const PANEL_NAMES: Record<string, string> = { receivedByUserId: "received_by" };

/** Field errors of an operation ("amount", "payee"...) under a panel's input names. */
export function prefixed(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([k, v]) => [`${prefix}_${PANEL_NAMES[k] ?? k}`, v]),
  );
}

import type { FieldErrors } from "../../platform/errors";
import { errorsByInput, inputOfHead } from "../../platform/form-input";
import {
  CURRENCIES,
  type Currency,
  formatMoney,
  isCurrency,
  parseAmount,
} from "../../platform/money";
import { instantToZoned, zonedToInstant } from "../../platform/time";
import type { Case, CaseSensitive } from "./case";
import type { CaseEventInput } from "./case-event";

// The HTML forms' flat strings <-> the domain's fields. Amounts are read with
// parseAmount so "1,500.00" works and "1,5" is refused with a message, never guessed.

const currencyOf = (value: string | undefined): Currency =>
  value && isCurrency(value) ? value : "USD";

/** Reads an optional amount field; an error key when it can't be read. */
function amountFrom(text: string | undefined, currency: Currency) {
  if (!text?.trim()) return { cents: null };
  const parsed = parseAmount(text, currency);
  return parsed.ok ? { cents: parsed.cents } : { error: "invalid_amount" as const };
}

export function formToCaseInput(
  values: Record<string, string>,
  options: { withSensitive: boolean },
): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const currency = currencyOf(values.bond_currency);
  const bond = amountFrom(values.bond_amount, currency);
  if ("error" in bond && bond.error) errors.bond_amount = bond.error;
  return {
    errors,
    input: {
      personId: values.person_id ?? "",
      status: values.status || "open",
      facilityId: values.facility_id || null,
      detainedOn: values.detained_on ?? "",
      lawyerName: values.lawyer_name ?? "",
      lawyerContact: values.lawyer_contact ?? "",
      bondCents: "cents" in bond ? bond.cents : null,
      bondCurrency: currency,
      needs: values.needs ?? "",
      public: values.public === "on",
      publicStoryEs: values.public_story_es ?? "",
      publicStoryEn: values.public_story_en ?? "",
      ...(options.withSensitive
        ? {
            aNumber: values.a_number ?? "",
            birthdate: values.birthdate ?? "",
            notes: values.notes ?? "",
          }
        : {}),
    },
  };
}

const CASE_FORM_NAMES: Record<string, string> = {
  personId: "person_id",
  facilityId: "facility_id",
  detainedOn: "detained_on",
  lawyerName: "lawyer_name",
  lawyerContact: "lawyer_contact",
  bondCents: "bond_amount",
  bondCurrency: "bond_currency",
  publicStoryEs: "public_story_es",
  publicStoryEn: "public_story_en",
  aNumber: "a_number",
};

const EVENT_FORM_NAMES: Record<string, string> = {
  occurredAt: "date",
  facilityId: "facility_id",
  fromFacilityId: "from_facility_id",
  hearingKind: "hearing_kind",
  amountCents: "amount",
};

export const caseErrorsForForm = (e: FieldErrors) => errorsByInput(e, inputOfHead(CASE_FORM_NAMES));
export const eventErrorsForForm = (e: FieldErrors) =>
  errorsByInput(e, inputOfHead(EVENT_FORM_NAMES));

export function caseToForm(c: Case, sensitive?: CaseSensitive): Record<string, string> {
  return {
    person_id: c.personId,
    status: c.status,
    facility_id: c.facility?.id ?? "",
    detained_on: c.detainedOn ?? "",
    lawyer_name: c.lawyerName ?? "",
    lawyer_contact: c.lawyerContact ?? "",
    bond_amount:
      c.bondCents === null
        ? ""
        : formatMoney(c.bondCents, c.bondCurrency, "en").replace(/[^\d.,]/g, ""),
    bond_currency: c.bondCurrency,
    needs: c.needs ?? "",
    public: c.public ? "on" : "",
    public_story_es: c.publicStory.es ?? "",
    public_story_en: c.publicStory.en ?? "",
    a_number: sensitive?.aNumber ?? "",
    birthdate: sensitive?.birthdate ?? "",
    notes: sensitive?.notes ?? "",
  };
}

export function formToEventInput(
  values: Record<string, string>,
  kind: string,
  timeZone: string,
): { input: Partial<Record<keyof CaseEventInput, unknown>>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const occurredAt = zonedToInstant(values.date ?? "", values.time || "12:00", timeZone);
  if (!occurredAt) errors.date = values.date ? "invalid_date" : "required";
  const currency = currencyOf(values.currency);
  const amount = amountFrom(values.amount, currency);
  if ("error" in amount && amount.error) errors.amount = amount.error;
  return {
    errors,
    input: {
      kind,
      // A stand-in when the date is bad, so the other fields are still checked.
      occurredAt: occurredAt ?? new Date(0),
      facilityId: values.facility_id || null,
      fromFacilityId: values.from_facility_id || null,
      hearingKind: values.hearing_kind || null,
      court: values.court ?? "",
      outcome: values.outcome ?? "",
      amountCents: "cents" in amount ? amount.cents : null,
      currency,
      note: values.note ?? "",
    },
  };
}

/** A new event's form: now, on the organization's clock (a hearing starts with no date). */
export function eventFormDefaults(kind: string, timeZone: string, now = new Date()) {
  if (kind === "hearing_scheduled") return { date: "", time: "09:00", currency: "USD" };
  const { date, time } = instantToZoned(now, timeZone);
  return { date, time, currency: "USD" };
}

export const CURRENCY_OPTIONS = CURRENCIES.map((c) => ({ value: c, label: c }));

// The money forms on a campaign's page, each one Zod schema: the flat strings a browser
// sends -> an operation's input, or field errors under the form's own names. Text that is
// too long is a field error, never silently cut. Pure: no I/O.
import { z } from "zod";
import type { FieldErrorKey } from "../../../platform/errors";
import type { Currency } from "../../../platform/money";
import { DISBURSEMENT_PURPOSES } from "../disbursements/disbursement";
import { GIFT_METHODS } from "../gifts/gift";
import { readAmount, readDay } from "./funds-forms";

type Read<T> = { ok: true; value: T } | { ok: false; error: FieldErrorKey };

/** A reader (readAmount, readDay) as a Zod field: its error key becomes the field's. */
const read = <T>(reader: (text: string | undefined) => Read<T>) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      const r = reader(text);
      if (r.ok) return r.value;
      ctx.addIssue({ code: "custom", message: r.error });
      return z.NEVER;
    });

/** Optional free text: trimmed, blank is null, longer than `max` is too_long. */
const note = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() ?? "")
    .pipe(z.string().max(max, "too_long"))
    .transform((v) => v || null);

const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, "invalid_choice");

export const giftForm = (currency: Currency, timeZone: string) =>
  z.object({
    gift_amount: read((v) => readAmount(v, currency)),
    gift_method: choice(GIFT_METHODS),
    gift_received_on: read((v) => readDay(v, timeZone)),
    gift_donor_name: note(160),
    gift_event_note: note(300),
    gift_show_name: z
      .string()
      .optional()
      .transform((v) => v === "on"),
    gift_received_by: z
      .string()
      .optional()
      .transform((v) => v || null),
  });

export const paymentForm = (currency: Currency) =>
  z.object({
    pay_amount: read((v) => readAmount(v, currency)),
    pay_purpose: choice(DISBURSEMENT_PURPOSES),
    pay_payee: z
      .string()
      .optional()
      .transform((v) => v?.trim() ?? "")
      .pipe(z.string().min(1, "required").max(160, "too_long")),
    pay_memo: note(500),
  });

export const bondForm = (currency: Currency, timeZone: string) =>
  z.object({
    bond_amount: read((v) => readAmount(v, currency)),
    bond_posted_on: read((v) => readDay(v, timeZone)),
    bond_memo: note(500),
  });

export const reverseForm = z.object({ memo: note(500) });

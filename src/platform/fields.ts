import { z } from "zod";
import { phoneDigits } from "./text";

// Zod pieces that the forms and APIs of every module validate their fields with. Each
// failure message is a shared field error key (platform/errors.ts), shown in the user's
// language by the form or the API.

/** Text that must be there: trimmed, at least one character, at most `max`. */
export const requiredText = (max: number) =>
  z.string("required").trim().min(1, "required").max(max, "too_long");

/** A slug as typed: trimmed, lower-cased, not empty (each module adds its own pattern). */
export const slugText = () => z.string("required").trim().toLowerCase().min(1, "required");

/** A field that may be left out: missing, undefined and null all become null. */
export const orNull = <T extends z.ZodType>(schema: T) =>
  schema
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** Text that may be left out: trimmed, and empty, missing or null all become null. */
export const optionalText = (max: number) =>
  orNull(
    z
      .string("wrong_type")
      .max(max, "too_long")
      .transform((v) => v.trim() || null),
  );

/** A phone number as people type it: digits, spaces, ( ) . - and a leading +; 7 to 15 digits. */
export function isValidPhone(phone: string): boolean {
  return (
    /^\+?[\d\s().-]+$/.test(phone) &&
    phoneDigits(phone).length >= 7 &&
    phoneDigits(phone).length <= 15
  );
}

/** One phone number: trimmed, at most `max` characters, a number that can be dialled. */
export const phoneText = (max: number) =>
  z.string("wrong_type").trim().max(max, "too_long").refine(isValidPhone, "invalid_phone");

/** A list of phone numbers (an office's): at most `count`, each once. */
export const phoneList = (max: number, count: number) =>
  z
    .array(phoneText(max), "wrong_type")
    .max(count, "too_long")
    .default([])
    .transform((phones) => [...new Set(phones)]);

/**
 * The fields of a patch that were given: a key whose value is undefined (left out) is
 * dropped, so an update sets, and its audit names, only those (`null` still clears).
 */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

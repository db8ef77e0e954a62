import type { CountryCode } from "libphonenumber-js";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { z } from "zod";

// A contact point is an email address or a phone number in E.164. Pure.

export type Channel = "email" | "sms";
export type ContactPoint = { channel: Channel; address: string };

/** A phone number as E.164 (+14155550123), or null when it cannot be one. */
export function toE164(raw: string, defaultCountry: CountryCode = "US"): string | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > 40) return null;
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}

const EmailSchema = z.email();

export function normalizeEmail(raw: string): string | null {
  const text = raw.trim().toLowerCase();
  if (text.length === 0 || text.length > 254) return null;
  return EmailSchema.safeParse(text).success ? text : null;
}

/** An email (has "@") or a phone number, normalized; null when it is neither. */
export function parseContactPoint(raw: string): ContactPoint | null {
  if (raw.includes("@")) {
    const address = normalizeEmail(raw);
    return address ? { channel: "email", address } : null;
  }
  const address = toE164(raw);
  return address ? { channel: "sms", address } : null;
}

/** How a contact point shows on staff pages without spelling it out in full. */
export function maskContact(point: ContactPoint): string {
  if (point.channel === "sms") return `•••${point.address.slice(-4)}`;
  const [local = "", domain = ""] = point.address.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}

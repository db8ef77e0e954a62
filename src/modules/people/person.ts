import { z } from "zod";
import { isValidPhone, optionalText, requiredText } from "../../platform/fields";
import { fold, phoneDigits } from "../../platform/text";

// Pure domain: what a person is, how input is checked, how search text is made. No I/O.

// Each enum once: the list, its type, the Drizzle column (people.schema.ts) and Zod below
// all come from here; the SQL CHECK is compared with it by test/enum-checks.test.ts.
export const ENGAGEMENT_LEVELS = ["contact", "supporter", "active", "core", "leader"] as const;
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number];
export const PREFERRED_LANGUAGES = ["es", "en"] as const;
export type PhoneNumber = { number: string; primary: boolean };
export type EmailAddress = { address: string; primary: boolean };

export type PersonInput = {
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  emails: EmailAddress[];
  phones: PhoneNumber[];
  preferredLanguage: "es" | "en" | null;
  engagementLevel: EngagementLevel;
  tags: string[];
  notes: string | null;
  birthdate: string | null;
  homeAddress: string | null;
};

export type Person = Omit<PersonInput, "birthdate" | "homeAddress"> & {
  id: string;
  hasBirthdate: boolean;
  hasHomeAddress: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export const LIMITS = {
  name: 120,
  notes: 5000,
  address: 500,
  tag: 40,
  tags: 30,
  emails: 5,
  phones: 5,
};

// Other modules import the phone check from here too; it lives in platform/fields.ts.
export { isValidPhone };

/** The email or phone marked primary, else the first one; undefined when there is none. */
export const primaryOf = <T extends { primary: boolean }>(list: readonly T[]): T | undefined =>
  list.find((x) => x.primary) ?? list[0];

export function isValidBirthdate(value: string, today = new Date()): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === value &&
    date.getUTCFullYear() >= 1900 &&
    date <= today
  );
}

export function searchTextFor(
  p: Pick<PersonInput, "displayName" | "givenName" | "familyName" | "emails" | "phones">,
): string {
  return fold(
    [
      p.displayName,
      p.givenName ?? "",
      p.familyName ?? "",
      ...p.emails.map((e) => e.address),
      ...p.phones.map((ph) => phoneDigits(ph.number)),
    ]
      .filter(Boolean)
      .join(" "),
  );
}

export function sortNameFor(displayName: string): string {
  return fold(displayName).trim();
}

/**
 * Query text -> LIKE fragments, all of which must match. A token that is a phone
 * fragment ("(555) 01-23") becomes its digits; other tokens are folded.
 */
export function searchTerms(query: string): string[] {
  const folded = fold(query).trim();
  if (!folded) return [];
  const phoneish = /^[\d\s().+-]+$/.test(folded) && phoneDigits(folded).length >= 3;
  if (phoneish) return [phoneDigits(folded)];
  return folded
    .split(/\s+/)
    .map((t) => t.replace(/[^\p{L}\p{N}@._+-]/gu, ""))
    .map((t) => (/^[\d().+-]+$/.test(t) && phoneDigits(t).length >= 3 ? phoneDigits(t) : t))
    .filter((t) => t.length > 0)
    .slice(0, 6);
}

/** Primary first; exactly one primary when there are any. */
export function withOnePrimary<T extends { primary: boolean }>(items: T[]): T[] {
  if (items.length === 0) return items;
  const index = Math.max(
    0,
    items.findIndex((i) => i.primary),
  );
  const ordered = [items[index] as T, ...items.filter((_, i) => i !== index)];
  return ordered.map((item, i) => ({ ...item, primary: i === 0 }));
}

export function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && !!seen.add(key(item)));
}

export function normalizeTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, " ");
    if (!tag || seen.has(fold(tag))) continue;
    seen.add(fold(tag));
    out.push(tag);
  }
  return out;
}

// --- Validation shared by the form and the API -------------------------------------------

export const PersonFieldsSchema = z.object({
  displayName: requiredText(LIMITS.name),
  givenName: optionalText(LIMITS.name),
  familyName: optionalText(LIMITS.name),
  emails: z
    .array(
      z.object({
        address: z.string("wrong_type").trim().max(254, "too_long").pipe(z.email("invalid_email")),
        primary: z.boolean("wrong_type").default(false),
      }),
      "wrong_type",
    )
    .max(LIMITS.emails, "too_long")
    .default([])
    .transform((emails) => withOnePrimary(uniqueBy(emails, (e) => e.address.toLowerCase()))),
  phones: z
    .array(
      z.object({
        number: z
          .string("wrong_type")
          .trim()
          .max(40, "too_long")
          .refine(isValidPhone, "invalid_phone"),
        primary: z.boolean("wrong_type").default(false),
      }),
      "wrong_type",
    )
    .max(LIMITS.phones, "too_long")
    .default([])
    .transform(withOnePrimary),
  preferredLanguage: z.enum(PREFERRED_LANGUAGES, "invalid_choice").nullable().default(null),
  engagementLevel: z.enum(ENGAGEMENT_LEVELS, "invalid_choice").default("contact"),
  tags: z
    .array(z.string("wrong_type").max(LIMITS.tag, "too_long"), "wrong_type")
    .max(LIMITS.tags, "too_long")
    .default([])
    .transform(normalizeTags),
  notes: optionalText(LIMITS.notes),
  birthdate: z
    .string("wrong_type")
    .trim()
    .refine((v) => v === "" || isValidBirthdate(v), "invalid_date")
    .transform((v) => v || null)
    .nullable()
    .default(null),
  homeAddress: optionalText(LIMITS.address),
});

export type PersonFields = z.infer<typeof PersonFieldsSchema>;

import { z } from "zod";
import { invalid } from "../../platform/errors";
import { isValidPhone, requiredText } from "../../platform/fields";
import { type PersonFields, PersonFieldsSchema } from "./person";

// A person from a short contact form (a public RSVP, a sign-up sheet at a shift): the
// fields such a form asks for, and the least a new person made from it holds. Matching
// the contact to someone already known is findPersonByContact (person-summaries.ts).

/** Name, email and phone as a contact form asks for them; either contact may be empty. */
export const contactFormShape = {
  name: requiredText(120),
  email: z
    .string("wrong_type")
    .trim()
    .max(254, "too_long")
    .optional()
    .default("")
    .pipe(z.union([z.literal(""), z.email("invalid_email")])),
  phone: z
    .string("wrong_type")
    .trim()
    .max(40, "too_long")
    .optional()
    .default("")
    .refine((v) => v === "" || isValidPhone(v), "invalid_phone"),
};

/**
 * A new person's fields from a contact form: the name given, the contact typed (as primary),
 * the language and one tag saying where they came from. A name People refuses is a
 * validation error on `name`.
 */
export function contactPersonFields(contact: {
  name: string;
  email: string;
  phone: string;
  language: "es" | "en" | null;
  tag: string;
}): PersonFields {
  const fields = PersonFieldsSchema.safeParse({
    displayName: contact.name,
    emails: contact.email ? [{ address: contact.email, primary: true }] : [],
    phones: contact.phone ? [{ number: contact.phone, primary: true }] : [],
    preferredLanguage: contact.language,
    tags: [contact.tag],
  });
  if (!fields.success) throw invalid({ name: "invalid" });
  return fields.data;
}

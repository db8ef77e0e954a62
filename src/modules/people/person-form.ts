import { type FieldErrors, invalid } from "../../platform/errors";
import { errorsByInput, formListItems } from "../../platform/form-input";
import type { Lang } from "../../platform/i18n";
import { peopleErrors } from "./people.errors";
import { CONSENT_PURPOSES } from "./people.events";
import { peopleText } from "./people.messages";
import type { Person } from "./person";
import type { ConsentIntake } from "./stated-consent";

// The HTML form's flat strings <-> the domain's structured fields.

export function formToPersonInput(
  values: Record<string, string>,
  options: { withSensitive: boolean },
): Record<string, unknown> {
  return {
    displayName: values.display_name ?? "",
    givenName: values.given_name ?? "",
    familyName: values.family_name ?? "",
    emails: formListItems(values.emails).map((address) => ({ address, primary: false })),
    phones: formListItems(values.phones).map((number) => ({ number, primary: false })),
    preferredLanguage: values.preferred_language || null,
    engagementLevel: values.engagement_level || "contact",
    tags: formListItems(values.tags),
    notes: values.notes ?? "",
    ...(options.withSensitive
      ? { birthdate: values.birthdate ?? "", homeAddress: values.home_address ?? "" }
      : {}),
  };
}

/**
 * The new-person form's consent boxes (one per purpose, none ticked by default) as a
 * statement for messaging: the ticked sentences, as shown, are the recorded wording.
 * Null when nothing is ticked; a ticked box without "paper" or "out loud" is refused.
 */
export function formToConsentIntake(
  values: Record<string, string>,
  lang: Lang,
): ConsentIntake | null {
  const t = peopleText[lang];
  const purposes = CONSENT_PURPOSES.filter((p) => values[`consent_${p}`] === "on");
  if (purposes.length === 0) return null;
  const source = values.consent_source;
  if (source !== "paper" && source !== "verbal") {
    throw invalid({ consent_source: peopleErrors.field.consent_source_required });
  }
  return {
    source,
    wording: purposes.map((p) => t[`consent_${p}`]).join("\n"),
    language: lang,
    channels: { email: true, sms: true },
    purposes,
  };
}

const FORM_NAMES: Record<string, string> = {
  displayName: "display_name",
  givenName: "given_name",
  familyName: "family_name",
  emails: "emails",
  phones: "phones",
  preferredLanguage: "preferred_language",
  engagementLevel: "engagement_level",
  tags: "tags",
  notes: "notes",
  birthdate: "birthdate",
  homeAddress: "home_address",
};

/** "emails.1.address" -> "emails": the form shows one message per input. */
export function errorsForForm(errors: FieldErrors): FieldErrors {
  return errorsByInput(errors, (path) => FORM_NAMES[path.split(".")[0] ?? ""] ?? path);
}

export function personToForm(
  person: Person,
  sensitive?: { birthdate: string | null; homeAddress: string | null },
): Record<string, string> {
  return {
    display_name: person.displayName,
    given_name: person.givenName ?? "",
    family_name: person.familyName ?? "",
    emails: person.emails.map((e) => e.address).join(", "),
    phones: person.phones.map((p) => p.number).join(", "),
    preferred_language: person.preferredLanguage ?? "",
    engagement_level: person.engagementLevel,
    tags: person.tags.join(", "),
    notes: person.notes ?? "",
    birthdate: sensitive?.birthdate ?? "",
    home_address: sensitive?.homeAddress ?? "",
  };
}

// The people module's events (augmenting the app's bus, platform/events.ts).
//
// "people.consent_stated": someone's consent to messages was stated where a person is
// written (the new-person form at intake, a CSV import, the people API, a public form).
// People keeps no consent of its own: messaging hears this after the commit and appends
// its consent records, the one place consent lives (decision 094).

export const CONSENT_PURPOSES = ["hearing_reminders", "action_reminders", "broadcasts"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type ConsentChannel = "email" | "sms";
/** Where the statement came from; messaging's consent sources include each of these. */
export type StatedConsentSource = "web_form" | "paper" | "verbal" | "import" | "api";

export type ConsentStatement = {
  personId: string;
  /** Addresses as written on the person (emails, phone numbers); messaging normalizes. */
  contacts: string[];
  purposes: ConsentPurpose[];
  action: "grant" | "revoke";
};

export type ConsentStated = {
  orgId: string;
  /** The user who wrote it down; null for a public form or the system. */
  recordedBy: string | null;
  source: StatedConsentSource;
  /** The words shown or read to the person, as recorded with each consent record. */
  wording: string | null;
  language: "es" | "en" | null;
  statements: ConsentStatement[];
};

declare module "../../platform/events" {
  interface AppEvents {
    "people.consent_stated": ConsentStated;
  }
}

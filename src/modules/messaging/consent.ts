// Consent: an append-only record per contact point and purpose. Pure.
// The current consent for a purpose is the latest record for it. A stop (SMS keyword,
// email one-click, or a revoke for "all") silences every purpose until the person grants a
// purpose again after it, or sends START.

export type Language = "es" | "en";
export const PURPOSES = ["hearing_reminders", "action_reminders", "broadcasts"] as const;
export type Purpose = (typeof PURPOSES)[number];
// "import" (a people CSV's consent columns) and "api" (the people API's `consent`) come
// through people's "people.consent_stated" event (decision 094).
export const SOURCES = [
  "web_form",
  "paper",
  "verbal",
  "sms_keyword",
  "email_one_click",
  "import",
  "api",
] as const;
export type ConsentSource = (typeof SOURCES)[number];

export type ConsentRecord = {
  purpose: Purpose | "all";
  action: "grant" | "revoke";
  at: Date;
  /** Tie-break for records in the same millisecond (insertion order). */
  seq: number;
};

export type ConsentState = "granted" | "no_consent" | "stopped";

function newest<T extends ConsentRecord>(records: T[]): T | undefined {
  let best: T | undefined;
  for (const r of records) {
    if (!best || r.at > best.at || (r.at.getTime() === best.at.getTime() && r.seq > best.seq)) {
      best = r;
    }
  }
  return best;
}

export function consentState(records: ConsentRecord[], purpose: Purpose): ConsentState {
  const forPurpose = newest(records.filter((r) => r.purpose === purpose));
  const global = newest(records.filter((r) => r.purpose === "all"));
  const stoppedAfter =
    global?.action === "revoke" && (!forPurpose || newest([forPurpose, global]) === global);
  if (stoppedAfter) return "stopped";
  return forPurpose?.action === "grant" ? "granted" : "no_consent";
}

/** True when the latest global record is a stop: a second STOP changes nothing. */
export function isStopped(records: ConsentRecord[]): boolean {
  return newest(records.filter((r) => r.purpose === "all"))?.action === "revoke";
}

import type { Db } from "../../db/client";
import type { Person } from "./person";

// What the people API says under `consent: {email, sms}`: read from messaging's consent
// records, never stored here (decision 094). Messaging supplies the reader at the
// composition root (app.ts, cli), so people imports nothing of messaging; without one,
// nobody has consent.

export type ChannelConsent = { email: boolean; sms: boolean };
export type ConsentSummaryReader = (
  db: Db,
  orgId: string,
  people: Pick<Person, "id" | "emails" | "phones">[],
) => Promise<Map<string, ChannelConsent>>;

const none: ConsentSummaryReader = async () => new Map();
let reader: ConsentSummaryReader = none;

/** Registering again (several apps in one process) replaces it with the same function. */
export function setConsentSummaryReader(next: ConsentSummaryReader) {
  reader = next;
}

/** Per person: true for a channel when one of their contact points has a current grant. */
export async function consentSummaries(
  db: Db,
  orgId: string,
  people: Pick<Person, "id" | "emails" | "phones">[],
): Promise<Map<string, ChannelConsent>> {
  if (people.length === 0) return new Map();
  return reader(db, orgId, people);
}

export const NO_CONSENT: ChannelConsent = { email: false, sms: false };

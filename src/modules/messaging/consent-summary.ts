import type { Db } from "../../db/client";
import type { ChannelConsent } from "../people/consent-summary";
import { consentState, PURPOSES } from "./consent";
import { contactPointsOf } from "./consent-history";
import { loadConsent, pointKey } from "./consent-record";

type PersonContacts = {
  id: string;
  emails: { address: string }[];
  phones: { number: string }[];
};

/**
 * The people API's `consent: {email, sms}` (decision 094), derived from the consent
 * records: a channel is true when one of the person's contact points on it has a purpose
 * granted and not stopped since. Registered with people in app.ts; two queries per call.
 */
export async function channelConsent(
  db: Db,
  orgId: string,
  people: PersonContacts[],
): Promise<Map<string, ChannelConsent>> {
  const pointsOf = new Map(people.map((p) => [p.id, contactPointsOf(p)]));
  const records = await loadConsent(db, orgId, [...pointsOf.values()].flat());
  const out = new Map<string, ChannelConsent>();
  for (const [id, points] of pointsOf) {
    const summary = { email: false, sms: false };
    for (const point of points) {
      const list = records.get(pointKey(point)) ?? [];
      if (PURPOSES.some((purpose) => consentState(list, purpose) === "granted")) {
        summary[point.channel] = true;
      }
    }
    out.set(id, summary);
  }
  return out;
}

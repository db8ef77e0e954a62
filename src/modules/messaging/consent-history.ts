import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../platform/platform.schema";
import {
  type ConsentSource,
  type ConsentState,
  consentState,
  PURPOSES,
  type Purpose,
} from "./consent";
import { loadBounced, loadConsent, pointKey } from "./consent-record";
import { type Channel, type ContactPoint, normalizeEmail, toE164 } from "./contact-point";
import { consentRecords } from "./messaging.schema";

// Reads for the person page: a person's contact points with their current consent per
// purpose, and every consent record about them (their own, and stops sent from their
// contact points), newest first.

export type PointConsent = ContactPoint & {
  /** As written on the person's record (the address above is normalized). */
  shown: string;
  states: Record<Purpose, ConsentState>;
  bounced: boolean;
};

export type ConsentHistoryItem = {
  id: string;
  channel: Channel;
  address: string;
  purpose: Purpose | "all";
  action: "grant" | "revoke";
  source: ConsentSource;
  wording: string | null;
  language: "es" | "en" | null;
  recordedBy: string | null;
  at: Date;
};

type PersonContacts = {
  emails: { address: string }[];
  phones: { number: string }[];
};

/** The person's usable contact points, normalized, each once. */
export function contactPointsOf(person: PersonContacts): (ContactPoint & { shown: string })[] {
  const points = new Map<string, ContactPoint & { shown: string }>();
  for (const e of person.emails) {
    const address = normalizeEmail(e.address);
    if (address) points.set(`email:${address}`, { channel: "email", address, shown: e.address });
  }
  for (const p of person.phones) {
    const address = toE164(p.number);
    if (address) points.set(`sms:${address}`, { channel: "sms", address, shown: p.number });
  }
  return [...points.values()];
}

export async function personConsent(
  db: Db,
  orgId: string,
  person: PersonContacts,
): Promise<PointConsent[]> {
  const points = contactPointsOf(person);
  const records = await loadConsent(db, orgId, points);
  const bounced = await loadBounced(db, orgId, points);
  return points.map((p) => {
    const list = records.get(pointKey(p)) ?? [];
    const states = Object.fromEntries(
      PURPOSES.map((purpose) => [purpose, consentState(list, purpose)]),
    ) as Record<Purpose, ConsentState>;
    return { ...p, states, bounced: bounced.has(pointKey(p)) };
  });
}

export async function consentHistory(
  db: Db,
  orgId: string,
  personId: string,
  person: PersonContacts,
  limit = 100,
): Promise<ConsentHistoryItem[]> {
  const points = contactPointsOf(person);
  const byPoint = (channel: Channel) => {
    const addresses = points.filter((p) => p.channel === channel).map((p) => p.address);
    return addresses.length > 0
      ? and(eq(consentRecords.channel, channel), inArray(consentRecords.address, addresses))
      : undefined;
  };
  const rows = await db
    .select({
      id: consentRecords.id,
      channel: consentRecords.channel,
      address: consentRecords.address,
      purpose: consentRecords.purpose,
      action: consentRecords.action,
      source: consentRecords.source,
      wording: consentRecords.wording,
      language: consentRecords.language,
      recordedBy: users.name,
      at: consentRecords.createdAt,
    })
    .from(consentRecords)
    .leftJoin(users, eq(users.id, consentRecords.recordedBy))
    .where(
      and(
        eq(consentRecords.orgId, orgId),
        or(eq(consentRecords.personId, personId), byPoint("email"), byPoint("sms")),
      ),
    )
    .orderBy(desc(consentRecords.seq))
    .limit(limit);
  return rows;
}

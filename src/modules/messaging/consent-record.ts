import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sqlOnce } from "../../db/prepared";
import { chunks } from "../../platform/chunks";
import type { ConsentRecord } from "./consent";
import type { Channel, ContactPoint } from "./contact-point";
import { consentRecords, contactBounces } from "./messaging.schema";

export const pointKey = (p: ContactPoint) => `${p.channel}:${p.address}`;

// Read for every claim of the outbox (up to 200 addresses): built once, the addresses as
// one array parameter rather than one parameter each (docs/decisions/104).
const consentOf = sqlOnce<
  { orgId: string; channel: Channel; addresses: string[] },
  {
    address: string;
    purpose: ConsentRecord["purpose"];
    action: ConsentRecord["action"];
    at: Date | string;
    seq: string | number;
  }
>(
  () => sql`SELECT ${consentRecords.address} AS address, ${consentRecords.purpose} AS purpose,
      ${consentRecords.action} AS action, ${consentRecords.createdAt} AS at, ${consentRecords.seq} AS seq
    FROM ${consentRecords}
    WHERE ${consentRecords.orgId} = ${sql.placeholder("orgId")}
      AND ${consentRecords.channel} = ${sql.placeholder("channel")}
      AND ${consentRecords.address} = ANY(${sql.placeholder("addresses")}::text[])
    ORDER BY ${consentRecords.seq}`,
);

const bouncedOf = sqlOnce<
  { orgId: string; channel: Channel; addresses: string[] },
  { address: string }
>(
  () => sql`SELECT ${contactBounces.address} AS address FROM ${contactBounces}
    WHERE ${contactBounces.orgId} = ${sql.placeholder("orgId")}
      AND ${contactBounces.channel} = ${sql.placeholder("channel")}
      AND ${contactBounces.address} = ANY(${sql.placeholder("addresses")}::text[])`,
);

/** The distinct addresses of one channel among these points. */
const addressesOf = (points: ContactPoint[], channel: Channel) => [
  ...new Set(points.filter((p) => p.channel === channel).map((p) => p.address)),
];

/** Every consent record of these contact points, oldest first, keyed by pointKey. */
export async function loadConsent(
  db: Db,
  orgId: string,
  points: ContactPoint[],
): Promise<Map<string, ConsentRecord[]>> {
  const byKey = new Map<string, ConsentRecord[]>();
  for (const channel of ["email", "sms"] as Channel[]) {
    const addresses = addressesOf(points, channel);
    for (const chunk of chunks(addresses, 1000)) {
      const rows = await consentOf(db, { orgId, channel, addresses: chunk });
      for (const r of rows) {
        const key = `${channel}:${r.address}`;
        const record = {
          purpose: r.purpose,
          action: r.action,
          at: new Date(r.at),
          seq: Number(r.seq),
        };
        const list = byKey.get(key);
        if (list) list.push(record);
        else byKey.set(key, [record]);
      }
    }
  }
  return byKey;
}

/** Contact points marked by a hard bounce, as pointKeys. */
/** One contact point's consent records: what a keyword, a one-click stop or its owner reads. */
export async function consentAt(
  db: Db,
  orgId: string,
  point: ContactPoint,
): Promise<ConsentRecord[]> {
  return (await loadConsent(db, orgId, [point])).get(pointKey(point)) ?? [];
}

export async function loadBounced(
  db: Db,
  orgId: string,
  points: ContactPoint[],
): Promise<Set<string>> {
  const bounced = new Set<string>();
  for (const channel of ["email", "sms"] as Channel[]) {
    const addresses = addressesOf(points, channel);
    if (addresses.length === 0) continue;
    const rows = await bouncedOf(db, { orgId, channel, addresses });
    for (const r of rows) bounced.add(`${channel}:${r.address}`);
  }
  return bounced;
}

export async function markBounced(db: Db, orgId: string, point: ContactPoint, reason: string) {
  await db
    .insert(contactBounces)
    .values({ orgId, channel: point.channel, address: point.address, reason })
    .onConflictDoNothing();
}

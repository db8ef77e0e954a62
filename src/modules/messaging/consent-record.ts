import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { ConsentRecord } from "./consent";
import type { Channel, ContactPoint } from "./contact-point";
import { consentRecords, contactBounces } from "./messaging.schema";

export const pointKey = (p: ContactPoint) => `${p.channel}:${p.address}`;

/** Every consent record of these contact points, oldest first, keyed by pointKey. */
export async function loadConsent(
  db: Db,
  orgId: string,
  points: ContactPoint[],
): Promise<Map<string, ConsentRecord[]>> {
  const byKey = new Map<string, ConsentRecord[]>();
  for (const channel of ["email", "sms"] as Channel[]) {
    const addresses = [
      ...new Set(points.filter((p) => p.channel === channel).map((p) => p.address)),
    ];
    for (let i = 0; i < addresses.length; i += 1000) {
      const rows = await db
        .select({
          address: consentRecords.address,
          purpose: consentRecords.purpose,
          action: consentRecords.action,
          at: consentRecords.createdAt,
          seq: consentRecords.seq,
        })
        .from(consentRecords)
        .where(
          and(
            eq(consentRecords.orgId, orgId),
            eq(consentRecords.channel, channel),
            inArray(consentRecords.address, addresses.slice(i, i + 1000)),
          ),
        )
        .orderBy(asc(consentRecords.seq));
      for (const r of rows) {
        const key = pointKey({ channel, address: r.address });
        const list = byKey.get(key) ?? [];
        list.push({ purpose: r.purpose, action: r.action, at: r.at, seq: Number(r.seq) });
        byKey.set(key, list);
      }
    }
  }
  return byKey;
}

/** Contact points marked by a hard bounce, as pointKeys. */
export async function loadBounced(
  db: Db,
  orgId: string,
  points: ContactPoint[],
): Promise<Set<string>> {
  const bounced = new Set<string>();
  for (const channel of ["email", "sms"] as Channel[]) {
    const addresses = [
      ...new Set(points.filter((p) => p.channel === channel).map((p) => p.address)),
    ];
    if (addresses.length === 0) continue;
    const rows = await db
      .select({ address: contactBounces.address })
      .from(contactBounces)
      .where(
        and(
          eq(contactBounces.orgId, orgId),
          eq(contactBounces.channel, channel),
          inArray(contactBounces.address, addresses),
        ),
      );
    for (const r of rows) bounced.add(pointKey({ channel, address: r.address }));
  }
  return bounced;
}

export async function markBounced(db: Db, orgId: string, point: ContactPoint, reason: string) {
  await db
    .insert(contactBounces)
    .values({ orgId, channel: point.channel, address: point.address, reason })
    .onConflictDoNothing();
}

import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { likePattern, searchQuery } from "../../platform/text";
import { type DeliveryStatus, type OutboxStatus, outbox } from "./messaging.schema";

export type OutboxItem = {
  id: string;
  purpose: string;
  channel: "email" | "sms";
  address: string;
  personId: string | null;
  language: "es" | "en";
  subject: string | null;
  body: string;
  status: OutboxStatus;
  attempts: number;
  outcome: string | null;
  sendAfter: Date;
  sentAt: Date | null;
  createdAt: Date;
  /** What the SMS provider reported after sending (delivered, undelivered, failed). */
  deliveryStatus: DeliveryStatus | null;
  deliveryError: string | null;
};

/** The organization's outbox, newest first, optionally one status only. */
export async function listOutbox(
  db: Db,
  orgId: string,
  query: { status?: OutboxStatus | undefined; q?: string; limit: number; offset?: number },
): Promise<{ items: OutboxItem[]; total: number }> {
  const where: SQL[] = [eq(outbox.orgId, orgId)];
  if (query.status) where.push(eq(outbox.status, query.status));
  const q = searchQuery(query.q);
  if (q) {
    const like = likePattern(q);
    where.push(sql`(${outbox.subject} ILIKE ${like} OR ${outbox.body} ILIKE ${like})`);
  }
  const items = await db
    .select({
      id: outbox.id,
      purpose: outbox.purpose,
      channel: outbox.channel,
      address: outbox.address,
      personId: outbox.personId,
      language: outbox.language,
      subject: outbox.subject,
      body: outbox.body,
      status: outbox.status,
      attempts: outbox.attempts,
      outcome: outbox.outcome,
      sendAfter: outbox.sendAfter,
      sentAt: outbox.sentAt,
      createdAt: outbox.createdAt,
      deliveryStatus: outbox.deliveryStatus,
      deliveryError: outbox.deliveryError,
    })
    .from(outbox)
    .where(and(...where))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(query.limit)
    .offset(query.offset ?? 0);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(and(...where));
  return { items, total: Number(count?.n ?? 0) };
}

/** How many messages are in each status (the outbox page's filter counts). */
export async function outboxCounts(db: Db, orgId: string): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .select({ status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(eq(outbox.orgId, orgId))
    .groupBy(outbox.status);
  const counts: Record<OutboxStatus, number> = {
    queued: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    cancelled: 0,
  };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

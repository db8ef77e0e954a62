import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sqlOnce } from "../../db/prepared";
import { chunks } from "../../platform/chunks";
import { sha256 } from "../../platform/crypto";
import type { Language } from "./consent";
import type { Channel } from "./contact-point";
import { type About, type OutboxPurpose, outbox } from "./messaging.schema";

// The outbox's storage protocol. Every state change after a claim names the claim token:
// a worker whose lease ran out (and whose rows another worker took over) can no longer
// mark them, so two workers never both record a send.

/** What a message says, to whom and how: the same when queued and when claimed. */
type MessageContent = {
  orgId: string;
  purpose: OutboxPurpose;
  channel: Channel;
  address: string;
  personId: string | null;
  language: Language;
  subject: string | null;
  body: string;
};

export type NewMessage = MessageContent & {
  /** purpose + target + occurrence: queueing the same message twice is a no-op. */
  idempotencyKey: string;
  about?: About;
  essential?: boolean;
  sendAfter?: Date;
};

/** Inserts the messages not queued before; returns how many were new. */
/**
 * A short fingerprint of a text (a place, a court) for an idempotency key: when the text
 * changes the key does too, so the notice that announces it is queued again.
 */
export const keyDigest = (text: string | null): string => sha256(text ?? "").slice(0, 12);

export async function enqueue(db: Db, messages: NewMessage[]): Promise<number> {
  let added = 0;
  // Chunks keep each statement under PostgreSQL's parameter limit.
  for (const chunk of chunks(messages, 500)) {
    const rows = await db
      .insert(outbox)
      .values(
        chunk.map((m) => ({
          orgId: m.orgId,
          idempotencyKey: m.idempotencyKey,
          purpose: m.purpose,
          channel: m.channel,
          address: m.address,
          personId: m.personId,
          language: m.language,
          subject: m.subject,
          body: m.body,
          about: m.about ?? {},
          essential: m.essential ?? false,
          sendAfter: m.sendAfter ?? new Date(),
        })),
      )
      .onConflictDoNothing({ target: [outbox.orgId, outbox.idempotencyKey] })
      .returning({ id: outbox.id });
    added += rows.length;
  }
  return added;
}

export type ClaimedMessage = MessageContent & {
  id: string;
  about: About;
  essential: boolean;
  attempts: number;
  claimToken: string;
  /** The previous claim ran out while sending (a crash): the provider may have it already. */
  recovered: boolean;
  claimedAt: Date;
  /** When the lease runs out, on this process's clock (taken before the claim was asked). */
  leaseEnds: number;
};

type ClaimedRow = {
  id: string;
  org_id: string;
  purpose: OutboxPurpose;
  channel: Channel;
  address: string;
  person_id: string | null;
  language: Language;
  subject: string | null;
  body: string;
  about: About;
  essential: boolean;
  attempts: number;
  was: string;
  claimed_at: Date | string;
};

// Built once (docs/decisions/104); the channels as one array parameter.
const claimStatement = sqlOnce<
  { channels: Channel[]; limit: number; token: string; leaseSeconds: number },
  ClaimedRow
>(
  () => sql`
    WITH due AS (
      SELECT id, status AS was FROM outbox
       WHERE channel = ANY(${sql.placeholder("channels")}::text[])
         AND ((status = 'queued' AND send_after <= now())
           OR (status = 'sending' AND claimed_until < now()))
       ORDER BY send_after
       LIMIT ${sql.placeholder("limit")}
       FOR UPDATE SKIP LOCKED
    )
    UPDATE outbox o
       SET status = 'sending', claim_token = ${sql.placeholder("token")}, attempts = o.attempts + 1,
           claimed_until = now() + make_interval(secs => ${sql.placeholder("leaseSeconds")})
      FROM due
     WHERE o.id = due.id
    RETURNING o.id, o.org_id, o.purpose, o.channel, o.address, o.person_id, o.language,
              o.subject, o.body, o.about, o.essential, o.attempts, due.was, now() AS claimed_at`,
);

/**
 * Claims up to `limit` due messages on the given channels: queued ones whose time has
 * come, and ones whose sender's lease ran out. SKIP LOCKED lets several workers (several
 * app instances) claim at once without waiting on or taking each other's rows.
 */
export async function claimDue(
  db: Db,
  options: { channels: Channel[]; limit: number; leaseMs: number },
): Promise<ClaimedMessage[]> {
  if (options.channels.length === 0) return [];
  const token = randomUUID();
  const leaseEnds = Date.now() + options.leaseMs;
  const rows = await claimStatement(db, {
    channels: options.channels,
    limit: options.limit,
    token,
    leaseSeconds: options.leaseMs / 1000,
  });
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    purpose: r.purpose,
    channel: r.channel,
    address: r.address,
    personId: r.person_id,
    language: r.language,
    subject: r.subject,
    body: r.body,
    about: r.about,
    essential: r.essential,
    attempts: Number(r.attempts),
    claimToken: token,
    recovered: r.was === "sending",
    claimedAt: new Date(r.claimed_at),
    leaseEnds,
  }));
}

type Settle =
  | { status: "sent"; providerId: string | null }
  | { status: "queued"; sendAfter: Date; outcome: string; countAttempt: boolean }
  | { status: "failed" | "cancelled"; outcome: string };

/** Records what happened to a claimed message; false when the claim was lost meanwhile. */
export async function settle(db: Db, message: ClaimedMessage, result: Settle): Promise<boolean> {
  const mine = and(
    eq(outbox.id, message.id),
    eq(outbox.claimToken, message.claimToken),
    eq(outbox.status, "sending"),
  );
  const common = { claimToken: null, claimedUntil: null };
  const set =
    result.status === "sent"
      ? {
          ...common,
          status: "sent" as const,
          providerId: result.providerId,
          sentAt: new Date(),
          outcome: null,
        }
      : result.status === "queued"
        ? {
            ...common,
            status: "queued" as const,
            sendAfter: result.sendAfter,
            outcome: result.outcome,
            // Held for quiet hours is not a failed attempt.
            ...(result.countAttempt ? {} : { attempts: sql`${outbox.attempts} - 1` }),
          }
        : { ...common, status: result.status, outcome: result.outcome };
  const rows = await db.update(outbox).set(set).where(mine).returning({ id: outbox.id });
  return rows.length === 1;
}

/**
 * Records a group of sends in one statement (each row still guarded by its own claim
 * token); returns the ids recorded. One round trip per group instead of one per message
 * is most of what the outbox costs over sending directly (docs/decisions/080).
 */
export async function settleSent(
  db: Db,
  sent: { message: ClaimedMessage; providerId: string | null }[],
): Promise<Set<string>> {
  if (sent.length === 0) return new Set();
  const rows = await sentGroup(db, {
    ids: sent.map((s) => s.message.id),
    tokens: sent.map((s) => s.message.claimToken),
    providerIds: sent.map((s) => s.providerId),
  });
  return new Set(rows.map((r) => r.id));
}

// Three array parameters rather than three per row, and built once: building and sending
// the statement costs the same for 1 row or 25 (docs/decisions/098, 104).
const sentGroup = sqlOnce<
  { ids: string[]; tokens: string[]; providerIds: (string | null)[] },
  { id: string }
>(
  () => sql`
    UPDATE outbox o
       SET status = 'sent', provider_id = v.provider_id, sent_at = now(), outcome = NULL,
           claim_token = NULL, claimed_until = NULL
      FROM unnest(${sql.placeholder("ids")}::uuid[], ${sql.placeholder("tokens")}::uuid[],
                  ${sql.placeholder("providerIds")}::text[]) AS v(id, token, provider_id)
     WHERE o.id = v.id AND o.claim_token = v.token AND o.status = 'sending'
    RETURNING o.id`,
);

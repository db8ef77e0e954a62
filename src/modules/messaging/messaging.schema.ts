import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, orgRow } from "../../db/columns";
import type { ConsentSource, Language, Purpose } from "./consent";
import type { Channel } from "./contact-point";

// Mirrors src/db/migrations/0080_messaging.sql and 0081_messaging_delivery.sql (checked by db/schema-drift.test.ts).

export const messagingSettings = pgTable("messaging_settings", {
  ...orgRow(),
  windowStart: text("window_start"),
  windowEnd: text("window_end"),
  approvalLimit: integer("approval_limit").notNull().default(500),
  createdAt: createdAt(),
});

export const consentRecords = pgTable("consent_records", {
  ...orgRow(),
  seq: bigint("seq", { mode: "number" }).notNull().default(sql`nextval('consent_records_seq_seq')`),
  personId: uuid("person_id"),
  channel: text("channel").$type<Channel>().notNull(),
  address: text("address").notNull(),
  purpose: text("purpose").$type<Purpose | "all">().notNull(),
  action: text("action").$type<"grant" | "revoke">().notNull(),
  source: text("source").$type<ConsentSource>().notNull(),
  wording: text("wording"),
  language: text("language").$type<Language>(),
  recordedBy: uuid("recorded_by"),
  createdAt: createdAt(),
});

export const contactBounces = pgTable("contact_bounces", {
  ...orgRow(),
  channel: text("channel").$type<Channel>().notNull(),
  address: text("address").notNull(),
  reason: text("reason").notNull(),
  createdAt: createdAt(),
});

export type Segment = {
  tags?: string[] | undefined;
  engagement_levels?: string[] | undefined;
  languages?: Language[] | undefined;
  /** Came to an action: any in the last N days, or this one. */
  attended?: { days?: number | undefined; action_id?: string | undefined } | undefined;
};
export type Excluded = { no_consent: number; stopped: number; no_contact: number };

export const broadcasts = pgTable("broadcasts", {
  ...orgRow(),
  channel: text("channel").$type<Channel>().notNull(),
  segment: jsonb("segment").$type<Segment>().notNull(),
  subjectEs: text("subject_es"),
  subjectEn: text("subject_en"),
  bodyEs: text("body_es").notNull(),
  bodyEn: text("body_en").notNull(),
  recipients: integer("recipients").notNull(),
  excluded: jsonb("excluded").$type<Excluded>().notNull(),
  status: text("status").$type<"draft" | "queued">().notNull().default("draft"),
  createdBy: uuid("created_by"),
  approvedBy: uuid("approved_by"),
  queuedAt: timestamp("queued_at", { withTimezone: true }),
  createdAt: createdAt(),
});

export type OutboxStatus = "queued" | "sending" | "sent" | "failed" | "cancelled";
export const OUTBOX_STATUSES: readonly OutboxStatus[] = [
  "queued",
  "sending",
  "sent",
  "failed",
  "cancelled",
];
export type DeliveryStatus = "sent" | "delivered" | "undelivered" | "failed";
export type OutboxPurpose = Purpose | "stop_confirmation" | "help_reply" | "notice";
export type ActionNotice = "confirmation" | "day_before" | "morning_of" | "changed" | "cancelled";
/** An action message: true only while the action is still then, there, and the person going. */
export type ActionAbout = {
  action: string;
  notice: ActionNotice;
  at: string;
  place: string | null;
};
/** A hearing notice (beside the 7/3/1-day reminders, which carry no `notice`). */
export type HearingNotice = "moved" | "cancelled";
/**
 * A hearing message: a reminder or a "moved" notice holds while the hearing is still at
 * `at` (and, for "moved", at `court`); a "cancelled" notice while the hearing stays gone.
 */
export type HearingAbout = {
  hearing: string;
  at: string;
  notice?: HearingNotice;
  court?: string | null;
};
/** What a message is about, re-checked just before it goes out. */
export type About = HearingAbout | { broadcast: string } | ActionAbout | Record<string, never>;

export const outbox = pgTable("outbox", {
  ...orgRow(),
  idempotencyKey: text("idempotency_key").notNull(),
  purpose: text("purpose").$type<OutboxPurpose>().notNull(),
  channel: text("channel").$type<Channel>().notNull(),
  address: text("address").notNull(),
  personId: uuid("person_id"),
  language: text("language").$type<Language>().notNull(),
  subject: text("subject"),
  body: text("body").notNull(),
  about: jsonb("about").$type<About>().notNull().default({}),
  essential: boolean("essential").notNull().default(false),
  status: text("status").$type<OutboxStatus>().notNull().default("queued"),
  sendAfter: timestamp("send_after", { withTimezone: true }).notNull().defaultNow(),
  attempts: integer("attempts").notNull().default(0),
  claimToken: uuid("claim_token"),
  claimedUntil: timestamp("claimed_until", { withTimezone: true }),
  providerId: text("provider_id"),
  outcome: text("outcome"),
  sentAt: timestamp("sent_at", { withTimezone: true }),
  createdAt: createdAt(),
  deliveryStatus: text("delivery_status").$type<DeliveryStatus>(),
  deliveryError: text("delivery_error"),
  deliveryAt: timestamp("delivery_at", { withTimezone: true }),
});

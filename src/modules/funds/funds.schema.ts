import {
  bigint,
  boolean,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import {
  bigNumber,
  createdAt,
  listed,
  occurredAt,
  orgRow,
  pageKeys,
  settingsTable,
  timestamps,
  titledPage,
} from "../../db/columns";
import type { Currency } from "../../platform/money";
import { BOND_STATUSES } from "./bonds/bond";
import { DISBURSEMENT_PURPOSES, DISBURSEMENT_STATUSES } from "./disbursements/disbursement";
import { GIFT_METHODS } from "./gifts/gift";
import type { Account, MovementKind } from "./ledger/ledger";

// Mirrors src/db/migrations/0020_funds.sql (checked by db/schema-drift.test.ts).
// Balances are not stored anywhere: they are computed from ledger_entries.
// Each enum is defined once in the pure domain and used here as the column's type.

const money = bigNumber;

export const fundsSettings = settingsTable("funds_settings", {
  approvalThresholdCents: money("approval_threshold_cents").notNull().default(50000),
});

export const campaigns = pgTable(
  "campaigns",
  {
    ...orgRow(),
    ...titledPage(),
    storyEs: text("story_es"),
    storyEn: text("story_en"),
    goalCents: money("goal_cents").notNull(),
    currency: text("currency").$type<Currency>().notNull().default("USD"),
    milestonesCents: money("milestones_cents").array().notNull().default([]),
    caseId: uuid("case_id"),
    ...listed(),
    createdBy: uuid("created_by"),
    ...timestamps(),
  },
  pageKeys,
);

export const ledgerGroups = pgTable(
  "ledger_groups",
  {
    ...orgRow(),
    campaignId: uuid("campaign_id").notNull(),
    kind: text("kind").$type<MovementKind>().notNull(),
    reversesGroupId: uuid("reverses_group_id").unique(),
    bondId: uuid("bond_id"),
    idempotencyKey: text("idempotency_key"),
    createdBy: uuid("created_by"),
    occurredAt: occurredAt(),
    memo: text("memo"),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.orgId, t.idempotencyKey)],
);

export const ledgerEntries = pgTable("ledger_entries", {
  ...orgRow(),
  groupId: uuid("group_id").notNull(),
  campaignId: uuid("campaign_id").notNull(),
  account: text("account").$type<Account>().notNull(),
  amountCents: money("amount_cents").notNull(),
  createdAt: createdAt(),
});

/** Immutable sums of the ledger up to a moment (0073_funds_ledger_checkpoints.sql). */
export const ledgerCheckpoints = pgTable(
  "ledger_checkpoints",
  {
    orgId: uuid("org_id").notNull(),
    campaignId: uuid("campaign_id").notNull(),
    upto: timestamp("upto", { withTimezone: true }).notNull(),
    timeZone: text("time_zone").notNull(),
    month: text("month").notNull(),
    kind: text("kind").$type<MovementKind>().notNull(),
    account: text("account").$type<Account>().notNull(),
    amountCents: money("amount_cents").notNull(),
    positive: bigint("positive", { mode: "number" }).notNull(),
    negative: bigint("negative", { mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.timeZone, t.upto, t.month, t.kind, t.account] })],
);

export const gifts = pgTable(
  "gifts",
  {
    ...orgRow(),
    campaignId: uuid("campaign_id").notNull(),
    groupId: uuid("group_id").notNull().unique(),
    amountCents: money("amount_cents").notNull(),
    currency: text("currency").$type<Currency>().notNull(),
    method: text("method", { enum: GIFT_METHODS }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    donorName: text("donor_name"),
    anonymous: boolean("anonymous").notNull().default(true),
    source: text("source").notNull().default("manual"),
    externalId: text("external_id"),
    eventNote: text("event_note"),
    receivedByUserId: uuid("received_by_user_id"),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.orgId, t.source, t.externalId)],
);

export const disbursements = pgTable("disbursements", {
  ...orgRow(),
  campaignId: uuid("campaign_id").notNull(),
  amountCents: money("amount_cents").notNull(),
  currency: text("currency").$type<Currency>().notNull(),
  payee: text("payee").notNull(),
  purpose: text("purpose", { enum: DISBURSEMENT_PURPOSES }).notNull(),
  memo: text("memo"),
  status: text("status", { enum: DISBURSEMENT_STATUSES }).notNull().default("requested"),
  requestedBy: uuid("requested_by"),
  approvedBy: uuid("approved_by"),
  approvedAt: timestamp("approved_at", { withTimezone: true }),
  decidedBy: uuid("decided_by"),
  paidGroupId: uuid("paid_group_id").unique(),
  paidAt: timestamp("paid_at", { withTimezone: true }),
  ...timestamps(),
});

export const bonds = pgTable("bonds", {
  ...orgRow(),
  campaignId: uuid("campaign_id").notNull(),
  principalCents: money("principal_cents").notNull(),
  currency: text("currency").$type<Currency>().notNull(),
  status: text("status", { enum: BOND_STATUSES }).notNull().default("outstanding"),
  postedGroupId: uuid("posted_group_id").notNull().unique(),
  postedAt: timestamp("posted_at", { withTimezone: true }).notNull(),
  settledGroupId: uuid("settled_group_id").unique(),
  settledAt: timestamp("settled_at", { withTimezone: true }),
  interestCents: money("interest_cents"),
  memo: text("memo"),
  createdBy: uuid("created_by"),
  ...timestamps(),
});

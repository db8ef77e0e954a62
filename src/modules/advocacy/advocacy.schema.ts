import { date, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, listed, orgRow, timestamps } from "../../db/columns";

// Mirrors src/db/migrations/0030_advocacy.sql (checked by db/schema-drift.test.ts).
// Targets are facilities and public offices only: office data, never officers (see the migration).
export type CallCampaignKind = "call" | "visit";
export const CALL_CAMPAIGN_KINDS: readonly CallCampaignKind[] = ["call", "visit"];
export type TargetKind = "facility" | "office";
export const TARGET_KINDS: readonly TargetKind[] = ["facility", "office"];

export const callCampaigns = pgTable(
  "call_campaigns",
  {
    ...orgRow(),
    caseId: uuid("case_id").notNull(),
    kind: text("kind").$type<CallCampaignKind>().notNull().default("call"),
    titleEs: text("title_es").notNull(),
    titleEn: text("title_en").notNull(),
    askEs: text("ask_es").notNull(),
    askEn: text("ask_en").notNull(),
    scriptEs: text("script_es").notNull(),
    scriptEn: text("script_en").notNull(),
    ...listed(),
    createdBy: uuid("created_by"),
    ...timestamps(),
  },
  (t) => [unique().on(t.orgId, t.id)],
);

export const advocacyTargets = pgTable("advocacy_targets", {
  ...orgRow(),
  callCampaignId: uuid("call_campaign_id").notNull(),
  kind: text("kind").$type<TargetKind>().notNull(),
  facilityId: uuid("facility_id"),
  name: text("name").notNull(),
  phones: jsonb("phones").$type<string[]>().notNull().default([]),
  address: text("address"),
  hours: text("hours"),
  position: integer("position").notNull().default(0),
  ...timestamps(),
});

export const advocacyCallCounts = pgTable(
  "advocacy_call_counts",
  {
    ...orgRow(),
    callCampaignId: uuid("call_campaign_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    count: integer("count").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.orgId, t.callCampaignId, t.day)],
);

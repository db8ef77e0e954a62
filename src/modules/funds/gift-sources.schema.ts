import { boolean, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgRow } from "../../db/columns";
import type { GiftCsvMapping, StoredCsvRow } from "./imports/gift-csv";

// Mirrors src/db/migrations/0040_gift_imports.sql (checked by db/schema-drift.test.ts).
export type GiftImportEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";
export type GiftImportStatus = "previewed" | "committed";
export type GiftImportResult = { recorded: number; recordedCents: number; skipped: number };

export const giftImports = pgTable("gift_imports", {
  ...orgRow(),
  campaignId: uuid("campaign_id").notNull(),
  createdBy: uuid("created_by"),
  fileName: text("file_name").notNull(),
  encoding: text("encoding").$type<GiftImportEncoding>().notNull(),
  lossy: boolean("lossy").notNull().default(false),
  headers: jsonb("headers").$type<string[]>().notNull(),
  rows: jsonb("rows").$type<StoredCsvRow[]>().notNull(),
  mapping: jsonb("mapping").$type<GiftCsvMapping>().notNull(),
  status: text("status").$type<GiftImportStatus>().notNull().default("previewed"),
  result: jsonb("result").$type<GiftImportResult>(),
  committedAt: timestamp("committed_at", { withTimezone: true }),
  createdAt: createdAt(),
});

export const stripeEvents = pgTable("stripe_events", {
  ...orgRow(),
  eventId: text("event_id").notNull().unique(),
  type: text("type").notNull(),
  giftId: uuid("gift_id"),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  createdAt: createdAt(),
});

import { bigint, boolean, date, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgRow, searchText, timestamps } from "../../db/columns";
import { CURRENCIES } from "../../platform/money";
import { CASE_STATUSES } from "./case";
import { CASE_EVENT_KINDS, HEARING_KINDS } from "./case-event";

// Mirrors src/db/migrations/0010_defense.sql (checked by db/schema-drift.test.ts; the
// enums' CHECK lists by test/enum-checks.test.ts). The enums are defined in the domain
// (case.ts, case-event.ts) and typed here through each column's `enum`.

export const facilities = pgTable("facilities", {
  ...orgRow(),
  name: text("name").notNull(),
  address: text("address"),
  phones: jsonb("phones").$type<string[]>().notNull().default([]),
  visitingHours: text("visiting_hours"),
  notes: text("notes"),
  searchText: searchText(),
  ...timestamps(),
});

export const cases = pgTable("cases", {
  ...orgRow(),
  personId: uuid("person_id").notNull(),
  status: text("status", { enum: CASE_STATUSES }).notNull().default("open"),
  facilityId: uuid("facility_id"),
  detainedOn: date("detained_on", { mode: "string" }),
  lawyerName: text("lawyer_name"),
  lawyerContact: text("lawyer_contact"),
  bondCents: bigint("bond_cents", { mode: "number" }),
  bondCurrency: text("bond_currency", { enum: CURRENCIES }).notNull().default("USD"),
  needs: text("needs"),
  public: boolean("public").notNull().default(false),
  publicStoryEs: text("public_story_es"),
  publicStoryEn: text("public_story_en"),
  aNumberEnc: text("a_number_enc"),
  birthdateEnc: text("birthdate_enc"),
  notesEnc: text("notes_enc"),
  searchText: searchText(),
  lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid("created_by"),
  ...timestamps(),
});

export const caseFamily = pgTable("case_family", {
  ...orgRow(),
  caseId: uuid("case_id").notNull(),
  personId: uuid("person_id").notNull(),
  relationship: text("relationship").notNull(),
  createdAt: createdAt(),
});

export const caseTeam = pgTable("case_team", {
  ...orgRow(),
  caseId: uuid("case_id").notNull(),
  userId: uuid("user_id").notNull(),
  createdAt: createdAt(),
});

export const caseEvents = pgTable("case_events", {
  ...orgRow(),
  caseId: uuid("case_id").notNull(),
  kind: text("kind", { enum: CASE_EVENT_KINDS }).notNull(),
  occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  facilityId: uuid("facility_id"),
  fromFacilityId: uuid("from_facility_id"),
  hearingKind: text("hearing_kind", { enum: HEARING_KINDS }),
  court: text("court"),
  outcome: text("outcome"),
  amountCents: bigint("amount_cents", { mode: "number" }),
  currency: text("currency", { enum: CURRENCIES }),
  note: text("note"),
  recordedBy: uuid("recorded_by"),
  createdAt: createdAt(),
});

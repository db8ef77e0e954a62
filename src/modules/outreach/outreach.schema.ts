import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgRow, searchText, timestamps } from "../../db/columns";
import type { ShiftKind } from "./shift";

// Mirrors src/db/migrations/0055_outreach.sql (checked by db/schema-drift.test.ts).
export const outreachShifts = pgTable("outreach_shifts", {
  ...orgRow(),
  eventId: uuid("event_id"),
  kind: text("kind").$type<ShiftKind>().notNull(),
  area: text("area").notNull(),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  timeZone: text("time_zone").notNull(),
  flyers: integer("flyers").notNull().default(0),
  conversations: integer("conversations").notNull().default(0),
  receptive: integer("receptive").notNull().default(0),
  neutral: integer("neutral").notNull().default(0),
  notInterested: integer("not_interested").notNull().default(0),
  notes: text("notes"),
  searchText: searchText(),
  createdBy: uuid("created_by"),
  ...timestamps(),
});

export type ShiftPart = "team" | "sign_up";

export const outreachShiftPeople = pgTable("outreach_shift_people", {
  ...orgRow(),
  shiftId: uuid("shift_id").notNull(),
  personId: uuid("person_id").notNull(),
  part: text("part").$type<ShiftPart>().notNull(),
  createdAt: createdAt(),
});

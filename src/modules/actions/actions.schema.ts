import { boolean, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgRow, searchText, timestamps, titledPage } from "../../db/columns";
import type {
  AttendanceSource,
  AttendanceStatus,
  EventKind,
  EventStatus,
  MaterialStatus,
  RoleKind,
} from "./action";

// Mirrors src/db/migrations/0050_actions.sql (checked by db/schema-drift.test.ts).
// Other modules read these tables only through this module's published functions.

const instant = (name: string) => timestamp(name, { withTimezone: true });

/** `id`, `org_id` and `event_id`: a row one organization wrote on one action's plan. */
const eventRow = () => ({ ...orgRow(), eventId: uuid("event_id").notNull() });

export const actionSettings = pgTable("action_settings", {
  orgId: uuid("org_id").primaryKey(),
  peoplePerMarshal: integer("people_per_marshal").notNull().default(15),
  ...timestamps(),
});

export const actionEvents = pgTable("action_events", {
  ...orgRow(),
  ...titledPage(),
  kind: text("kind").$type<EventKind>().notNull(),
  descriptionEs: text("description_es"),
  descriptionEn: text("description_en"),
  startsAt: instant("starts_at").notNull(),
  endsAt: instant("ends_at").notNull(),
  timeZone: text("time_zone").notNull(),
  placeName: text("place_name"),
  placeAddress: text("place_address"),
  meetingPoint: text("meeting_point"),
  expectedTurnout: integer("expected_turnout"),
  public: boolean("public").notNull().default(false),
  status: text("status").$type<EventStatus>().notNull().default("draft"),
  caseId: uuid("case_id"),
  campaignId: uuid("campaign_id"),
  hearingId: uuid("hearing_id"),
  searchText: searchText(),
  createdBy: uuid("created_by"),
  ...timestamps(),
});

export const actionCohosts = pgTable("action_cohosts", {
  ...eventRow(),
  cohostOrgId: uuid("cohost_org_id"),
  name: text("name"),
  /** invited -> accepted or declined (migration 0057); a named group is always accepted. */
  status: text("status").$type<CohostStatus>().notNull().default("accepted"),
  respondedAt: timestamp("responded_at", { withTimezone: true }),
  respondedBy: uuid("responded_by"),
  createdAt: createdAt(),
});

export const COHOST_STATUSES = ["invited", "accepted", "declined"] as const;
export type CohostStatus = (typeof COHOST_STATUSES)[number];

export const actionRoles = pgTable("action_roles", {
  ...eventRow(),
  personId: uuid("person_id").notNull(),
  role: text("role").$type<RoleKind>().notNull(),
  customName: text("custom_name"),
  notes: text("notes"),
  createdAt: createdAt(),
});

export const actionSteps = pgTable("action_steps", {
  ...eventRow(),
  at: instant("at").notNull(),
  title: text("title").notNull(),
  ownerPersonId: uuid("owner_person_id"),
  createdAt: createdAt(),
});

export const actionMaterials = pgTable("action_materials", {
  ...eventRow(),
  item: text("item").notNull(),
  quantity: integer("quantity").notNull().default(1),
  bringerPersonId: uuid("bringer_person_id"),
  status: text("status").$type<MaterialStatus>().notNull().default("needed"),
  ...timestamps(),
});

export const actionChants = pgTable("action_chants", {
  ...eventRow(),
  position: integer("position").notNull().default(0),
  callEs: text("call_es"),
  responseEs: text("response_es"),
  callEn: text("call_en"),
  responseEn: text("response_en"),
  leaderPersonId: uuid("leader_person_id"),
  createdAt: createdAt(),
});

export const actionAttendances = pgTable("action_attendances", {
  ...eventRow(),
  personId: uuid("person_id").notNull(),
  status: text("status").$type<AttendanceStatus>().notNull(),
  checkedInAt: instant("checked_in_at"),
  source: text("source").$type<AttendanceSource>().notNull().default("staff"),
  ...timestamps(),
});

export const actionPairs = pgTable("action_pairs", {
  ...eventRow(),
  organizerPersonId: uuid("organizer_person_id").notNull(),
  newcomerPersonId: uuid("newcomer_person_id").notNull(),
  createdAt: createdAt(),
});

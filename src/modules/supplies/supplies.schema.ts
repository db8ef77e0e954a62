import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
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
  searchText,
  settingsTable,
  timestamps,
  titledPage,
} from "../../db/columns";
import type { BaseUnit } from "./quantity";
import type { MovementKind } from "./stock";

// Mirrors src/db/migrations/0070_supplies.sql (checked by db/schema-drift.test.ts).
export type Serves = "shelter" | "family" | "other";
export const SERVES: readonly Serves[] = ["shelter", "family", "other"];
export type Condition = "new_only" | "any";
export const CONDITIONS: readonly Condition[] = ["new_only", "any"];
export type PledgeSource = "public" | "staff" | "api";
export type MovementMethod = "pickup" | "delivery" | "shipped" | "expired" | "damaged" | "other";
export type DepositKind = "commissary" | "phone";
/** ISO weekday (Monday = 1) and wall-clock times in the organization's zone. */
export type ReceivingHours = { day: number; opens: string; closes: string };

const milliColumn = bigNumber;

/** `id`, `org_id` and `drive_id`: a row that belongs to one drive of one organization. */
const driveRow = () => ({ ...orgRow(), driveId: uuid("drive_id").notNull() });

export const supplySettings = settingsTable("supply_settings", {
  pledgeExpiryDays: integer("pledge_expiry_days").notNull().default(7),
});

export const supplyItems = pgTable(
  "supply_items",
  {
    ...orgRow(),
    nameEs: text("name_es").notNull(),
    nameEn: text("name_en").notNull(),
    baseUnit: text("base_unit").$type<BaseUnit>().notNull(),
    packNameEs: text("pack_name_es"),
    packNameEn: text("pack_name_en"),
    packSize: integer("pack_size"),
    nameKey: text("name_key").notNull(),
    searchText: searchText(),
    ...timestamps(),
  },
  (t) => [unique().on(t.orgId, t.id), unique().on(t.orgId, t.nameKey, t.baseUnit)],
);

export const supplyKitParts = pgTable(
  "supply_kit_parts",
  {
    ...orgRow(),
    kitItemId: uuid("kit_item_id").notNull(),
    partItemId: uuid("part_item_id").notNull(),
    quantityMilli: milliColumn("quantity_milli").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.kitItemId, t.partItemId)],
);

export const supplyDrives = pgTable(
  "supply_drives",
  {
    ...orgRow(),
    ...titledPage(),
    descriptionEs: text("description_es"),
    descriptionEn: text("description_en"),
    serves: text("serves").$type<Serves>().notNull().default("other"),
    servesNote: text("serves_note"),
    caseId: uuid("case_id"),
    startsOn: date("starts_on", { mode: "string" }),
    endsOn: date("ends_on", { mode: "string" }),
    ...listed(),
    createdBy: uuid("created_by"),
    ...timestamps(),
  },
  pageKeys,
);

export const supplyDropOffPoints = pgTable(
  "supply_drop_off_points",
  {
    ...driveRow(),
    name: text("name").notNull(),
    address: text("address"),
    hours: jsonb("hours").$type<ReceivingHours[]>().notNull().default([]),
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull().default(0),
    ...timestamps(),
  },
  (t) => [unique().on(t.orgId, t.id)],
);

export const supplyNeeds = pgTable(
  "supply_needs",
  {
    ...driveRow(),
    itemId: uuid("item_id").notNull(),
    variant: text("variant"),
    condition: text("condition").$type<Condition>().notNull().default("any"),
    quantityMilli: milliColumn("quantity_milli").notNull(),
    urgent: boolean("urgent").notNull().default(false),
    neededBy: date("needed_by", { mode: "string" }),
    position: integer("position").notNull().default(0),
    ...timestamps(),
  },
  (t) => [unique().on(t.orgId, t.id)],
);

export const supplyNotAccepted = pgTable("supply_not_accepted", {
  ...driveRow(),
  pointId: uuid("point_id"),
  textEs: text("text_es").notNull(),
  textEn: text("text_en").notNull(),
  createdAt: createdAt(),
});

export const supplyPledges = pgTable(
  "supply_pledges",
  {
    ...driveRow(),
    needId: uuid("need_id").notNull(),
    personId: uuid("person_id"),
    pointId: uuid("point_id"),
    quantityMilli: milliColumn("quantity_milli").notNull(),
    dueOn: date("due_on", { mode: "string" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    source: text("source").$type<PledgeSource>().notNull(),
    fingerprint: text("fingerprint").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique().on(t.orgId, t.id)],
);

export const supplyMovements = pgTable("supply_movements", {
  ...driveRow(),
  needId: uuid("need_id").notNull(),
  pointId: uuid("point_id"),
  kind: text("kind").$type<MovementKind>().notNull(),
  quantityMilli: milliColumn("quantity_milli").notNull(),
  reverses: uuid("reverses").unique(),
  pledgeId: uuid("pledge_id"),
  method: text("method").$type<MovementMethod>(),
  recordedBy: uuid("recorded_by"),
  occurredAt: occurredAt(),
  createdAt: createdAt(),
});

export const supplyDeposits = pgTable("supply_deposits", {
  ...orgRow(),
  caseId: uuid("case_id"),
  kind: text("kind").$type<DepositKind>().notNull(),
  amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
  currency: text("currency").notNull(),
  facility: text("facility").notNull(),
  vendor: text("vendor").notNull(),
  referenceLast4: text("reference_last4"),
  depositedOn: date("deposited_on", { mode: "string" }).notNull(),
  disbursementId: uuid("disbursement_id").notNull(),
  recordedBy: uuid("recorded_by"),
  createdAt: createdAt(),
});

import { sql } from "drizzle-orm";
import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgRow, updatedAt } from "../../db/columns";
import type { Method } from "./tally/tally";

// Mirrors src/db/migrations/0060_elections.sql (checked by db/schema-drift.test.ts).
export type ElectionStatus = "draft" | "open" | "closed";
export type VotedHow = "online" | "paper";
/** office id -> the candidates' person ids, in the voter's order. */
export type BallotChoices = Record<string, string[]>;

const timestamps = {
  createdAt: createdAt(),
};

// Voters and ballots keep time only to the minute, so time can't pair them.
const toTheMinute = () =>
  timestamp("created_at", { withTimezone: true })
    .notNull()
    .default(sql`date_trunc('minute', now())`);

export const elections = pgTable("elections", {
  ...orgRow(),
  titleEs: text("title_es").notNull(),
  titleEn: text("title_en").notNull(),
  descriptionEs: text("description_es").notNull().default(""),
  descriptionEn: text("description_en").notNull().default(""),
  opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
  closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
  eligibleLevels: text("eligible_levels").array().notNull().default([]),
  eligibleTags: text("eligible_tags").array().notNull().default([]),
  eligibilityCutoff: timestamp("eligibility_cutoff", { withTimezone: true }),
  ballotTracker: boolean("ballot_tracker").notNull().default(false),
  status: text("status").$type<ElectionStatus>().notNull().default("draft"),
  rollSize: integer("roll_size"),
  credentialsIssued: boolean("credentials_issued").notNull().default(false),
  openedAt: timestamp("opened_at", { withTimezone: true }),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  tallySeed: text("tally_seed"),
  results: jsonb("results"),
  ...timestamps,
  updatedAt: updatedAt(),
});

export const electionOffices = pgTable("election_offices", {
  ...orgRow(),
  electionId: uuid("election_id").notNull(),
  position: integer("position").notNull(),
  nameEs: text("name_es").notNull(),
  nameEn: text("name_en").notNull(),
  seats: integer("seats").notNull(),
  method: text("method").$type<Method>().notNull(),
  ...timestamps,
});

export const electionCandidates = pgTable("election_candidates", {
  ...orgRow(),
  electionId: uuid("election_id").notNull(),
  officeId: uuid("office_id").notNull(),
  personId: uuid("person_id").notNull(),
  ballotName: text("ballot_name").notNull(),
  statementEs: text("statement_es").notNull().default(""),
  statementEn: text("statement_en").notNull().default(""),
  ...timestamps,
});

export const electionVoters = pgTable("election_voters", {
  ...orgRow(),
  electionId: uuid("election_id").notNull(),
  personId: uuid("person_id").notNull(),
  language: text("language").$type<"es" | "en">().notNull().default("es"),
  tokenHash: text("token_hash"),
  voted: text("voted").$type<VotedHow>(),
  createdAt: toTheMinute(),
});

export const electionBallots = pgTable("election_ballots", {
  ...orgRow(),
  electionId: uuid("election_id").notNull(),
  receipt: text("receipt").notNull(),
  choices: jsonb("choices").$type<BallotChoices>().notNull(),
  createdAt: toTheMinute(),
});

import { date, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgRow, timestamps } from "../../db/columns";
import type { LessonStatus, LessonUseKind } from "./lesson";

// Mirrors src/db/migrations/0056_reviews.sql (checked by db/schema-drift.test.ts).
export const eventReviews = pgTable("event_reviews", {
  ...orgRow(),
  eventId: uuid("event_id").notNull(),
  eventKind: text("event_kind").notNull(),
  planned: text("planned"),
  happened: text("happened"),
  wentWell: text("went_well").array().notNull().default([]),
  wentWrong: text("went_wrong").array().notNull().default([]),
  mainCause: text("main_cause"),
  secondaryCauses: text("secondary_causes").array().notNull().default([]),
  keep: text("keep").array().notNull().default([]),
  change: text("change").array().notNull().default([]),
  ...timestamps(),
});

export const eventReviewAuthors = pgTable("event_review_authors", {
  ...orgRow(),
  reviewId: uuid("review_id").notNull(),
  userId: uuid("user_id").notNull(),
  createdAt: createdAt(),
});

export const lessons = pgTable("lessons", {
  ...orgRow(),
  reviewId: uuid("review_id"),
  eventKind: text("event_kind").notNull(),
  text: text("text").notNull(),
  status: text("status").$type<LessonStatus>().notNull().default("open"),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  ...timestamps(),
});

export const lessonUses = pgTable("lesson_uses", {
  ...orgRow(),
  lessonId: uuid("lesson_id").notNull(),
  eventId: uuid("event_id").notNull(),
  how: text("how").$type<LessonUseKind>().notNull(),
  createdBy: uuid("created_by"),
  createdAt: createdAt(),
});

export const followUps = pgTable("follow_ups", {
  ...orgRow(),
  reviewId: uuid("review_id").notNull(),
  text: text("text").notNull(),
  ownerUserId: uuid("owner_user_id").notNull(),
  dueOn: date("due_on", { mode: "string" }).notNull(),
  doneAt: timestamp("done_at", { withTimezone: true }),
  createdAt: createdAt(),
});

import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgRow } from "../db/columns";

// Mirrors src/db/migrations/0001_platform.sql (checked by db/schema-drift.test.ts).

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull(),
  defaultLanguage: text("default_language").$type<"es" | "en">().notNull(),
  timeZone: text("time_zone").notNull(),
  createdAt: createdAt(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  emailLower: text("email_lower").notNull(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  language: text("language").$type<"es" | "en">(),
  createdAt: createdAt(),
});

export type Role = "owner" | "organizer" | "member" | "viewer";
export const ROLES: readonly Role[] = ["owner", "organizer", "member", "viewer"];

export const memberships = pgTable("memberships", {
  ...orgRow(),
  userId: uuid("user_id").notNull(),
  role: text("role").$type<Role>().notNull(),
  createdAt: createdAt(),
});

export const sessions = pgTable("sessions", {
  ...orgRow(),
  userId: uuid("user_id").notNull(),
  tokenHash: text("token_hash").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

export const invitations = pgTable("invitations", {
  ...orgRow(),
  emailLower: text("email_lower").notNull(),
  role: text("role").$type<Role>().notNull(),
  tokenHash: text("token_hash").notNull(),
  invitedBy: uuid("invited_by").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  createdAt: createdAt(),
});

export const apiTokens = pgTable("api_tokens", {
  ...orgRow(),
  userId: uuid("user_id").notNull(),
  tokenHash: text("token_hash").notNull(),
  label: text("label").notNull().default(""),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  createdAt: createdAt(),
});

export const auditEvents = pgTable("audit_events", {
  ...orgRow(),
  actorUserId: uuid("actor_user_id"),
  action: text("action").notNull(),
  subjectType: text("subject_type").notNull(),
  subjectId: uuid("subject_id"),
  detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
});

export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull(),
});

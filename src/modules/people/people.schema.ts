import { boolean, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, orgRow, searchText, timestamps } from "../../db/columns";
import { ENGAGEMENT_LEVELS, type PhoneNumber, PREFERRED_LANGUAGES } from "./person";

// Mirrors src/db/migrations/0002_people.sql and 0087 (checked by db/schema-drift.test.ts; the
// enums' CHECK lists by test/enum-checks.test.ts). The enums are defined in person.ts;
// the type is also exported here for code written before they moved.
export type { EngagementLevel } from "./person";

export const people = pgTable("people", {
  ...orgRow(),
  displayName: text("display_name").notNull(),
  givenName: text("given_name"),
  familyName: text("family_name"),
  phoneNumbers: jsonb("phone_numbers").$type<PhoneNumber[]>().notNull().default([]),
  preferredLanguage: text("preferred_language", { enum: PREFERRED_LANGUAGES }),
  engagementLevel: text("engagement_level", { enum: ENGAGEMENT_LEVELS })
    .notNull()
    .default("contact"),
  tags: text("tags").array().notNull().default([]),
  notes: text("notes"),
  birthdateEnc: text("birthdate_enc"),
  homeAddressEnc: text("home_address_enc"),
  searchText: searchText(),
  sortName: text("sort_name").notNull().default(""),
  ...timestamps(),
});

export const personEmails = pgTable("person_emails", {
  ...orgRow(),
  personId: uuid("person_id").notNull(),
  address: text("address").notNull(),
  addressLower: text("address_lower").notNull(),
  isPrimary: boolean("is_primary").notNull().default(false),
  position: integer("position").notNull().default(0),
  createdAt: createdAt(),
});

// Written only by the triggers of src/db/migrations/0087_people_search_words.sql; read by
// search-by-words.ts (decision 110).
export const peopleWords = pgTable("people_words", {
  orgId: uuid("org_id").notNull(),
  word: text("word").notNull(),
  sortName: text("sort_name").notNull(),
  personId: uuid("person_id").notNull(),
});

export const peopleVocabulary = pgTable("people_vocabulary", {
  orgId: uuid("org_id").notNull(),
  word: text("word").notNull(),
});

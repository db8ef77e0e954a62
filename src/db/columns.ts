import { and, asc, desc, eq, inArray } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  type PgColumnBuilderBase,
  type PgTable,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { Db } from "./client";

// The columns most tables share, written once: a row's id, its organization, and when it
// was made and last changed. Each call makes fresh column builders (a builder belongs to
// one table), so a table spreads them: `pgTable("x", { ...orgRow(), ..., ...timestamps() })`.

export const createdAt = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** `id` (a random uuid) and `org_id`, the first two columns of an organization's table. */
export const orgRow = () => ({
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: uuid("org_id").notNull(),
});

/** The organization's row `id` of a table made with orgRow(): where most reads and writes start. */
export const ownRow = (table: { id: AnyPgColumn; orgId: AnyPgColumn }, orgId: string, id: string) =>
  and(eq(table.orgId, orgId), eq(table.id, id));

/** The organization's rows among `ids` (the others are not there, as if unknown). */
export const ownRows = (
  table: { id: AnyPgColumn; orgId: AnyPgColumn },
  orgId: string,
  ids: string[],
) => and(eq(table.orgId, orgId), inArray(table.id, ids));

/** `created_at` and `updated_at`, both set on insert. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** `id` and a unique `org_id`: a module's one row of settings per organization. */
export const orgSettingsRow = () => ({
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: uuid("org_id").notNull().unique(),
});

/** `search_text`: the folded words a list's search matches (empty until written). */
export const searchText = () => text("search_text").notNull().default("");

/** `occurred_at`: when a movement happened (now, unless the writer says otherwise). */
export const occurredAt = () =>
  timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow();

/** `slug` and `title_es`/`title_en`: what a campaign, drive or action's public page is called. */
export const titledPage = () => ({
  slug: text("slug").notNull(),
  titleEs: text("title_es").notNull(),
  titleEn: text("title_en").notNull(),
});

/** A titledPage() table's keys: its slug, like its id, names one row of the organization. */
export const pageKeys = (t: { orgId: AnyPgColumn; slug: AnyPgColumn; id: AnyPgColumn }) => [
  unique().on(t.orgId, t.slug),
  unique().on(t.orgId, t.id),
];

/**
 * `open` (taking part: yes by default), `public` (on the public site: no by default) and
 * `search_text`: a campaign, drive or call campaign listed on staff and public pages.
 */
export const listed = () => ({
  open: boolean("open").notNull().default(true),
  public: boolean("public").notNull().default(false),
  searchText: searchText(),
});

/** A listed() row the public sees and may take part in: public and open. */
export const openToPublic = (table: { public: AnyPgColumn; open: AnyPgColumn }) =>
  and(eq(table.public, true), eq(table.open, true));

type TextColumn = AnyPgColumn<{ data: string; notNull: true }>;

/**
 * The organization's open public pages of a titledPage() and listed() table (campaigns,
 * drives), newest first, at most 20: the links on its public home page, read alike for each.
 */
export async function publicPageLinks(
  db: Db,
  table: PgTable & {
    id: AnyPgColumn;
    orgId: AnyPgColumn;
    createdAt: AnyPgColumn;
    slug: TextColumn;
    titleEs: TextColumn;
    titleEn: TextColumn;
    public: AnyPgColumn;
    open: AnyPgColumn;
  },
  orgId: string,
): Promise<Array<{ slug: string; title: { es: string; en: string } }>> {
  const rows = await db
    .select({ slug: table.slug, titleEs: table.titleEs, titleEn: table.titleEn })
    .from(table)
    .where(and(eq(table.orgId, orgId), openToPublic(table)))
    .orderBy(desc(table.createdAt), asc(table.id))
    .limit(20);
  return rows.map((r) => ({ slug: r.slug, title: { es: r.titleEs, en: r.titleEn } }));
}

/** A bigint column read as a JS number (cents, thousandths: far below 2^53). */
export const bigNumber = (name: string) => bigint(name, { mode: "number" });

/** A module's one row of settings per organization: `columns` between the id and the times. */
export const settingsTable = <N extends string, C extends Record<string, PgColumnBuilderBase>>(
  name: N,
  columns: C,
) => pgTable(name, { ...orgSettingsRow(), ...columns, ...timestamps() });

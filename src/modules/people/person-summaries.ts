import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { phoneDigits } from "../../platform/text";
import { people, personEmails } from "./people.schema";
import { type EngagementLevel, type PhoneNumber, primaryOf } from "./person";

// For modules that plan with people (actions: roles, pairs, check-in) without reading the
// people table themselves. Ids of another organization are left out.

export type PersonSummary = {
  id: string;
  displayName: string;
  engagementLevel: EngagementLevel;
  preferredLanguage: "es" | "en" | null;
  /** The primary phone number (or the first), for a day sheet. */
  phone: string | null;
};

const summaryColumns = {
  id: people.id,
  displayName: people.displayName,
  engagementLevel: people.engagementLevel,
  preferredLanguage: people.preferredLanguage,
  phones: people.phoneNumbers,
};

function toSummary({
  phones,
  ...r
}: Omit<PersonSummary, "phone"> & { phones: PhoneNumber[] }): PersonSummary {
  return { ...r, phone: primaryOf(phones)?.number ?? null };
}

export async function getPersonSummaries(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, PersonSummary>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select(summaryColumns)
    .from(people)
    // One array parameter, not one per id: a plan with 2,000 RSVPs asks for 2,000 people.
    .where(and(eq(people.orgId, orgId), sql`${people.id} = ANY(${sql.param(unique)}::uuid[])`));
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}

/**
 * The person with this email address (any of theirs), or else this phone number (digits
 * compared), or null. Used to match a public sign-up to someone already known.
 */
export async function findPersonByContact(
  db: Db,
  orgId: string,
  contact: { email?: string | null; phone?: string | null },
): Promise<string | null> {
  const email = contact.email?.trim().toLowerCase();
  if (email) {
    const [row] = await db
      .select({ id: personEmails.personId })
      .from(personEmails)
      .where(and(eq(personEmails.orgId, orgId), eq(personEmails.addressLower, email)));
    if (row) return row.id;
  }
  const digits = contact.phone ? phoneDigits(contact.phone) : "";
  if (digits.length >= 7) {
    const [row] = await db
      .select({ id: people.id })
      .from(people)
      .where(
        and(
          eq(people.orgId, orgId),
          sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${people.phoneNumbers}) AS p
                      WHERE regexp_replace(p->>'number', '[^0-9]', '', 'g') = ${digits})`,
        ),
      )
      .orderBy(people.createdAt)
      .limit(1);
    if (row) return row.id;
  }
  return null;
}

/** The organization's organizers (active, core, leader), by name: pickers for plan roles. */
export async function listOrganizers(db: Db, orgId: string, limit = 300): Promise<PersonSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(people)
    .where(
      and(eq(people.orgId, orgId), inArray(people.engagementLevel, ["active", "core", "leader"])),
    )
    .orderBy(people.sortName, people.id)
    .limit(limit);
  return rows.map(toSummary);
}

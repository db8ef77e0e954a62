import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ownRow, ownRows } from "../../db/columns";
import { chunks } from "../../platform/chunks";
import type { FieldCipher } from "../../platform/crypto";
import { people, personEmails } from "./people.schema";
import {
  type Person,
  type PersonFields,
  type PersonInput,
  searchTextFor,
  sortNameFor,
} from "./person";

// Writing rows and reading them back into the domain shape; shared by the person operations.
export const personColumns = {
  id: people.id,
  displayName: people.displayName,
  givenName: people.givenName,
  familyName: people.familyName,
  phones: people.phoneNumbers,
  preferredLanguage: people.preferredLanguage,
  engagementLevel: people.engagementLevel,
  tags: people.tags,
  notes: people.notes,
  birthdateEnc: people.birthdateEnc,
  homeAddressEnc: people.homeAddressEnc,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
};

type Row = {
  [K in keyof typeof personColumns]: (typeof personColumns)[K]["_"]["notNull"] extends true
    ? (typeof personColumns)[K]["_"]["data"]
    : (typeof personColumns)[K]["_"]["data"] | null;
};

export async function toPeople(db: Db, orgId: string, rows: Row[]): Promise<Person[]> {
  if (rows.length === 0) return [];
  const emails = await db
    .select({
      personId: personEmails.personId,
      address: personEmails.address,
      primary: personEmails.isPrimary,
    })
    .from(personEmails)
    .where(
      and(
        eq(personEmails.orgId, orgId),
        inArray(
          personEmails.personId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(personEmails.position));
  return rows.map(({ birthdateEnc, homeAddressEnc, ...row }) => ({
    ...row,
    emails: emails
      .filter((e) => e.personId === row.id)
      .map((e) => ({ address: e.address, primary: e.primary })),
    hasBirthdate: birthdateEnc !== null,
    hasHomeAddress: homeAddressEnc !== null,
  }));
}

/**
 * `getX` returns null: unknown id and another organization's id look the same.
 * `forUpdate` locks the row until the caller's transaction ends (read-modify-write).
 */
export async function getPerson(
  db: Db,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Person | null> {
  const query = db
    .select(personColumns)
    .from(people)
    .where(ownRow(people, orgId, id));
  const rows = options.forUpdate ? await query.for("update") : await query;
  const [person] = await toPeople(db, orgId, rows);
  return person ?? null;
}

/** Several people of the organization by id (unknown ids are left out), in no order. */
export async function getPeople(db: Db, orgId: string, ids: string[]): Promise<Person[]> {
  const out: Person[] = [];
  const unique = [...new Set(ids)];
  for (const chunk of chunks(unique, 1000)) {
    const rows = await db
      .select(personColumns)
      .from(people)
      .where(ownRows(people, orgId, chunk));
    out.push(...(await toPeople(db, orgId, rows)));
  }
  return out;
}

/** The additional data that binds a ciphertext to its row and field. */
export const sensitiveContext = (id: string, field: "birthdate" | "home_address") =>
  `people:${id}:${field}`;

export function encryptSensitive(
  cipher: FieldCipher,
  id: string,
  input: { birthdate: string | null; homeAddress: string | null },
) {
  return {
    birthdateEnc: input.birthdate
      ? cipher.encrypt(input.birthdate, sensitiveContext(id, "birthdate"))
      : null,
    homeAddressEnc: input.homeAddress
      ? cipher.encrypt(input.homeAddress, sensitiveContext(id, "home_address"))
      : null,
  };
}

/** A person's columns as creating and updating both write them, with its search text and sort name. */
export const personValues = (p: Omit<PersonInput, "birthdate" | "homeAddress">) => ({
  displayName: p.displayName,
  givenName: p.givenName,
  familyName: p.familyName,
  phoneNumbers: p.phones,
  preferredLanguage: p.preferredLanguage,
  engagementLevel: p.engagementLevel,
  tags: p.tags,
  notes: p.notes,
  searchText: searchTextFor(p),
  sortName: sortNameFor(p.displayName),
});

/** A person's email rows, each at its place in the order given. */
export const emailRows = (orgId: string, personId: string, emails: PersonInput["emails"]) =>
  emails.map((e, position) => ({
    orgId,
    personId,
    address: e.address,
    addressLower: e.address.toLowerCase(),
    isPrimary: e.primary,
    position,
  }));

/** Inserts people and their emails; the caller holds the transaction and writes the audit. */
export async function insertPeople(
  tx: Db,
  cipher: FieldCipher,
  orgId: string,
  batch: { id: string; input: PersonFields }[],
): Promise<void> {
  await tx.insert(people).values(
    batch.map(({ id, input }) => ({
      id,
      orgId,
      ...personValues(input),
      ...encryptSensitive(cipher, id, input),
    })),
  );
  const emails = batch.flatMap(({ id, input }) => emailRows(orgId, id, input.emails));
  if (emails.length > 0) await tx.insert(personEmails).values(emails);
}

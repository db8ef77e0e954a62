import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { invalid, isUniqueViolation } from "../../platform/errors";
import { people, personEmails } from "./people.schema";
import { type Person, type PersonFields, searchTextFor, sortNameFor } from "./person";
import { encryptSensitive, getPerson } from "./person-record";

export async function createPerson(deps: Deps, actor: Actor, input: PersonFields): Promise<Person> {
  try {
    // The id is part of the encryption context, so it is chosen before the insert.
    const id = randomUUID();
    await deps.db.transaction(async (tx) => {
      await tx.insert(people).values({
        id,
        orgId: actor.orgId,
        displayName: input.displayName,
        givenName: input.givenName,
        familyName: input.familyName,
        phoneNumbers: input.phones,
        preferredLanguage: input.preferredLanguage,
        engagementLevel: input.engagementLevel,
        tags: input.tags,
        consentEmail: input.consentEmail,
        consentSms: input.consentSms,
        notes: input.notes,
        searchText: searchTextFor(input),
        sortName: sortNameFor(input.displayName),
        ...encryptSensitive(deps.cipher, id, input),
      });
      if (input.emails.length > 0) {
        await tx.insert(personEmails).values(
          input.emails.map((e, position) => ({
            orgId: actor.orgId,
            personId: id,
            address: e.address,
            addressLower: e.address.toLowerCase(),
            isPrimary: e.primary,
            position,
          })),
        );
      }
      await audit(tx, actor, "person.created", { type: "person", id });
    });
    const person = await getPerson(deps.db, actor.orgId, id);
    if (!person) throw new Error("created person vanished");
    return person;
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ emails: "duplicate_email" });
    throw error;
  }
}

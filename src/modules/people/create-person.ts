import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { invalid, isUniqueViolation } from "../../platform/errors";
import type { Person, PersonFields } from "./person";
import { getPerson, insertPeople } from "./person-record";

export async function createPerson(deps: Deps, actor: Actor, input: PersonFields): Promise<Person> {
  try {
    // The id is part of the encryption context, so it is chosen before the insert.
    const id = randomUUID();
    await deps.db.transaction(async (tx) => {
      await insertPeople(tx, deps.cipher, actor.orgId, [{ id, input }]);
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

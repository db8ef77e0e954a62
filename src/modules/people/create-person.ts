import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { invalid, isUniqueViolation } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { peopleErrors } from "./people.errors";
import type { Person, PersonFields } from "./person";
import { getPerson, insertPeople } from "./person-record";

export async function createPerson(deps: Deps, actor: Actor, input: PersonFields): Promise<Person> {
  try {
    return await runOperation(deps, actor, async (op) => {
      // The id is part of the encryption context, so it is chosen before the insert.
      const id = randomUUID();
      await insertPeople(op.tx, deps.cipher, actor.orgId, [{ id, input }]);
      await op.audit("person.created", { type: "person", id });
      const person = await getPerson(op.tx, actor.orgId, id);
      if (!person) throw new Error("created person vanished");
      return person;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ emails: peopleErrors.field.duplicate_email });
    throw error;
  }
}

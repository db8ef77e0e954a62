import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { invalid, onUniqueViolation } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { peopleErrors } from "./people.errors";
import type { Person, PersonFields } from "./person";
import { getPerson, insertPeople } from "./person-record";
import { type ConsentIntake, emitConsent, statementsFor } from "./stated-consent";

/**
 * Creates a person. Consent stated at intake (the form's boxes, the API's `consent`) goes
 * to messaging as "people.consent_stated" after the commit; the caller that shows it back
 * awaits `deps.bus.settled()` first (outside any transaction).
 */
export async function createPerson(
  deps: Deps,
  actor: Actor,
  input: PersonFields,
  consent?: ConsentIntake,
): Promise<Person> {
  return onUniqueViolation(invalid({ emails: peopleErrors.field.duplicate_email }), () =>
    runOperation(deps, actor, async (op) => {
      // The id is part of the encryption context, so it is chosen before the insert.
      const id = randomUUID();
      await insertPeople(op.tx, deps.cipher, actor.orgId, [{ id, input }]);
      await op.audit("person.created", { type: "person", id });
      const person = await getPerson(op.tx, actor.orgId, id);
      if (!person) throw new Error("created person vanished");
      if (consent) emitConsent(op, consent, statementsFor(id, person, consent, { revokes: false }));
      return person;
    }),
  );
}

import { and, eq } from "drizzle-orm";
import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { invalid, notFound, onUniqueViolation } from "../../platform/errors";
import { definedOnly } from "../../platform/fields";
import { runOperation } from "../../platform/operation";
import { peopleErrors } from "./people.errors";
import { people, personEmails } from "./people.schema";
import type { Person, PersonFields } from "./person";
import { emailRows, encryptSensitive, getPerson, personValues } from "./person-record";
import { type ConsentIntake, emitConsent, statementsFor } from "./stated-consent";

/**
 * Applies the fields present in `patch`; absent fields stay as they are.
 * For sensitive fields, null clears and undefined keeps. Audit lists the field
 * names that changed, never their values. Consent stated with the change (the API's
 * `consent`) goes to messaging after the commit, for the contact points saved.
 */
export async function updatePerson(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: Partial<PersonFields>,
  consent?: ConsentIntake,
): Promise<Person> {
  const changed = Object.keys(definedOnly(patch));
  return onUniqueViolation(invalid({ emails: peopleErrors.field.duplicate_email }), () =>
    runOperation(deps, actor, async (op) => {
      const tx = op.tx;
      // Read inside the transaction, locked: two edits at once apply one after the other.
      const current = await getPerson(tx, actor.orgId, id, { forUpdate: true });
      if (!current) throw notFound();
      const next = { ...current, ...definedOnly(patch) };
      const sensitive = encryptSensitive(deps.cipher, id, {
        birthdate: patch.birthdate ?? null,
        homeAddress: patch.homeAddress ?? null,
      });
      await tx
        .update(people)
        .set({
          ...personValues(next),
          updatedAt: new Date(),
          ...(patch.birthdate !== undefined ? { birthdateEnc: sensitive.birthdateEnc } : {}),
          ...(patch.homeAddress !== undefined ? { homeAddressEnc: sensitive.homeAddressEnc } : {}),
        })
        .where(ownRow(people, actor.orgId, id));
      if (patch.emails) {
        await tx
          .delete(personEmails)
          .where(and(eq(personEmails.orgId, actor.orgId), eq(personEmails.personId, id)));
        if (patch.emails.length > 0) {
          await tx.insert(personEmails).values(emailRows(actor.orgId, id, patch.emails));
        }
      }
      await op.audit("person.updated", { type: "person", id }, { fields: changed });
      const person = await getPerson(tx, actor.orgId, id);
      if (!person) throw notFound();
      if (consent) emitConsent(op, consent, statementsFor(id, person, consent, { revokes: true }));
      return person;
    }),
  );
}

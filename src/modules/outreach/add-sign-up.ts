import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound, onUniqueViolation } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { contactFormShape, contactPersonFields } from "../people/contact-person";
import { createPerson } from "../people/create-person";
import { findPersonByContact } from "../people/person-summaries";
import { outreachShiftPeople } from "./outreach.schema";
import { getShift } from "./shift-record";
import "./outreach.errors";
import "../people/people.events";
import { outreachText } from "./outreach.messages";

// Someone who signed up during a shift: matched to a person already known (same email,
// then same phone) or added to People with the least data: name, contact and language. A
// known person's record is left as it is. Consent they gave at the shift goes to messaging
// ("people.consent_stated", after the commit) for the contact points typed: action
// reminders and the group's notices, in person, in the words of the box (decision 094).

export const SignUpSchema = z
  .object({
    ...contactFormShape,
    language: z.enum(["es", "en"], "invalid_choice").nullable().default(null),
    consent: z.boolean("wrong_type").default(false),
  })
  .refine((v) => v.email || v.phone, { path: ["phone"], message: "contact_required" });
export type SignUp = z.output<typeof SignUpSchema>;

export async function addSignUp(
  deps: Deps,
  actor: Actor,
  shiftId: string,
  input: SignUp,
): Promise<{ personId: string; personCreated: boolean }> {
  const shift = await getShift(deps.db, actor.orgId, shiftId);
  if (!shift) throw notFound();
  const fields = contactPersonFields({
    ...input,
    tag: shift.kind === "canvassing" ? "canvass" : "flyering",
  });
  return onUniqueViolation(new AppError("conflict", { name: "already_signed_up" }), () =>
    runOperation(deps, actor, async (op) => {
      let personId = await findPersonByContact(op.tx, actor.orgId, input);
      const personCreated = personId === null;
      if (personId === null) {
        // The people module's own operation, inside this transaction (a savepoint).
        personId = (await createPerson(op.inner(), actor, fields)).id;
      }
      if (input.consent) {
        op.emit("people.consent_stated", {
          orgId: actor.orgId,
          recordedBy: actor.userId,
          source: "verbal",
          wording: outreachText[input.language ?? "es"].sign_up_consent,
          language: input.language ?? "es",
          statements: [
            {
              personId,
              contacts: [input.email, input.phone].filter(Boolean),
              purposes: ["action_reminders", "broadcasts"],
              action: "grant",
            },
          ],
        });
      }
      await op.tx
        .insert(outreachShiftPeople)
        .values({ orgId: actor.orgId, shiftId, personId, part: "sign_up" });
      await op.audit(
        "outreach.sign_up_added",
        { type: "outreach_shift", id: shiftId },
        {
          personId,
          personCreated,
        },
      );
      op.emit("outreach.changed", { orgId: actor.orgId, eventId: shift.eventId });
      return { personId, personCreated };
    }),
  );
}

import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, invalid, isUniqueViolation, notFound } from "../../platform/errors";
import { isValidPhone } from "../../platform/fields";
import { runOperation } from "../../platform/operation";
import { createPerson } from "../people/create-person";
import { PersonFieldsSchema } from "../people/person";
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
    name: z.string("required").trim().min(1, "required").max(120, "too_long"),
    email: z
      .string("wrong_type")
      .trim()
      .max(254, "too_long")
      .optional()
      .default("")
      .pipe(z.union([z.literal(""), z.email("invalid_email")])),
    phone: z
      .string("wrong_type")
      .trim()
      .max(40, "too_long")
      .optional()
      .default("")
      .refine((v) => v === "" || isValidPhone(v), "invalid_phone"),
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
  const fields = PersonFieldsSchema.safeParse({
    displayName: input.name,
    emails: input.email ? [{ address: input.email, primary: true }] : [],
    phones: input.phone ? [{ number: input.phone, primary: true }] : [],
    preferredLanguage: input.language,
    tags: [shift.kind === "canvassing" ? "canvass" : "flyering"],
  });
  if (!fields.success) throw invalid({ name: "invalid" });
  try {
    return await runOperation(deps, actor, async (op) => {
      let personId = await findPersonByContact(op.tx, actor.orgId, input);
      const personCreated = personId === null;
      if (personId === null) {
        // The people module's own operation, inside this transaction (a savepoint).
        personId = (await createPerson(op.inner(), actor, fields.data)).id;
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
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", { name: "already_signed_up" });
    throw error;
  }
}

import type { Actor, Deps } from "../../platform/actor";
import { invalid } from "../../platform/errors";
import type { Lang } from "../../platform/i18n";
import { runOperation } from "../../platform/operation";
import { phoneDigits } from "../../platform/text";
import { createPerson } from "../people/create-person";
import { PersonFieldsSchema } from "../people/person";
import { findPersonIds } from "../people/person-names";
import { getPerson } from "../people/person-record";
import "../people/people.events";
import { LIMITS } from "./drive";
import { type PledgeInput, pledgeInOperation, type RecordedPledge } from "./record-pledge";
import { suppliesPublicText } from "./supplies-public.messages";

export type PublicPledgeInput = Omit<PledgeInput, "source"> & {
  name: string;
  contact: string;
  language: Lang;
  consent: boolean;
};

type Contact = { kind: "email"; value: string } | { kind: "phone"; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address or a phone number, told apart by the "@"; null when it is neither. */
export function readContact(raw: string): Contact | null {
  const text = raw.trim();
  if (!text || text.length > LIMITS.contact) return null;
  if (text.includes("@"))
    return EMAIL.test(text) ? { kind: "email", value: text.toLowerCase() } : null;
  const digits = phoneDigits(text);
  return /^\+?[\d\s().-]+$/.test(text) && digits.length >= 7 && digits.length <= 15
    ? { kind: "phone", value: text }
    : null;
}

/** Field errors of the public form before anything touches the database. */
export function checkPublicPledge(
  input: PublicPledgeInput,
): Record<string, "required" | "too_long" | "invalid_contact" | "consent_required"> {
  const fields: Record<string, "required" | "too_long" | "invalid_contact" | "consent_required"> =
    {};
  const name = input.name.trim();
  if (!name) fields.name = "required";
  else if (name.length > LIMITS.personName) fields.name = "too_long";
  if (!input.contact.trim()) fields.contact = "required";
  else if (!readContact(input.contact)) fields.contact = "invalid_contact";
  if (!input.consent) fields.consent = "consent_required";
  return fields;
}

/**
 * A pledge from the public page. The pledger becomes a person in the organization's
 * database (matched by email or phone digits, or created as a contact) so the team can
 * remind them; their name is never shown publicly and never written to the audit log.
 */
export async function pledgeFromPublic(
  deps: Deps,
  orgId: string,
  driveId: string,
  input: PublicPledgeInput,
): Promise<RecordedPledge> {
  const problems = checkPublicPledge(input);
  const contact = readContact(input.contact);
  if (Object.keys(problems).length > 0 || !contact) throw invalid(problems);
  // The public form acts as a member would: it can pledge, nothing more.
  const actor: Actor = { orgId, userId: null, role: "member" };
  const key =
    contact.kind === "email" ? `email:${contact.value}` : `phone:${phoneDigits(contact.value)}`;
  return runOperation(deps, actor, async (op) => {
    const personId = async () => {
      const query = contact.kind === "email" ? contact.value : phoneDigits(contact.value);
      for (const id of await findPersonIds(op.tx, orgId, query, 10)) {
        const person = await getPerson(op.tx, orgId, id);
        const same =
          contact.kind === "email"
            ? person?.emails.some((e) => e.address.toLowerCase() === contact.value)
            : person?.phones.some((p) => phoneDigits(p.number) === phoneDigits(contact.value));
        if (person && same) return person.id;
      }
      const fields = PersonFieldsSchema.parse({
        displayName: input.name.trim(),
        emails: contact.kind === "email" ? [{ address: contact.value, primary: true }] : [],
        phones: contact.kind === "phone" ? [{ number: contact.value, primary: true }] : [],
        preferredLanguage: input.language,
        tags: ["colecta"],
      });
      const created = await createPerson(op.inner(), actor, fields);
      return created.id;
    };
    const pledged = await pledgeInOperation(
      op,
      actor,
      driveId,
      key,
      async () => {
        const id = await personId();
        // The box they ticked (required to keep the contact) goes to messaging after the
        // commit, in its words: the group's notices to this contact point (decision 094).
        op.emit("people.consent_stated", {
          orgId,
          recordedBy: null,
          source: "web_form",
          wording: suppliesPublicText[input.language].consent,
          language: input.language,
          statements: [
            { personId: id, contacts: [contact.value], purposes: ["broadcasts"], action: "grant" },
          ],
        });
        return id;
      },
      { ...input, source: "public" },
    );
    return pledged;
  });
}

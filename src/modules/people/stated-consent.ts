import type { Operation } from "../../platform/operation";
import {
  CONSENT_PURPOSES,
  type ConsentChannel,
  type ConsentPurpose,
  type ConsentStatement,
  type StatedConsentSource,
} from "./people.events";
import type { EmailAddress, PhoneNumber } from "./person";

// Consent stated while a person is written: turned into "people.consent_stated" for
// messaging (decision 094). Pure, apart from `emitConsent`.

/** The API's and CSV's `consent: {email, sms}`: true grants, false revokes (on a change). */
export type ChannelFlags = { email?: boolean | undefined; sms?: boolean | undefined };

export type ConsentIntake = {
  source: StatedConsentSource;
  wording: string | null;
  language: "es" | "en" | null;
  /** Which channels the statement covers, and what it says for each. */
  channels: ChannelFlags;
  purposes: ConsentPurpose[];
};

/** The API and CSV flags cover every purpose (decision 094). */
export const ALL_PURPOSES: ConsentPurpose[] = [...CONSENT_PURPOSES];

type Contacts = { emails: EmailAddress[]; phones: PhoneNumber[] };

function addressesOf(person: Contacts, channel: ConsentChannel): string[] {
  return channel === "email"
    ? person.emails.map((e) => e.address)
    : person.phones.map((p) => p.number);
}

/**
 * One statement per action for a person's contact points. A new person's "no" records
 * nothing (there is nothing to take back); a change's "no" revokes.
 */
export function statementsFor(
  personId: string,
  person: Contacts,
  intake: ConsentIntake,
  options: { revokes: boolean },
): ConsentStatement[] {
  if (intake.purposes.length === 0) return [];
  const out: ConsentStatement[] = [];
  for (const action of ["grant", "revoke"] as const) {
    if (action === "revoke" && !options.revokes) continue;
    const contacts = (["email", "sms"] as const)
      .filter((ch) => intake.channels[ch] === (action === "grant"))
      .flatMap((ch) => addressesOf(person, ch));
    if (contacts.length > 0) out.push({ personId, contacts, purposes: intake.purposes, action });
  }
  return out;
}

/** Emits the statements after the operation commits (nothing when there are none). */
export function emitConsent(op: Operation, intake: ConsentIntake, statements: ConsentStatement[]) {
  if (statements.length === 0) return;
  op.emit("people.consent_stated", {
    orgId: op.actor.orgId,
    recordedBy: op.actor.userId,
    source: intake.source,
    wording: intake.wording,
    language: intake.language,
    statements,
  });
}

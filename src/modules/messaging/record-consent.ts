import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import { invalid, notFound } from "../../platform/errors";
import { requiredText } from "../../platform/fields";
import { runOperation } from "../../platform/operation";
import { getPerson } from "../people/person-record";
import { PURPOSES, SOURCES } from "./consent";
import { type ContactPoint, normalizeEmail, parseContactPoint, toE164 } from "./contact-point";
import { consentRecords } from "./messaging.schema";
import "./messaging.errors";

export const ConsentInputSchema = z.strictObject({
  contact: requiredText(254),
  purpose: z.enum(PURPOSES, "invalid_choice"),
  action: z.enum(["grant", "revoke"], "invalid_choice"),
  source: z.enum(SOURCES, "invalid_choice"),
  wording: z.string("wrong_type").trim().max(2000, "too_long").optional(),
  language: z.enum(["es", "en"], "invalid_choice").optional(),
});
export type ConsentInput = z.infer<typeof ConsentInputSchema>;

/**
 * Appends a consent record for one of the person's own contact points (an email on their
 * record, or one of their phones, compared as E.164). Never updates an earlier record.
 */
export async function recordConsent(
  deps: Deps,
  actor: Actor,
  personId: string,
  input: ConsentInput,
): Promise<{ id: string; point: ContactPoint }> {
  const person = await getPerson(deps.db, actor.orgId, personId);
  if (!person) throw notFound();
  const point = parseContactPoint(input.contact);
  if (!point) throw invalid({ contact: "invalid_contact" });
  const theirs =
    point.channel === "email"
      ? person.emails.some((e) => normalizeEmail(e.address) === point.address)
      : person.phones.some((p) => toE164(p.number) === point.address);
  if (!theirs) throw invalid({ contact: "not_their_contact" });
  return runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .insert(consentRecords)
      .values({
        orgId: actor.orgId,
        personId,
        channel: point.channel,
        address: point.address,
        purpose: input.purpose,
        action: input.action,
        source: input.source,
        wording: input.wording ?? null,
        language: input.language ?? person.preferredLanguage ?? null,
        recordedBy: actor.userId,
      })
      .returning({ id: consentRecords.id });
    if (!row) throw new Error("insert returned nothing");
    // The audit names the purpose and channel, never the address.
    await op.audit(
      `consent.${input.action === "grant" ? "granted" : "revoked"}`,
      { type: "person", id: personId },
      {
        purpose: input.purpose,
        channel: point.channel,
        source: input.source,
      },
    );
    return { id: row.id, point };
  });
}

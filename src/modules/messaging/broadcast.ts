import { z } from "zod";
import { invalid } from "../../platform/errors";
import { type Person, primaryOf } from "../people/person";
import { type ConsentRecord, consentState } from "./consent";
import { type Channel, normalizeEmail, toE164 } from "./contact-point";
import type { Excluded } from "./messaging.schema";
import { checkTemplate } from "./templates";
import "./messaging.errors";

// Broadcasts: who receives one, who doesn't and why, and what a valid one looks like. Pure.

export const LIMITS = { subject: 200, emailBody: 20_000, smsBody: 1_600, tag: 50, tags: 20 };

const text = (max: number) => z.string("wrong_type").trim().min(1, "required").max(max, "too_long");

export const BroadcastInputSchema = z.strictObject({
  segment: z.strictObject({
    tags: z.array(text(LIMITS.tag), "wrong_type").max(LIMITS.tags, "too_many").optional(),
    engagement_levels: z
      .array(
        z.enum(["contact", "supporter", "active", "core", "leader"], "invalid_choice"),
        "wrong_type",
      )
      .max(5, "too_many")
      .optional(),
    languages: z
      .array(z.enum(["es", "en"], "invalid_choice"), "wrong_type")
      .max(2, "too_many")
      .optional(),
    attended: z
      .strictObject({
        days: z
          .int("wrong_type")
          .min(1, "invalid")
          .max(3650, "invalid")
          .optional()
          .describe("Came to (checked in at) any action that started in the last N days"),
        action_id: z.uuid("invalid").optional().describe("Came to (checked in at) this action"),
      })
      .refine((a) => (a.days === undefined) !== (a.action_id === undefined), {
        message: "invalid",
      })
      .optional()
      .describe("People who came to an action: one of days or action_id"),
  }),
  channel: z.enum(["email", "sms"], "invalid_choice"),
  subject: z.strictObject({ es: text(LIMITS.subject), en: text(LIMITS.subject) }).optional(),
  body: z.strictObject({ es: text(LIMITS.emailBody), en: text(LIMITS.emailBody) }),
});
export type BroadcastInput = z.infer<typeof BroadcastInputSchema>;

/** What the schema can't say: an email needs a subject, an SMS fits Twilio's 1,600. */
export function checkBroadcast(input: BroadcastInput): void {
  if (input.channel === "email" && !input.subject) throw invalid({ subject: "required" });
  if (input.channel === "sms") {
    for (const lang of ["es", "en"] as const) {
      if (input.body[lang].length > LIMITS.smsBody) throw invalid({ [`body.${lang}`]: "too_long" });
    }
  }
  for (const [field, template] of [
    ["body", input.body],
    ["subject", input.subject],
  ] as const) {
    if (!template) continue;
    const [problem] = checkTemplate(template);
    if (problem?.kind === "missing_in")
      throw invalid({ [`${field}.${problem.language}`]: "placeholder_mismatch" });
    if (problem?.kind === "unknown") throw invalid({ [field]: "unknown_placeholder" });
  }
}

export type Candidate = {
  id: string;
  displayName: string;
  language: "es" | "en";
  email: string | null;
  phone: string | null;
};
export type Recipient = Candidate & { address: string };

/** A person as a Candidate, in `language`: its primary email and phone (else its first). */
export function personCandidate(person: Person, language: "es" | "en"): Candidate {
  return {
    id: person.id,
    displayName: person.displayName,
    language,
    email: primaryOf(person.emails)?.address ?? null,
    phone: primaryOf(person.phones)?.number ?? null,
  };
}

/** The contact point a broadcast on `channel` would use, normalized; null when none. */
export function addressFor(candidate: Candidate, channel: Channel): string | null {
  if (channel === "email") return candidate.email ? normalizeEmail(candidate.email) : null;
  return candidate.phone ? toE164(candidate.phone) : null;
}

/**
 * Splits a segment into who receives the broadcast and, for everyone else, why not:
 * no usable contact point (or one that bounced), stopped, or no consent to broadcasts.
 */
export function audience(
  candidates: Candidate[],
  channel: Channel,
  consent: (address: string) => ConsentRecord[],
  bounced: (address: string) => boolean,
): { recipients: Recipient[]; excluded: Excluded } {
  const recipients: Recipient[] = [];
  const excluded: Excluded = { no_consent: 0, stopped: 0, no_contact: 0 };
  const seen = new Set<string>();
  for (const c of candidates) {
    const address = addressFor(c, channel);
    if (!address || bounced(address)) {
      excluded.no_contact += 1;
      continue;
    }
    const state = consentState(consent(address), "broadcasts");
    if (state !== "granted") {
      excluded[state] += 1;
      continue;
    }
    // Two people sharing one phone get one message.
    if (seen.has(address)) continue;
    seen.add(address);
    recipients.push({ ...c, address });
  }
  return { recipients, excluded };
}

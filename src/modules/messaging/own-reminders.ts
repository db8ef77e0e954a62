import type { Deps } from "../../platform/actor";
import type { SignedIn } from "../../platform/http";
import { runOperation } from "../../platform/operation";
import { consentState } from "./consent";
import { consentAt } from "./consent-record";
import { type ContactPoint, normalizeEmail } from "./contact-point";
import { consentRecords } from "./messaging.schema";

// A team member's own consent to hearing reminders for the cases they are on, at their
// sign-in email: the reminders' case-team recipients are accounts, not People, so the
// record names no person; it is theirs because they recorded it themselves.

function ownPoint(auth: SignedIn): ContactPoint | null {
  const address = normalizeEmail(auth.user.email);
  return address ? { channel: "email", address } : null;
}

/** Whether my sign-in email gets hearing reminders now (the latest record, or a stop). */
export async function ownHearingReminders(
  deps: Deps,
  auth: SignedIn,
): Promise<{ address: string; state: "granted" | "no_consent" | "stopped" } | null> {
  const point = ownPoint(auth);
  if (!point) return null;
  const records = await consentAt(deps.db, auth.org.id, point);
  return { address: point.address, state: consentState(records, "hearing_reminders") };
}

/**
 * Grants or revokes hearing reminders at my own sign-in email, with the words I was shown.
 * Appends a record only when the answer changes (saving twice adds nothing).
 */
export async function setOwnHearingReminders(
  deps: Deps,
  auth: SignedIn,
  input: { on: boolean; wording: string },
): Promise<{ changed: boolean }> {
  const point = ownPoint(auth);
  const now = await ownHearingReminders(deps, auth);
  if (!point || !now) return { changed: false };
  if ((now.state === "granted") === input.on) return { changed: false };
  return runOperation(deps, auth.actor, async (op) => {
    await op.tx.insert(consentRecords).values({
      orgId: auth.org.id,
      personId: null,
      channel: point.channel,
      address: point.address,
      purpose: "hearing_reminders",
      action: input.on ? "grant" : "revoke",
      source: "web_form",
      wording: input.wording,
      language: auth.user.language ?? null,
      recordedBy: auth.user.id,
    });
    // The audit names the purpose and channel, never the address.
    await op.audit(
      `consent.${input.on ? "granted" : "revoked"}`,
      { type: "user", id: auth.user.id },
      { purpose: "hearing_reminders", channel: "email", source: "web_form", own: true },
    );
    return { changed: true };
  });
}

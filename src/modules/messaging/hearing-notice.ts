import type { HearingAbout } from "./messaging.schema";
import { reminderStillTrue } from "./schedule";

// Whether a hearing message is still true when it is about to go out. Pure.

/** Where the hearing is now (defense module); null when it is gone. */
export type HearingNow = { at: Date; court: string | null };

/**
 * A "cancelled" notice holds while the hearing stays gone. A reminder holds while the
 * hearing is still at the moment it names (a reminder for a hearing that moved is never
 * sent: the move has its own notice); a "moved" notice also needs the court it names.
 */
export function hearingMessageStillTrue(about: HearingAbout, now: HearingNow | null): boolean {
  if (about.notice === "cancelled") return now === null;
  if (!now || !reminderStillTrue(new Date(about.at), now)) return false;
  if (about.notice === "moved") return (now.court ?? null) === (about.court ?? null);
  return true;
}

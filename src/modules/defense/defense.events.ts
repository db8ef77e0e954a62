// After-commit signal that what a case shows on public pages has changed (whether it is
// public, its public story), for whoever caches rendered public pages: the funds campaign
// pages of that case. Nothing else about a case is ever public, so nothing else sends it.
export type CasePublicChange = { orgId: string; caseId: string };

/**
 * A scheduled hearing was added to a case's timeline, moved in place (its time or court:
 * reschedule-hearing.ts), or removed (called off). Ids only: listeners (messaging's
 * notices and reminders, actions' court support) read what they need through the module's
 * published reads (hearing-lookup.ts, hearings-ahead.ts).
 */
export type HearingChange = {
  orgId: string;
  caseId: string;
  hearingId: string;
  change: "added" | "moved" | "cancelled";
  /** When the hearing is now; for "cancelled", when it was (a past one is nobody's news). */
  at: Date;
};

declare module "../../platform/events" {
  interface AppEvents {
    "defense.case_public_changed": CasePublicChange;
    "defense.hearing_changed": HearingChange;
  }
}

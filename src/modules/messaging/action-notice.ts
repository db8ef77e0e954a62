import type { ActionAbout, ActionNotice } from "./messaging.schema";

// Whether an action message is still true when it is about to go out. Pure.

/** What the actions module says about the action now, for this person. */
export type ActionNow = {
  startsAt: Date;
  place: string | null;
  status: "draft" | "planned" | "done" | "cancelled";
  /** The person the message is for still said "going" (or is checked in). */
  going: boolean;
};

/**
 * A cancellation notice holds while the action stays cancelled. Everything else (the
 * confirmation, the reminders, a change notice) holds only while the action is planned at
 * the time and place the message names, and the person is still going: a reminder for an
 * action that moved or was cancelled is never sent (the move has its own notice).
 */
export function actionMessageStillTrue(about: ActionAbout, now: ActionNow | null): boolean {
  if (!now) return false;
  if (about.notice === "cancelled") return now.status === "cancelled";
  return (
    now.status === "planned" &&
    now.going &&
    now.startsAt.getTime() === Date.parse(about.at) &&
    (now.place ?? null) === (about.place ?? null)
  );
}

export const ACTION_NOTICES: readonly ActionNotice[] = [
  "confirmation",
  "day_before",
  "morning_of",
  "changed",
  "cancelled",
];

import type { Db } from "../../db/client";
import { hearingsAhead } from "../defense/hearings-ahead";
import { hearingRemindersFor, queueHearingMessages } from "./hearing-messages";
import { getSendSettings } from "./messaging-settings";

const DAY = 86_400_000;

/**
 * Queues the 7/3/1-day reminders of every hearing in the next 8 days for the case's
 * family contacts and case team, by email and SMS, each in the recipient's language, at a
 * time inside the window. Idempotent: the key names the hearing, its time, the step,
 * recipient and channel, so running it every few minutes queues nothing twice, and a moved
 * hearing gets new reminders while the old ones are cancelled by the worker's re-check.
 * A hearing that moves is also heard at once (hearing-message-listener.ts); this pass
 * catches what an event missed (a restart, consent given later).
 */
export async function planHearingReminders(db: Db, now = new Date()): Promise<number> {
  let queued = 0;
  for (const hearing of await hearingsAhead(db, now, new Date(now.getTime() + 8 * DAY))) {
    if (hearing.familyPersonIds.length === 0 && hearing.team.length === 0) continue;
    const settings = await getSendSettings(db, hearing.orgId);
    if (!settings) continue;
    queued += await queueHearingMessages(
      db,
      settings,
      hearing,
      hearingRemindersFor(hearing, settings, now),
    );
  }
  return queued;
}

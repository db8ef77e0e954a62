import type { Db } from "../../db/client";
import { formatDateTime } from "../../platform/i18n";
import type { ActionForMessages } from "../actions";
import { getPerson } from "../people/person-record";
import { addressFor, personCandidate } from "./broadcast";
import type { Channel } from "./contact-point";
import type { ActionAbout, ActionNotice } from "./messaging.schema";
import { actionNoticeText } from "./messaging-notices.messages";
import { getSendSettings, type SendSettings } from "./messaging-settings";
import { enqueue, keyDigest, type NewMessage } from "./outbox-store";
import { actionReminders } from "./schedule";

// Action messages to the people going: the confirmation at RSVP, the day-before and
// morning-of reminders, and a notice when the time or place changes or the action is
// cancelled. Each in the person's language, by email and SMS where they have a contact
// point; consent (action_reminders), quiet hours and "is it still true?" are checked by the
// worker just before sending (action-notice.ts).

export type ActionLookup = (orgId: string, actionId: string) => Promise<ActionForMessages | null>;

/**
 * An action as each organization with people going describes it (the host, its co-hosts),
 * each with only its own people: what a move or a cancellation notice goes to.
 */
export type ActionAudiences = (hostOrgId: string, actionId: string) => Promise<ActionForMessages[]>;

/** What the reminder planner asks of the actions module: planned actions ahead, everywhere. */
export type ActionsAhead = (db: Db, from: Date, to: Date) => Promise<ActionForMessages[]>;

type Planned = { notice: ActionNotice; sendAt: Date };

/** The idempotency key: one confirmation and one cancellation per person, reminders per time. */
function keyFor(
  action: ActionForMessages,
  notice: ActionNotice,
  personId: string,
  channel: Channel,
) {
  const at = action.startsAt.toISOString();
  switch (notice) {
    case "confirmation":
    case "cancelled":
      return `action:${action.id}:${notice}:${personId}:${channel}`;
    case "changed":
      return `action:${action.id}:changed:${at}:${keyDigest(action.place)}:${personId}:${channel}`;
    default:
      return `action:${action.id}:${at}:${keyDigest(action.place)}:${notice}:${personId}:${channel}`;
  }
}

/** The reminders still ahead for an action (day before, morning of). */
export function remindersFor(
  action: ActionForMessages,
  settings: SendSettings,
  now: Date,
): Planned[] {
  return actionReminders(action.startsAt, action.timeZone, settings.window, now).map((r) => ({
    notice: r.step,
    sendAt: r.sendAt,
  }));
}

/** Queues these notices for these people; returns how many messages were new. */
export async function queueActionMessages(
  db: Db,
  action: ActionForMessages,
  personIds: readonly string[],
  planned: Planned[],
): Promise<number> {
  if (personIds.length === 0 || planned.length === 0) return 0;
  const settings = await getSendSettings(db, action.orgId);
  if (!settings) return 0;
  const about: ActionAbout = {
    action: action.id,
    notice: "confirmation",
    at: action.startsAt.toISOString(),
    place: action.place,
  };
  const messages: NewMessage[] = [];
  for (const personId of new Set(personIds)) {
    const person = await getPerson(db, action.orgId, personId);
    if (!person) continue;
    const language = person.preferredLanguage ?? settings.defaultLanguage;
    const t = actionNoticeText[language];
    const words = {
      org: settings.orgName,
      title: action.title[language] || action.title[language === "es" ? "en" : "es"],
      when: formatDateTime(action.startsAt, language, action.timeZone),
      place: action.place,
    };
    const candidate = personCandidate(person, language);
    for (const channel of ["email", "sms"] as Channel[]) {
      const address = addressFor(candidate, channel);
      if (!address) continue;
      for (const { notice, sendAt } of planned) {
        messages.push({
          orgId: action.orgId,
          idempotencyKey: keyFor(action, notice, person.id, channel),
          purpose: "action_reminders",
          channel,
          address,
          personId: person.id,
          language,
          subject: channel === "email" ? t[`${notice}_subject`](words) : null,
          body: t[`${notice}_body`](words),
          about: { ...about, notice },
          sendAfter: sendAt,
        });
      }
    }
  }
  return enqueue(db, messages);
}

const DAY = 86_400_000;

/**
 * The periodic pass (every few minutes, like hearing reminders): the day-before and
 * morning-of reminders of every planned action in the next two days, for everyone going.
 * Idempotent; catches whatever an event on the bus did not (a restart, a hearing that moved
 * a court-support action).
 */
export async function planActionReminders(
  db: Db,
  ahead: ActionsAhead,
  now = new Date(),
): Promise<number> {
  let queued = 0;
  for (const action of await ahead(db, now, new Date(now.getTime() + 2 * DAY))) {
    const settings = await getSendSettings(db, action.orgId);
    if (!settings) continue;
    queued += await queueActionMessages(
      db,
      action,
      action.goingPersonIds,
      remindersFor(action, settings, now),
    );
  }
  return queued;
}

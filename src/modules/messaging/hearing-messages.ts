import type { Db } from "../../db/client";
import { formatDateTime } from "../../platform/i18n";
import type { HearingAhead } from "../defense/hearings-ahead";
import { getPerson } from "../people/person-record";
import { addressFor, personCandidate } from "./broadcast";
import { consentState, type Language } from "./consent";
import { loadConsent, pointKey } from "./consent-record";
import type { Channel, ContactPoint } from "./contact-point";
import type { HearingAbout, HearingNotice } from "./messaging.schema";
import { reminderText } from "./messaging-notices.messages";
import type { SendSettings } from "./messaging-settings";
import { enqueue, keyDigest, type NewMessage } from "./outbox-store";
import { type HearingReminderStep, hearingReminders } from "./schedule";

// Hearing messages to a case's family contacts and case team: the 7/3/1-day reminders, and
// a notice at once when the hearing moves or is called off. Each in the recipient's
// language and the organization's zone, by email and SMS where there is a contact point
// that agreed to hearing reminders (checked here, and again by the worker just before
// sending, with quiet hours and "is the hearing still then?": hearing-notice.ts).

export type HearingMessageKind = HearingReminderStep | HearingNotice;
export type PlannedHearingMessage = { notice: HearingMessageKind; sendAt: Date };

/** A hearing as its messages describe it, with who hears about it. */
export type HearingForMessages = Pick<
  HearingAhead,
  "orgId" | "hearingId" | "at" | "court" | "familyPersonIds" | "team"
>;

type Recipient = {
  /** In the idempotency key: the person's id, or `user-<id>` for a case team member. */
  key: string;
  personId: string | null;
  language: Language;
  points: ContactPoint[];
};

/**
 * purpose + target + occurrence: a reminder per hearing time and step, a "moved" notice per
 * time and court it announces, one "cancelled" notice. The reminders' form is the one the
 * planner always used, so reminders queued before are not queued again.
 */
function keyFor(h: HearingForMessages, notice: HearingMessageKind, who: string, ch: Channel) {
  const at = h.at.toISOString();
  if (notice === "cancelled") return `hearing:${h.hearingId}:cancelled:${who}:${ch}`;
  if (notice === "moved")
    return `hearing:${h.hearingId}:moved:${at}:${keyDigest(h.court)}:${who}:${ch}`;
  return `hearing:${h.hearingId}:${at}:${notice}:${who}:${ch}`;
}

/** The 7/3/1-day reminders still ahead of `now`. */
export function hearingRemindersFor(
  h: Pick<HearingForMessages, "at">,
  settings: SendSettings,
  now: Date,
): PlannedHearingMessage[] {
  return hearingReminders(h.at, settings.timeZone, settings.window, now).map((r) => ({
    notice: r.step,
    sendAt: r.sendAt,
  }));
}

async function recipientsOf(db: Db, h: HearingForMessages, settings: SendSettings) {
  const recipients: Recipient[] = [];
  for (const personId of new Set(h.familyPersonIds)) {
    const person = await getPerson(db, h.orgId, personId);
    if (!person) continue;
    const candidate = personCandidate(person, person.preferredLanguage ?? settings.defaultLanguage);
    recipients.push({
      key: person.id,
      personId: person.id,
      language: candidate.language,
      points: pointsOf(candidate),
    });
  }
  for (const member of h.team) {
    const candidate = {
      id: member.userId,
      displayName: "",
      language: member.language ?? settings.defaultLanguage,
      email: member.email,
      phone: null,
    };
    recipients.push({
      key: `user-${member.userId}`,
      personId: null,
      language: candidate.language,
      points: pointsOf(candidate),
    });
  }
  return recipients;
}

function pointsOf(candidate: Parameters<typeof addressFor>[0]): ContactPoint[] {
  return (["email", "sms"] as Channel[]).flatMap((channel) => {
    const address = addressFor(candidate, channel);
    return address ? [{ channel, address }] : [];
  });
}

/**
 * Queues these messages about one hearing for its family contacts and case team, to each
 * contact point that agreed to hearing reminders (a contact point shared by two of them
 * gets one). Returns how many messages were new: a repeated call queues nothing.
 */
export async function queueHearingMessages(
  db: Db,
  settings: SendSettings,
  h: HearingForMessages,
  planned: PlannedHearingMessage[],
): Promise<number> {
  if (planned.length === 0) return 0;
  const recipients = await recipientsOf(db, h, settings);
  const consent = await loadConsent(
    db,
    h.orgId,
    recipients.flatMap((r) => r.points),
  );
  const messages: NewMessage[] = [];
  const seen = new Set<string>();
  for (const r of recipients) {
    const t = reminderText[r.language];
    const when = formatDateTime(h.at, r.language, settings.timeZone);
    for (const point of r.points) {
      const records = consent.get(pointKey(point)) ?? [];
      if (consentState(records, "hearing_reminders") !== "granted") continue;
      if (seen.has(pointKey(point))) continue;
      seen.add(pointKey(point));
      for (const { notice, sendAt } of planned) {
        const text =
          notice === "moved"
            ? {
                subject: t.hearing_moved_subject(when),
                body: t.hearing_moved_body(settings.orgName, when, h.court),
              }
            : notice === "cancelled"
              ? {
                  subject: t.hearing_cancelled_subject(when),
                  body: t.hearing_cancelled_body(settings.orgName, when),
                }
              : { subject: t.hearing_subject(when), body: t.hearing_body(settings.orgName, when) };
        const about: HearingAbout = { hearing: h.hearingId, at: h.at.toISOString() };
        if (notice === "moved") Object.assign(about, { notice, court: h.court });
        if (notice === "cancelled") about.notice = notice;
        messages.push({
          orgId: h.orgId,
          idempotencyKey: keyFor(h, notice, r.key, point.channel),
          purpose: "hearing_reminders",
          channel: point.channel,
          address: point.address,
          personId: r.personId,
          language: r.language,
          subject: point.channel === "email" ? text.subject : null,
          body: text.body,
          about,
          sendAfter: sendAt,
        });
      }
    }
  }
  return enqueue(db, messages);
}

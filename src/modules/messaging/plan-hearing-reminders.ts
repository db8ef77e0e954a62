import type { Db } from "../../db/client";
import { formatDateTime } from "../../platform/i18n";
import { hearingsAhead } from "../defense/hearings-ahead";
import { getPerson } from "../people/person-record";
import { addressFor } from "./broadcast";
import type { Channel } from "./contact-point";
import { reminderText } from "./messaging-notices.messages";
import { getSendSettings } from "./messaging-settings";
import { enqueue, type NewMessage } from "./outbox-store";
import { hearingReminders } from "./schedule";

const DAY = 86_400_000;

/**
 * Queues the 7/3/1-day reminders of every hearing in the next 8 days for the case's
 * family contacts, by email and SMS, each in the person's language, at a time inside the
 * window. Idempotent: the key names the hearing, its time, the step, person and channel,
 * so running it every few minutes queues nothing twice, and a moved hearing gets new
 * reminders while the old ones are cancelled by the worker's re-check. Consent is checked
 * by the worker just before sending.
 */
export async function planHearingReminders(db: Db, now = new Date()): Promise<number> {
  let queued = 0;
  for (const hearing of await hearingsAhead(db, now, new Date(now.getTime() + 8 * DAY))) {
    const settings = await getSendSettings(db, hearing.orgId);
    if (!settings) continue;
    const steps = hearingReminders(hearing.at, settings.timeZone, settings.window, now);
    if (steps.length === 0) continue;
    const messages: NewMessage[] = [];
    for (const personId of hearing.familyPersonIds) {
      const person = await getPerson(db, hearing.orgId, personId);
      if (!person) continue;
      const language = person.preferredLanguage ?? settings.defaultLanguage;
      const when = formatDateTime(hearing.at, language, settings.timeZone);
      const t = reminderText[language];
      const candidate = {
        id: person.id,
        displayName: person.displayName,
        language,
        email: (person.emails.find((e) => e.primary) ?? person.emails[0])?.address ?? null,
        phone: (person.phones.find((p) => p.primary) ?? person.phones[0])?.number ?? null,
      };
      for (const channel of ["email", "sms"] as Channel[]) {
        const address = addressFor(candidate, channel);
        if (!address) continue;
        for (const step of steps) {
          messages.push({
            orgId: hearing.orgId,
            idempotencyKey: `hearing:${hearing.hearingId}:${hearing.at.toISOString()}:${step.step}:${person.id}:${channel}`,
            purpose: "hearing_reminders",
            channel,
            address,
            personId: person.id,
            language,
            subject: channel === "email" ? t.hearing_subject(when) : null,
            body: t.hearing_body(settings.orgName, when),
            about: { hearing: hearing.hearingId, at: hearing.at.toISOString() },
            sendAfter: step.sendAt,
          });
        }
      }
    }
    queued += await enqueue(db, messages);
  }
  return queued;
}

import type { Deps } from "../../platform/actor";
import "../actions/actions.events";
import {
  type ActionAudiences,
  type ActionLookup,
  queueActionMessages,
  remindersFor,
} from "./action-messages";
import { type ListenerOptions, listenerWork, type MessageListener } from "./listener-work";
import { getSendSettings } from "./messaging-settings";
import { recordConsent } from "./record-consent";
import { requestActor } from "./stop-contact-point";

// Hears the actions module on the app's bus (wired in app.ts, the composition root) and
// queues what people going should get: a confirmation and reminders at RSVP, a notice when
// an action moves or is cancelled. Runs after the action's transaction committed; what it
// misses (a crash in between) the periodic planner catches for reminders.

export function listenForActionMessages(
  deps: Deps,
  reads: { lookup: ActionLookup; audiences: ActionAudiences },
  options: ListenerOptions = {},
): MessageListener {
  const { now, log, track, idle } = listenerWork(options);
  /** The action if it is still ahead and planned, with the sender's settings. */
  const { lookup, audiences } = reads;
  const upcoming = async (orgId: string, eventId: string) => {
    const action = await lookup(orgId, eventId);
    const settings = await getSendSettings(deps.db, orgId);
    if (!action || !settings || action.status !== "planned") return null;
    if (action.startsAt.getTime() <= now().getTime()) return null;
    return { action, settings };
  };

  const off = [
    deps.bus.on("actions.rsvp", (e) =>
      track("action rsvp messages", async () => {
        // Consent ticked on the public form is recorded for the contact points typed.
        for (const contact of e.consent?.contacts ?? []) {
          await recordConsent(deps, requestActor(e.orgId), e.personId, {
            contact,
            purpose: "action_reminders",
            action: "grant",
            source: "web_form",
            wording: e.consent?.wording,
            language: e.consent?.language,
          }).catch((error: unknown) => log(`rsvp consent: ${String(error)}`));
        }
        if (e.status !== "going") return;
        const found = await upcoming(e.orgId, e.eventId);
        if (!found?.action.goingPersonIds.includes(e.personId)) return;
        const at = now();
        await queueActionMessages(
          deps.db,
          found.action,
          [e.personId],
          [
            { notice: "confirmation", sendAt: at },
            ...remindersFor(found.action, found.settings, at),
          ],
        );
      }),
    ),
    // A move or a cancellation reaches everyone going: the host's people and each co-host's
    // (decision 055), each organization's people queued under that organization, in their
    // language and with its consent records; no organization sees the other's people.
    deps.bus.on("actions.moved", (e) =>
      track("action change notices", async () => {
        const at = now();
        for (const action of await audiences(e.orgId, e.eventId)) {
          if (action.status !== "planned" || action.startsAt.getTime() <= at.getTime()) continue;
          const settings = await getSendSettings(deps.db, action.orgId);
          if (!settings) continue;
          // Earlier reminders name the old time or place: the worker cancels them.
          await queueActionMessages(deps.db, action, action.goingPersonIds, [
            { notice: "changed", sendAt: at },
            ...remindersFor(action, settings, at),
          ]);
        }
      }),
    ),
    deps.bus.on("actions.cancelled", (e) =>
      track("action cancellation notices", async () => {
        const at = now();
        for (const action of await audiences(e.orgId, e.eventId)) {
          if (action.status !== "cancelled" || action.startsAt.getTime() <= at.getTime()) continue;
          await queueActionMessages(deps.db, action, action.goingPersonIds, [
            { notice: "cancelled", sendAt: at },
          ]);
        }
      }),
    ),
  ];
  return {
    idle,
    stop() {
      for (const f of off) f();
    },
  };
}

import type { Deps } from "../../platform/actor";
import "../defense/defense.events";
import { caseAudience, hearingForMessages } from "../defense/hearings-ahead";
import {
  hearingRemindersFor,
  type PlannedHearingMessage,
  queueHearingMessages,
} from "./hearing-messages";
import { type ListenerOptions, listenerWork, type MessageListener } from "./listener-work";
import { getSendSettings } from "./messaging-settings";

// Hears the defense module on the app's bus (wired in app.ts) and queues at once what a
// case's family contacts and case team should get when a hearing is added, moved or called
// off: a notice of the move or cancellation, and the new 7/3/1-day reminders without
// waiting for the periodic planner. Runs after the defense transaction committed; what it
// misses (a crash in between) the planner catches for reminders. Idempotent keys: an event
// heard twice queues nothing twice.

export function listenForHearingMessages(
  deps: Deps,
  options: ListenerOptions = {},
): MessageListener {
  const { now, track, idle } = listenerWork(options);
  const off = deps.bus.on("defense.hearing_changed", (e) =>
    track("hearing notices", async () => {
      const at = now();
      const settings = await getSendSettings(deps.db, e.orgId);
      if (!settings) return;
      if (e.change === "cancelled") {
        // A past hearing removed from the timeline is a clean-up, not news.
        if (e.at.getTime() <= at.getTime()) return;
        const audience = await caseAudience(deps.db, e.orgId, e.caseId);
        const gone = { orgId: e.orgId, hearingId: e.hearingId, at: e.at, court: null };
        await queueHearingMessages(deps.db, settings, { ...gone, ...audience }, [
          { notice: "cancelled", sendAt: at },
        ]);
        return;
      }
      // Read now, not from the event: two quick moves both announce where it ended up.
      const hearing = await hearingForMessages(deps.db, e.orgId, e.hearingId);
      if (!hearing || hearing.at.getTime() <= at.getTime()) return;
      const planned: PlannedHearingMessage[] = [
        ...(e.change === "moved" ? [{ notice: "moved" as const, sendAt: at }] : []),
        ...hearingRemindersFor(hearing, settings, at),
      ];
      await queueHearingMessages(deps.db, settings, hearing, planned);
    }),
  );
  return {
    idle,
    stop: off,
  };
}

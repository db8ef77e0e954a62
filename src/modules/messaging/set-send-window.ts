import type { Actor, Deps } from "../../platform/actor";
import { invalid } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { messagingSettings } from "./messaging.schema";
import { isValidClock, type SendWindow } from "./schedule";

/** Sets the hours messages may go out (quiet hours outside them), or null for any time. */
export async function setSendWindow(deps: Deps, actor: Actor, window: SendWindow): Promise<void> {
  if (window) {
    if (!isValidClock(window.start)) throw invalid({ "quiet_hours.start": "invalid_clock" });
    if (!isValidClock(window.end)) throw invalid({ "quiet_hours.end": "invalid_clock" });
    if (window.start === window.end) throw invalid({ "quiet_hours.end": "invalid" });
  }
  const values = { windowStart: window?.start ?? null, windowEnd: window?.end ?? null };
  await runOperation(deps, actor, async (op) => {
    await op.tx
      .insert(messagingSettings)
      .values({ orgId: actor.orgId, ...values })
      .onConflictDoUpdate({ target: messagingSettings.orgId, set: values });
    await op.audit(
      "messaging.window_set",
      { type: "organization", id: actor.orgId },
      {
        start: values.windowStart,
        end: values.windowEnd,
      },
    );
  });
}

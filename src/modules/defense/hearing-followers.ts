import type { Actor, Deps } from "../../platform/actor";

// Court support (actions module) follows a case's hearing. Actions sits above defense (it
// links to hearings), so defense only declares what it calls and app.ts registers actions'
// function (as setCaseFunds does). It runs inside the operation that moves or removes the
// hearing, through `op.inner()`: the action changes with the hearing or not at all, and
// what it emits waits for the commit. Before a removal, so the link is still there (the
// database clears action_events.hearing_id when the hearing goes).

export type HearingFollowerFn = (
  deps: Deps,
  actor: Actor,
  change: { hearingId: string; change: "moved" | "cancelled" },
) => Promise<unknown>;

let registered: HearingFollowerFn = async () => {};

/** Registered once at the composition root; registering again replaces it. */
export function setHearingFollower(fn: HearingFollowerFn): void {
  registered = fn;
}

/** Tells whatever follows hearings that one moved or is being removed. */
export const followHearing: HearingFollowerFn = (deps, actor, change) =>
  registered(deps, actor, change);

import { and, eq } from "drizzle-orm";
import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { fold } from "../../platform/text";
import { getHearing } from "../defense/hearing-lookup";
import type { ActionChange } from "./actions.events";
import { actionEvents } from "./actions.schema";
import "./actions.events";

// Court support follows its hearing (decision 095). Defense calls this inside the operation
// that moves or removes a hearing (registered in app.ts: defense/hearing-followers.ts).
// When the hearing moved, each action linked to it takes the hearing's time (keeping its
// length) and its court as the place, so the stored action agrees with what pages show
// (event-record.ts follows the hearing at read time too). When the hearing is called off,
// the link goes and a planned action still ahead is cancelled: nobody should go to court
// for a hearing that isn't happening. People going hear it as they hear any action that
// moved or was cancelled (actions.moved / actions.cancelled: messaging), and public pages
// are dropped (actions.changed). Nothing changes, and nothing is said, when it already
// follows.

/** Returns the ids of the actions it changed. */
export function followHearingChange(
  deps: Deps,
  actor: Actor,
  change: { hearingId: string; change: "moved" | "cancelled" },
  now: Date = new Date(),
): Promise<string[]> {
  const { orgId } = actor;
  const { hearingId } = change;
  return runOperation(deps, actor, async (op) => {
    const linked = and(
      eq(actionEvents.orgId, orgId),
      eq(actionEvents.hearingId, hearingId),
      eq(actionEvents.kind, "court_support"),
    );
    const rows = await op.tx.select().from(actionEvents).where(linked).for("update");
    if (rows.length === 0) return [];
    const hearing = change.change === "moved" ? await getHearing(op.tx, orgId, hearingId) : null;
    const changed: string[] = [];
    for (const row of rows) {
      const where = ownRow(actionEvents, orgId, row.id);
      if (!hearing) {
        const cancel = row.status === "planned" && row.startsAt.getTime() > now.getTime();
        await op.tx
          .update(actionEvents)
          .set({ hearingId: null, ...(cancel ? { status: "cancelled" } : {}), updatedAt: now })
          .where(where);
        await op.audit(
          "action.hearing_removed",
          { type: "action", id: row.id },
          { hearing_id: hearingId, ...(cancel ? { from: row.status, to: "cancelled" } : {}) },
        );
        op.emit("actions.changed", { orgId, eventId: row.id });
        if (cancel) op.emit("actions.cancelled", { orgId, eventId: row.id });
        changed.push(row.id);
        continue;
      }
      const placeName = hearing.court ?? row.placeName;
      const changes: ActionChange[] = [];
      if (row.startsAt.getTime() !== hearing.at.getTime()) changes.push("time");
      if ((row.placeName ?? null) !== (placeName ?? null)) changes.push("place");
      if (changes.length === 0) continue;
      const length = row.endsAt.getTime() - row.startsAt.getTime();
      await op.tx
        .update(actionEvents)
        .set({
          startsAt: hearing.at,
          endsAt: new Date(hearing.at.getTime() + length),
          placeName,
          searchText: fold([row.titleEs, row.titleEn, placeName ?? "", row.slug].join(" ")),
          updatedAt: now,
        })
        .where(where);
      await op.audit(
        "action.followed_hearing",
        { type: "action", id: row.id },
        { hearing_id: hearingId, changes },
      );
      op.emit("actions.changed", { orgId, eventId: row.id });
      if (row.status === "planned") op.emit("actions.moved", { orgId, eventId: row.id, changes });
      changed.push(row.id);
    }
    return changed;
  });
}

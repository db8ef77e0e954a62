import type { Actor, Deps } from "../../platform/actor";
import { runOperation } from "../../platform/operation";
import { lessonAndPlan, recordUse } from "./lesson-use";

/** An organizer has read the lesson for this plan; it stops counting against readiness. */
export async function acknowledgeLesson(
  deps: Deps,
  actor: Actor,
  lessonId: string,
  eventId: string,
): Promise<void> {
  const { lesson } = await lessonAndPlan(deps.db, actor, lessonId, eventId, "acknowledged");
  await runOperation(deps, actor, (op) => recordUse(op, lesson, eventId, "acknowledged"));
}

import type { Db } from "../../db/client";
import { ownRow } from "../../db/columns";
import type { Actor } from "../../platform/actor";
import { AppError, notFound, onUniqueViolation } from "../../platform/errors";
import type { Operation } from "../../platform/operation";
import { type ActionRef, requireEvent } from "./actions-port";
import { applyUse, type LessonUseKind } from "./lesson";
import { getLesson, type Lesson } from "./review-record";
import { lessons, lessonUses } from "./reviews.schema";
import "./reviews.errors";

// Shared by acknowledge-lesson.ts and adopt-lesson.ts: the checks before a plan handles a
// lesson, and the record of it inside the operation's transaction.

/** The lesson and the plan, or why this plan can't handle this lesson (404 / 409). */
export async function lessonAndPlan(
  db: Db,
  actor: Actor,
  lessonId: string,
  eventId: string,
  how: LessonUseKind,
): Promise<{ lesson: Lesson; event: ActionRef }> {
  const lesson = await getLesson(db, actor.orgId, lessonId);
  if (!lesson) throw notFound();
  const event = await requireEvent(db, actor.orgId, eventId);
  // A lesson belongs to plans of its kind; done and cancelled actions are past planning.
  if (event.kind !== lesson.eventKind) throw notFound();
  if (event.status === "done" || event.status === "cancelled") throw new AppError("action_closed");
  const next = applyUse(lesson, { eventId, how });
  if (!next.ok) throw new AppError(next.reason);
  return { lesson, event };
}

/** Writes the use and the lesson's new status; a second tab doing the same gets a 409. */
export async function recordUse(
  op: Operation,
  lesson: Lesson,
  eventId: string,
  how: LessonUseKind,
): Promise<void> {
  const next = applyUse(lesson, { eventId, how });
  if (!next.ok) throw new AppError(next.reason);
  await onUniqueViolation(new AppError("lesson_already_handled"), async () => {
    await op.tx.insert(lessonUses).values({
      orgId: op.actor.orgId,
      lessonId: lesson.id,
      eventId,
      how,
      createdBy: op.actor.userId,
    });
  });
  if (next.state.status !== lesson.status) {
    await op.tx
      .update(lessons)
      .set({ status: next.state.status, updatedAt: new Date() })
      .where(ownRow(lessons, op.actor.orgId, lesson.id));
  }
  await op.audit(
    `lesson.${how === "acknowledged" ? "acknowledged" : "adopted"}`,
    {
      type: "lesson",
      id: lesson.id,
    },
    { eventId, how },
  );
  op.emit("reviews.lessons_changed", { orgId: op.actor.orgId, eventKind: lesson.eventKind });
}

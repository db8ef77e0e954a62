import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { close } from "./lesson";
import { getLesson } from "./review-record";
import { lessons } from "./reviews.schema";
import "./reviews.errors";

/** A lesson adopted in three plans has become habit: it leaves the next plans. */
export async function closeLesson(deps: Deps, actor: Actor, lessonId: string): Promise<void> {
  const lesson = await getLesson(deps.db, actor.orgId, lessonId);
  if (!lesson) throw notFound();
  const next = close(lesson);
  if (!next.ok) throw new AppError(next.reason);
  await runOperation(deps, actor, async (op) => {
    const now = new Date();
    const done = await op.tx
      .update(lessons)
      .set({ status: "closed", closedAt: now, updatedAt: now })
      .where(
        and(
          eq(lessons.orgId, actor.orgId),
          eq(lessons.id, lessonId),
          eq(lessons.status, lesson.status),
        ),
      )
      .returning({ id: lessons.id });
    if (done.length === 0) throw new AppError("lesson_closed");
    await op.audit("lesson.closed", { type: "lesson", id: lessonId });
    op.emit("reviews.lessons_changed", { orgId: actor.orgId, eventKind: lesson.eventKind });
  });
}

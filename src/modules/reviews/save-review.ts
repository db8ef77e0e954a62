import { and, eq, inArray, sql } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, invalid } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { requireEvent } from "./actions-port";
import type { LessonState } from "./lesson";
import { diffChanges, type ReviewFields } from "./review";
import { teamMembers } from "./review-record";
import { eventReviewAuthors, eventReviews, lessons, lessonUses } from "./reviews.schema";
import "./reviews.errors";

declare module "../../platform/events" {
  interface AppEvents {
    "reviews.lessons_changed": { orgId: string; eventKind: string };
  }
}

/**
 * Writes (or rewrites) the review of a finished action. Each "change" item becomes an open
 * lesson for the action's kind; an item taken out again removes its lesson, unless a plan
 * already used it (then the lesson stays, it has a life of its own). Authors: the actor
 * (when a person of the team) and whoever else is named; all must belong to the team.
 */
export async function saveReview(
  deps: Deps,
  actor: Actor,
  eventId: string,
  input: ReviewFields,
  authorUserIds: string[] = [],
): Promise<{ reviewId: string; created: boolean; lessonsAdded: number }> {
  const event = await requireEvent(deps.db, actor.orgId, eventId);
  if (event.status !== "done") throw new AppError("action_not_done");
  const team = new Set((await teamMembers(deps.db, actor.orgId)).map((m) => m.userId));
  const authors = [...new Set([...(actor.userId ? [actor.userId] : []), ...authorUserIds])];
  if (authors.some((id) => !team.has(id))) throw invalid({ authors: "not_a_member" });

  return runOperation(deps, actor, async (op) => {
    const now = new Date();
    const values = {
      planned: input.planned,
      happened: input.happened,
      wentWell: input.wentWell,
      wentWrong: input.wentWrong,
      mainCause: input.mainCause,
      secondaryCauses: input.secondaryCauses,
      keep: input.keep,
      change: input.change,
      updatedAt: now,
    };
    // One review per action: a second save (a second tab, the API's PUT) rewrites it.
    const [saved] = await op.tx
      .insert(eventReviews)
      .values({ orgId: actor.orgId, eventId, eventKind: event.kind, ...values })
      .onConflictDoUpdate({ target: [eventReviews.orgId, eventReviews.eventId], set: values })
      .returning({
        id: eventReviews.id,
        created: sql<boolean>`(xmax = 0)`,
      });
    if (!saved) throw new Error("review upsert returned nothing");
    const reviewId = saved.id;

    if (authors.length > 0) {
      await op.tx
        .insert(eventReviewAuthors)
        .values(authors.map((userId) => ({ orgId: actor.orgId, reviewId, userId })))
        .onConflictDoNothing();
    }

    const existing = await op.tx
      .select({ id: lessons.id, text: lessons.text, status: lessons.status })
      .from(lessons)
      .where(and(eq(lessons.orgId, actor.orgId), eq(lessons.reviewId, reviewId)));
    const { added, removed } = diffChanges(
      existing.map((l) => l.text),
      input.change,
    );
    if (added.length > 0) {
      await op.tx
        .insert(lessons)
        .values(
          added.map((text) => ({ orgId: actor.orgId, reviewId, eventKind: event.kind, text })),
        );
    }
    const removedKeys = new Set(removed.map((t) => t.toLowerCase()));
    const candidates = existing.filter((l) => removedKeys.has(l.text.toLowerCase()));
    let dropped = 0;
    if (candidates.length > 0) {
      const used = await op.tx
        .select({ lessonId: lessonUses.lessonId })
        .from(lessonUses)
        .where(
          and(
            eq(lessonUses.orgId, actor.orgId),
            inArray(
              lessonUses.lessonId,
              candidates.map((l) => l.id),
            ),
          ),
        );
      const usedIds = new Set(used.map((u) => u.lessonId));
      const unused = candidates.filter((l) => !usedIds.has(l.id) && isUntouched(l));
      if (unused.length > 0) {
        await op.tx.delete(lessons).where(
          and(
            eq(lessons.orgId, actor.orgId),
            inArray(
              lessons.id,
              unused.map((l) => l.id),
            ),
          ),
        );
        dropped = unused.length;
      }
    }

    await op.audit(
      saved.created ? "review.created" : "review.updated",
      {
        type: "event_review",
        id: reviewId,
      },
      { eventId, lessonsAdded: added.length, lessonsRemoved: dropped },
    );
    if (added.length > 0 || dropped > 0) {
      op.emit("reviews.lessons_changed", { orgId: actor.orgId, eventKind: event.kind });
    }
    return { reviewId, created: saved.created, lessonsAdded: added.length };
  });
}

const isUntouched = (l: Pick<LessonState, "status">) => l.status === "open";

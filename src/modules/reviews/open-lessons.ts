import { and, asc, eq, ne, notExists } from "drizzle-orm";
import type { Db } from "../../db/client";
import { findEvent } from "./actions-port";
import { lessons, lessonUses } from "./reviews.schema";

// Published: the lessons the next plan of a kind should see. The actions module's readiness
// gets `openLessonsForPlan` injected at the composition root (app.ts).

export type OpenLesson = { id: string; text: string };

/** Every lesson of this kind that is not closed, oldest first. */
export async function openLessonsForKind(
  db: Db,
  orgId: string,
  kind: string,
): Promise<OpenLesson[]> {
  return db
    .select({ id: lessons.id, text: lessons.text })
    .from(lessons)
    .where(and(eq(lessons.orgId, orgId), eq(lessons.eventKind, kind), ne(lessons.status, "closed")))
    .orderBy(asc(lessons.createdAt), asc(lessons.id));
}

/**
 * Lessons of the plan's kind this plan has not yet acknowledged or adopted. Only the host's
 * own plans carry its lessons: a co-host reading the plan gets none.
 */
export async function openLessonsForPlan(args: {
  db: Db;
  orgId: string;
  eventId: string;
  kind: string;
}): Promise<OpenLesson[]> {
  const { db, orgId, eventId, kind } = args;
  if (!(await findEvent(db, orgId, eventId))) return [];
  return db
    .select({ id: lessons.id, text: lessons.text })
    .from(lessons)
    .where(
      and(
        eq(lessons.orgId, orgId),
        eq(lessons.eventKind, kind),
        ne(lessons.status, "closed"),
        notExists(
          db
            .select({ one: lessonUses.id })
            .from(lessonUses)
            .where(and(eq(lessonUses.lessonId, lessons.id), eq(lessonUses.eventId, eventId))),
        ),
      ),
    )
    .orderBy(asc(lessons.createdAt), asc(lessons.id));
}

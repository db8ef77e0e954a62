import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ownRow } from "../../db/columns";
import { memberships, users } from "../../platform/platform.schema";
import type { LessonStatus, LessonUse } from "./lesson";
import type { ReviewContent } from "./review";
import { eventReviewAuthors, eventReviews, followUps, lessons, lessonUses } from "./reviews.schema";

// Reading reviews, lessons and follow-ups back into the domain shape.

export type Review = ReviewContent & {
  id: string;
  eventId: string;
  eventKind: string;
  authors: { userId: string; name: string }[];
  createdAt: Date;
  updatedAt: Date;
};

export type Lesson = {
  id: string;
  reviewId: string | null;
  eventKind: string;
  text: string;
  status: LessonStatus;
  uses: LessonUse[];
  createdAt: Date;
};

export type FollowUp = {
  id: string;
  reviewId: string;
  text: string;
  ownerUserId: string;
  ownerName: string;
  dueOn: string;
  done: boolean;
};

const reviewColumns = {
  id: eventReviews.id,
  eventId: eventReviews.eventId,
  eventKind: eventReviews.eventKind,
  planned: eventReviews.planned,
  happened: eventReviews.happened,
  wentWell: eventReviews.wentWell,
  wentWrong: eventReviews.wentWrong,
  mainCause: eventReviews.mainCause,
  secondaryCauses: eventReviews.secondaryCauses,
  keep: eventReviews.keep,
  change: eventReviews.change,
  createdAt: eventReviews.createdAt,
  updatedAt: eventReviews.updatedAt,
};

/** The review of an action, or null if none was written (or the action is another org's). */
export async function getReviewForEvent(
  db: Db,
  orgId: string,
  eventId: string,
): Promise<Review | null> {
  const [row] = await db
    .select(reviewColumns)
    .from(eventReviews)
    .where(and(eq(eventReviews.orgId, orgId), eq(eventReviews.eventId, eventId)));
  if (!row) return null;
  const authors = await db
    .select({ userId: eventReviewAuthors.userId, name: users.name })
    .from(eventReviewAuthors)
    .innerJoin(users, eq(users.id, eventReviewAuthors.userId))
    .where(and(eq(eventReviewAuthors.orgId, orgId), eq(eventReviewAuthors.reviewId, row.id)))
    .orderBy(asc(eventReviewAuthors.createdAt));
  return { ...row, authors };
}

/** Which of these actions have a review (for the actions list and the reviews index). */
export async function reviewedEventIds(
  db: Db,
  orgId: string,
  eventIds: string[],
): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .select({ eventId: eventReviews.eventId })
    .from(eventReviews)
    .where(and(eq(eventReviews.orgId, orgId), inArray(eventReviews.eventId, eventIds)));
  return new Set(rows.map((r) => r.eventId));
}

const lessonColumns = {
  id: lessons.id,
  reviewId: lessons.reviewId,
  eventKind: lessons.eventKind,
  text: lessons.text,
  status: lessons.status,
  createdAt: lessons.createdAt,
};

async function withUses(db: Db, orgId: string, rows: Omit<Lesson, "uses">[]): Promise<Lesson[]> {
  if (rows.length === 0) return [];
  const uses = await db
    .select({ lessonId: lessonUses.lessonId, eventId: lessonUses.eventId, how: lessonUses.how })
    .from(lessonUses)
    .where(
      and(
        eq(lessonUses.orgId, orgId),
        inArray(
          lessonUses.lessonId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(lessonUses.createdAt));
  return rows.map((r) => ({
    ...r,
    uses: uses.filter((u) => u.lessonId === r.id).map(({ eventId, how }) => ({ eventId, how })),
  }));
}

export async function getLesson(db: Db, orgId: string, id: string): Promise<Lesson | null> {
  const rows = await db
    .select(lessonColumns)
    .from(lessons)
    .where(ownRow(lessons, orgId, id));
  const [lesson] = await withUses(db, orgId, rows);
  return lesson ?? null;
}

/**
 * The lessons a review's "change" items became, in the order of `change` when given
 * (lessons saved together share a timestamp); lessons whose item is gone come last.
 */
export async function lessonsOfReview(
  db: Db,
  orgId: string,
  reviewId: string,
  change: readonly string[] = [],
): Promise<Lesson[]> {
  const rows = await db
    .select(lessonColumns)
    .from(lessons)
    .where(and(eq(lessons.orgId, orgId), eq(lessons.reviewId, reviewId)))
    .orderBy(asc(lessons.createdAt), asc(lessons.id));
  const position = new Map(change.map((item, i) => [item.toLowerCase(), i]));
  const at = (l: { text: string }) => position.get(l.text.toLowerCase()) ?? change.length;
  return withUses(
    db,
    orgId,
    rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => at(a.r) - at(b.r) || a.i - b.i)
      .map(({ r }) => r),
  );
}

/** Every lesson, optionally of one kind, not closed ones first, oldest first. */
export async function listLessons(
  db: Db,
  orgId: string,
  filter: { kind?: string; includeClosed?: boolean } = {},
): Promise<Lesson[]> {
  const rows = await db
    .select(lessonColumns)
    .from(lessons)
    .where(
      and(
        eq(lessons.orgId, orgId),
        filter.kind ? eq(lessons.eventKind, filter.kind) : undefined,
        filter.includeClosed ? undefined : ne(lessons.status, "closed"),
      ),
    )
    .orderBy(sql`${lessons.status} = 'closed'`, asc(lessons.createdAt), asc(lessons.id))
    .limit(500);
  return withUses(db, orgId, rows);
}

const followUpColumns = {
  id: followUps.id,
  reviewId: followUps.reviewId,
  text: followUps.text,
  ownerUserId: followUps.ownerUserId,
  ownerName: users.name,
  dueOn: followUps.dueOn,
  done: sql<boolean>`${followUps.doneAt} IS NOT NULL`,
};

export async function followUpsOfReview(
  db: Db,
  orgId: string,
  reviewId: string,
): Promise<FollowUp[]> {
  return db
    .select(followUpColumns)
    .from(followUps)
    .innerJoin(users, eq(users.id, followUps.ownerUserId))
    .where(and(eq(followUps.orgId, orgId), eq(followUps.reviewId, reviewId)))
    .orderBy(asc(followUps.dueOn), asc(followUps.createdAt));
}

export async function getFollowUp(db: Db, orgId: string, id: string): Promise<FollowUp | null> {
  const [row] = await db
    .select(followUpColumns)
    .from(followUps)
    .innerJoin(users, eq(users.id, followUps.ownerUserId))
    .where(ownRow(followUps, orgId, id));
  return row ?? null;
}

/** Open follow-ups owned by one user, with the action each came from. */
export async function openFollowUpsOf(
  db: Db,
  orgId: string,
  userId: string,
): Promise<(FollowUp & { eventId: string })[]> {
  return db
    .select({ ...followUpColumns, eventId: eventReviews.eventId })
    .from(followUps)
    .innerJoin(users, eq(users.id, followUps.ownerUserId))
    .innerJoin(eventReviews, eq(eventReviews.id, followUps.reviewId))
    .where(
      and(eq(followUps.orgId, orgId), eq(followUps.ownerUserId, userId), isNull(followUps.doneAt)),
    )
    .orderBy(asc(followUps.dueOn))
    .limit(50);
}

/** The team (accounts with a membership) who may write reviews and own follow-ups. */
export async function teamMembers(
  db: Db,
  orgId: string,
): Promise<{ userId: string; name: string }[]> {
  return db
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), ne(memberships.role, "viewer")))
    .orderBy(asc(users.name));
}

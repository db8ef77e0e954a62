// Pure domain: the life of a lesson. No I/O.
//
// A lesson comes from a "change" item of a review and is tied to the kind of action
// (rally, vigil, ...). Every new plan of that kind shows it until an organizer handles it
// for that plan: acknowledges it, or adopts it as a material, a role or a run-of-show step.
// Adopted in three plans, it has become habit and may be closed.

export const LESSON_STATUSES = ["open", "adopted", "closed"] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

export const LESSON_USES = ["acknowledged", "material", "role", "step"] as const;
export type LessonUseKind = (typeof LESSON_USES)[number];

export const ADOPTIONS_TO_CLOSE = 3;

export type LessonUse = { eventId: string; how: LessonUseKind };
export type LessonState = { status: LessonStatus; uses: readonly LessonUse[] };

export type LessonRefusal =
  | "lesson_closed"
  | "lesson_already_handled"
  | "lesson_not_adopted_enough";

/** Plans (distinct actions) that turned the lesson into something concrete. */
export function adoptionCount(uses: readonly LessonUse[]): number {
  return new Set(uses.filter((u) => u.how !== "acknowledged").map((u) => u.eventId)).size;
}

export function statusFor(uses: readonly LessonUse[]): "open" | "adopted" {
  return adoptionCount(uses) > 0 ? "adopted" : "open";
}

/** Still to be handled in this plan: not closed and not yet acknowledged or adopted here. */
export function isPendingFor(lesson: LessonState, eventId: string): boolean {
  return lesson.status !== "closed" && !lesson.uses.some((u) => u.eventId === eventId);
}

/** A lesson is handled once per plan; the result is the new state or why it is refused. */
export function applyUse(
  lesson: LessonState,
  use: LessonUse,
): { ok: true; state: LessonState } | { ok: false; reason: LessonRefusal } {
  if (lesson.status === "closed") return { ok: false, reason: "lesson_closed" };
  if (!isPendingFor(lesson, use.eventId)) return { ok: false, reason: "lesson_already_handled" };
  const uses = [...lesson.uses, use];
  return { ok: true, state: { status: statusFor(uses), uses } };
}

export function canClose(lesson: LessonState): boolean {
  return lesson.status !== "closed" && adoptionCount(lesson.uses) >= ADOPTIONS_TO_CLOSE;
}

export function close(
  lesson: LessonState,
): { ok: true; state: LessonState } | { ok: false; reason: LessonRefusal } {
  if (lesson.status === "closed") return { ok: false, reason: "lesson_closed" };
  if (!canClose(lesson)) return { ok: false, reason: "lesson_not_adopted_enough" };
  return { ok: true, state: { status: "closed", uses: lesson.uses } };
}

/**
 * "Bring both megaphones" -> 2; "traer 3 banderas" -> 3. A suggestion for the quantity when a
 * lesson becomes a material; the organizer can change it.
 */
export function quantityHint(text: string): number {
  const digits = /\b(\d{1,3})\b/.exec(text);
  if (digits) return Math.max(1, Number(digits[1]));
  const words: [RegExp, number][] = [
    [/\b(both|two|pair|ambos|ambas|dos|par)\b/i, 2],
    [/\b(three|tres)\b/i, 3],
    [/\b(four|cuatro)\b/i, 4],
    [/\b(five|cinco)\b/i, 5],
  ];
  for (const [re, n] of words) if (re.test(text)) return n;
  return 1;
}

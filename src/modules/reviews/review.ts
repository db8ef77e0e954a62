import { z } from "zod";
import { optionalText, requiredText } from "../../platform/fields";
import "./reviews.errors";

// Pure domain: what a review of a finished action holds and how its input is checked.
// No I/O. A review is written once the action is done; each "change" item becomes a lesson
// for the next action of the same kind (see lesson.ts).

export const LIMITS = {
  story: 5000,
  item: 500,
  items: 30,
  cause: 500,
  followUps: 30,
};

export type ReviewContent = {
  planned: string | null;
  happened: string | null;
  wentWell: string[];
  wentWrong: string[];
  mainCause: string | null;
  secondaryCauses: string[];
  keep: string[];
  change: string[];
};

/** Items trimmed, empty ones dropped, each kept once (case and spacing aside). */
export function cleanItems(items: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of items) {
    const item = raw.trim().replace(/\s+/g, " ");
    const key = item.toLowerCase();
    if (!item || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

/** A textarea with one item per line -> items. */
export function linesToItems(text: string): string[] {
  return cleanItems(text.split(/\r?\n/));
}

export function itemsToLines(items: readonly string[]): string {
  return items.join("\n");
}

/** Which change items are new, and which lessons of this review no longer have an item. */
export function diffChanges(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  const key = (s: string) => s.toLowerCase();
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return {
    added: after.filter((s) => !had.has(key(s))),
    removed: before.filter((s) => !has.has(key(s))),
  };
}

export function isEmptyReview(r: ReviewContent): boolean {
  return (
    !r.planned &&
    !r.happened &&
    !r.mainCause &&
    [r.wentWell, r.wentWrong, r.secondaryCauses, r.keep, r.change].every((l) => l.length === 0)
  );
}

// --- Validation shared by the form and the API -------------------------------------------

const items = z
  .array(z.string("wrong_type").max(LIMITS.item, "too_long"), "wrong_type")
  .max(LIMITS.items, "too_many")
  .default([])
  .transform(cleanItems);

export const ReviewFieldsSchema = z
  .object({
    planned: optionalText(LIMITS.story),
    happened: optionalText(LIMITS.story),
    wentWell: items,
    wentWrong: items,
    mainCause: optionalText(LIMITS.cause),
    secondaryCauses: items,
    keep: items,
    change: items,
  })
  .refine((r) => !isEmptyReview(r), { message: "review_empty", path: ["wentWell"] });

export type ReviewFields = z.infer<typeof ReviewFieldsSchema>;

/** Follow-up items: something to do after the action, by one person of the team, by a date. */
export const FollowUpFieldsSchema = z.object({
  text: requiredText(LIMITS.item),
  ownerUserId: z.uuid("not_a_member"),
  dueOn: z
    .string("required")
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date")
    .refine((v) => isCalendarDay(v), "invalid_date"),
});

export type FollowUpFields = z.infer<typeof FollowUpFieldsSchema>;

/** "2026-02-30" is not a day. Calendar arithmetic only, no time zone involved. */
export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30];
  const lengths = [...days, 31, 31, 30, 31, 30, 31];
  return d <= (lengths[mo - 1] ?? 0);
}

/** Open follow-ups, the most urgent first; `today` is a day key in the organization's zone. */
export function followUpsInOrder<T extends { dueOn: string; done: boolean }>(
  items: readonly T[],
  today: string,
): (T & { overdue: boolean })[] {
  return items
    .filter((i) => !i.done)
    .map((i) => ({ ...i, overdue: i.dueOn < today }))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

import type { Progress } from "../campaign";

/** The words for what a campaign's progress line says next, in the audience's own tone. */
export type NextStepTexts = {
  goal_reached: string;
  next_goal: (toGo: string) => string;
  next_milestone: (target: string, toGo: string) => string;
};

/**
 * What is left: the money to the next milestone or to the goal, or that the goal was
 * reached. Staff and public pages share the logic; each says it in its own words.
 */
export function nextStepText(
  next: Progress["next"],
  t: NextStepTexts,
  money: (n: number) => string,
): string {
  if (next === null) return t.goal_reached;
  return next.isGoal
    ? t.next_goal(money(next.toGo))
    : t.next_milestone(money(next.target), money(next.toGo));
}

import type { Lang } from "../../../platform/i18n";
import type { Currency } from "../../../platform/money";
import { Field } from "../../../platform/ui/forms";
import type { Progress } from "../campaign";
import { activityText } from "./funds-activity.messages";

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

/** A money form's amount, in the campaign's currency (named in the label), required. */
export function AmountField(props: {
  name: string;
  label: string;
  currency: Currency;
  lang: Lang;
}) {
  return (
    <Field
      name={props.name}
      label={`${props.label} (${props.currency})`}
      hint={activityText[props.lang].amount_hint}
      required
      autocomplete="off"
    />
  );
}

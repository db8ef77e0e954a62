import { describe, expect, it } from "vitest";
import { cents } from "../../../platform/money";
import { progress } from "../campaign";
import { fundsText } from "../funds.messages";
import { nextStepText } from "./campaign-ui";

describe("nextStepText", () => {
  const t = fundsText.en;
  const money = (n: number) => `$${n / 100}`;
  const next = (raised: number) => progress(cents(raised), cents(10_000), [cents(5_000)]).next;

  it("names the next milestone while one is ahead", () => {
    expect(nextStepText(next(1_000), t, money)).toBe(t.next_milestone("$50", "$40"));
  });

  it("names the goal once the milestones are passed", () => {
    expect(nextStepText(next(6_000), t, money)).toBe(t.next_goal("$40"));
  });

  it("says the goal was reached", () => {
    expect(nextStepText(next(10_000), t, money)).toBe(t.goal_reached);
  });
});

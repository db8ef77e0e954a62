// Pure: the ledger's totals from sums per (month, kind, account), the shape the database
// aggregates to (ledger-totals.ts). No I/O. The same figures as ledger.ts campaignTotals
// and reports.ts totalsByMonth, which read every group: the property test in
// ledger-totals.test.ts checks that both agree on any ledger.
import { groupBy } from "../../../platform/group-by";
import { cents } from "../../../platform/money";
import { monthKey } from "../../../platform/time";
import type { Account, CampaignTotals, Group, MovementKind } from "./ledger";
import type { MonthTotals } from "./reports";

/** What the entries of one kind on one account add up to in one month. */
export type LedgerSum = {
  month: string;
  kind: MovementKind;
  account: Account;
  amountCents: number;
  /** Entries above zero (a donation's fund entry) and below zero (its reversal's). */
  positive: number;
  negative: number;
};

/**
 * Totals from sums. Every movement kind books its amount on a known account, and a
 * reversal books the same entries negated, so each figure is one signed sum:
 * donated = fund entries of donations, refunded = outside of refunds, spent = outside of
 * disbursements, interest = −outside of returns, forfeited = −bonds receivable of forfeits;
 * gifts = donations' positive fund entries minus their negative ones (reversals).
 */
export function totalsFromSums(sums: Iterable<LedgerSum>): CampaignTotals {
  let donated = 0;
  let refunded = 0;
  let spent = 0;
  let interest = 0;
  let forfeited = 0;
  let gifts = 0;
  let fund = 0;
  let onBond = 0;
  for (const s of sums) {
    if (s.account === "fund") fund += s.amountCents;
    if (s.account === "bonds_receivable") onBond += s.amountCents;
    if (s.kind === "donation" && s.account === "fund") {
      donated += s.amountCents;
      gifts += s.positive - s.negative;
    } else if (s.kind === "refund" && s.account === "outside") refunded += s.amountCents;
    else if (s.kind === "disbursement" && s.account === "outside") spent += s.amountCents;
    else if (s.kind === "bond_returned" && s.account === "outside") interest -= s.amountCents;
    else if (s.kind === "bond_forfeited" && s.account === "bonds_receivable") {
      forfeited -= s.amountCents;
    }
  }
  return {
    raisedCents: cents(donated - refunded),
    donatedCents: cents(donated),
    refundedCents: cents(refunded),
    interestCents: cents(interest),
    availableCents: cents(fund),
    onBondCents: cents(onBond),
    spentCents: cents(spent),
    forfeitedCents: cents(forfeited),
    gifts,
  };
}

/** Month by month, oldest first, as reports.ts totalsByMonth. */
export function monthsFromSums(sums: Iterable<LedgerSum>): MonthTotals[] {
  const byMonth = groupBy(sums, (s) => s.month);
  return [...byMonth.keys()]
    .sort()
    .map((month) => ({ month, totals: totalsFromSums(byMonth.get(month) ?? []) }));
}

/** The sums of groups in memory (tests; what the database computes). */
export function sumsOfGroups(
  lines: Iterable<{ group: Group; occurredAt: Date }>,
  timeZone: string,
): LedgerSum[] {
  const out = new Map<string, LedgerSum>();
  for (const { group, occurredAt } of lines) {
    const month = monthKey(occurredAt, timeZone);
    for (const e of group.entries) {
      const key = `${month}|${group.movement.kind}|${e.account}`;
      const s = out.get(key) ?? {
        month,
        kind: group.movement.kind,
        account: e.account,
        amountCents: 0,
        positive: 0,
        negative: 0,
      };
      s.amountCents += e.amount;
      if (e.amount > 0) s.positive += 1;
      if (e.amount < 0) s.negative += 1;
      out.set(key, s);
    }
  }
  return [...out.values()];
}

// Helpers for the funds tests.
import { sql } from "drizzle-orm";
import { forfeitBond } from "../../src/modules/funds/bonds/forfeit-bond";
import { postBond } from "../../src/modules/funds/bonds/post-bond";
import { returnBond } from "../../src/modules/funds/bonds/return-bond";
import { type CampaignFields, CampaignFieldsSchema } from "../../src/modules/funds/campaign";
import { createCampaign } from "../../src/modules/funds/campaigns/create-campaign";
import { approveDisbursement } from "../../src/modules/funds/disbursements/approve-disbursement";
import { payDisbursement } from "../../src/modules/funds/disbursements/pay-disbursement";
import { requestDisbursement } from "../../src/modules/funds/disbursements/request-disbursement";
import { type DonationInput, recordDonation } from "../../src/modules/funds/gifts/record-donation";
import { reverseEntry } from "../../src/modules/funds/ledger/reverse-entry";
import type { Actor } from "../../src/platform/actor";
import type { TestApp } from "./app";

let n = 0;

export const campaignFields = (overrides: Record<string, unknown> = {}): CampaignFields => {
  n += 1;
  return CampaignFieldsSchema.parse({
    slug: `fondo-${n}-${Math.random().toString(36).slice(2, 7)}`,
    title: { es: "Fondo de defensa de Rosa", en: "Rosa's defense fund" },
    goalCents: 1_000_000,
    milestonesCents: [100_000, 500_000],
    ...overrides,
  });
};

export const newCampaign = (t: TestApp, actor: Actor, overrides: Record<string, unknown> = {}) =>
  createCampaign(t.deps, actor, campaignFields(overrides));

export const give = (t: TestApp, actor: Actor, campaignId: string, amountCents: number) =>
  recordDonation(t.deps, actor, { campaignId, amountCents, method: "cash" }).then((r) => r.gift);

/** `count` gifts recorded at once, as concurrent requests would: the i-th with `input(i)`. */
export const giftsAtOnce = (
  t: TestApp,
  actor: Actor,
  count: number,
  input: (i: number) => DonationInput,
) => Promise.all(Array.from({ length: count }, (_, i) => recordDonation(t.deps, actor, input(i))));

/** A lawyer's fee asked for by `owner`, approved and paid by `treasurer` (on `paidAt`). */
export async function paidFee(
  t: TestApp,
  by: { owner: Actor; treasurer: Actor },
  campaignId: string,
  amountCents: number,
  paidAt?: Date,
) {
  const d = await requestDisbursement(t.deps, by.owner, {
    campaignId,
    amountCents,
    payee: "Abogada Inventada",
    purpose: "legal_fees",
  });
  await approveDisbursement(t.deps, by.treasurer, d.id);
  return payDisbursement(t.deps, by.treasurer, d.id, { paidAt });
}

/** Groups whose entries don't sum to zero, or that have fewer than two entries. */
export async function unbalancedGroups(t: TestApp): Promise<unknown[]> {
  const result = await t.database.db.execute(sql`
    SELECT g.id, count(e.id) AS n, coalesce(sum(e.amount_cents), 0) AS total
    FROM ledger_groups g LEFT JOIN ledger_entries e ON e.group_id = g.id
    GROUP BY g.id HAVING coalesce(sum(e.amount_cents), 0) <> 0 OR count(e.id) < 2`);
  return result.rows;
}

/** Account balances of a campaign, summed by SQL straight from the entries. */
export async function sqlBalances(t: TestApp, campaignId: string) {
  const result = await t.database.db.execute<{ account: string; total: string }>(sql`
    SELECT account, sum(amount_cents)::text AS total FROM ledger_entries
    WHERE campaign_id = ${campaignId} GROUP BY account`);
  const out = { fund: 0, bonds_receivable: 0, outside: 0 };
  for (const r of result.rows) {
    if (r.account === "fund" || r.account === "bonds_receivable" || r.account === "outside") {
      out[r.account] = Number(r.total);
    }
  }
  return out;
}

/**
 * One random step of the ledger's property tests on the real database. `key` (give): an
 * Idempotency-Key 1..n that repeats on purpose (0 or none: no key); `on`: the day it happened
 * (none: now); `pick`: which posted bond or written group a step acts on.
 */
export type MoneyStep =
  | { t: "give"; amount: number; key?: number; on?: Date }
  | { t: "pay"; amount: number; on?: Date }
  | { t: "post"; amount: number; on?: Date }
  | { t: "return"; pick: number; interest: number }
  | { t: "forfeit"; pick: number }
  | { t: "reverse"; pick: number };

/**
 * Runs one step on the campaign: gifts, bonds and reversals by the owner, a fee asked for by
 * the owner and paid by the treasurer. Keeps the bonds posted and the groups written; true
 * when the step wrote a group (a replayed gift, or a pick with nothing to act on, writes none).
 */
export async function runMoneyStep(
  w: { t: TestApp; owner: Actor; treasurer: Actor },
  campaignId: string,
  s: MoneyStep,
  bonds: string[],
  groups: string[],
): Promise<boolean> {
  if (s.t === "give") {
    const r = await recordDonation(w.t.deps, w.owner, {
      campaignId,
      amountCents: s.amount,
      method: "cash",
      receivedAt: s.on,
      idempotencyKey: s.key ? `${campaignId}-${s.key}` : null,
    });
    if (r.replayed) return false;
    groups.push(r.gift.groupId);
  } else if (s.t === "pay") {
    const paid = await paidFee(w.t, w, campaignId, s.amount, s.on);
    groups.push(paid.paidGroupId ?? "");
  } else if (s.t === "post") {
    const b = await postBond(w.t.deps, w.owner, {
      campaignId,
      amountCents: s.amount,
      postedAt: s.on,
    });
    bonds.push(b.id);
    groups.push(b.postedGroupId);
  } else if (s.t === "return" || s.t === "forfeit") {
    const id = bonds[s.pick % Math.max(1, bonds.length)];
    if (!id) return false;
    const b =
      s.t === "return"
        ? await returnBond(w.t.deps, w.owner, id, { interestCents: s.interest })
        : await forfeitBond(w.t.deps, w.owner, id);
    groups.push(b.settledGroupId ?? "");
  } else {
    const groupId = groups[s.pick % Math.max(1, groups.length)];
    if (!groupId) return false;
    await reverseEntry(w.t.deps, w.owner, { campaignId, groupId });
  }
  return true;
}

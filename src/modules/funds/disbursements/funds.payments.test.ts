import { beforeAll, describe, expect, it } from "vitest";
import { createOrg } from "../../../../test/support/app";
import { give, newCampaign, sqlBalances, unbalancedGroups } from "../../../../test/support/funds";
import { STORES } from "../../../../test/support/stores";
import { ownerAndTreasurer } from "../../../../test/support/suites";
import type { Actor } from "../../../platform/actor";
import { AppError } from "../../../platform/errors";
import { getBond } from "../bonds/bond-record";
import { forfeitBond } from "../bonds/forfeit-bond";
import { postBond } from "../bonds/post-bond";
import { returnBond } from "../bonds/return-bond";
import { getCampaignTotals, spendingByPurpose } from "../campaigns/campaign-totals";
import { getGift } from "../gifts/gift-record";
import { reverseEntry } from "../ledger/reverse-entry";
import { approveDisbursement } from "./approve-disbursement";
import { payDisbursement } from "./pay-disbursement";
import { rejectDisbursement } from "./reject-disbursement";
import { requestDisbursement } from "./request-disbursement";
import { setApprovalThreshold } from "./set-approval-threshold";

const code = (p: Promise<unknown>) =>
  p.then(
    () => "applied",
    (e: unknown) => {
      if (e instanceof AppError) return e.code;
      throw e;
    },
  );

describe.each(STORES)("payments, bonds and reversals on %s", (store) => {
  const w = ownerAndTreasurer(store);
  let other: Actor;

  beforeAll(async () => {
    other = (await createOrg(w.t, "Otra Organización")).actor;
  });

  const totals = (campaignId: string) =>
    getCampaignTotals(w.t.database.db, w.owner.orgId, campaignId);
  const ask = (campaignId: string, amountCents: number, by = w.owner) =>
    requestDisbursement(w.t.deps, by, {
      campaignId,
      amountCents,
      payee: "Despacho Legal Inventado",
      purpose: "legal_fees",
    });

  it("requested -> approved -> paid, with a second person above the threshold", async () => {
    const c = await newCampaign(w.t, w.owner);
    await give(w.t, w.owner, c.id, 100_000);
    const big = await ask(c.id, 60_000);
    expect(big.status).toBe("requested");
    expect(await code(approveDisbursement(w.t.deps, w.owner, big.id))).toBe("self_approval");
    expect(await code(payDisbursement(w.t.deps, w.owner, big.id))).toBe("wrong_status");
    const approved = await approveDisbursement(w.t.deps, w.treasurer, big.id);
    expect(approved).toMatchObject({ status: "approved", approvedBy: w.treasurer.userId });
    expect(await code(approveDisbursement(w.t.deps, w.treasurer, big.id))).toBe("wrong_status");
    const paid = await payDisbursement(w.t.deps, w.owner, big.id);
    expect(paid.status).toBe("paid");
    expect(paid.paidGroupId).not.toBeNull();
    expect(await code(payDisbursement(w.t.deps, w.owner, big.id))).toBe("wrong_status");

    // At or below the threshold, the requester may approve their own request.
    const small = await ask(c.id, 50_000);
    expect((await approveDisbursement(w.t.deps, w.owner, small.id)).status).toBe("approved");
    expect(await totals(c.id)).toMatchObject({ availableCents: 40_000, spentCents: 60_000 });
    expect((await spendingByPurpose(w.t.database.db, w.owner.orgId, c.id)).legal_fees).toBe(60_000);
  });

  it("uses the organization's threshold setting", async () => {
    const { actor: boss } = await createOrg(w.t, "Grupo con Umbral");
    await setApprovalThreshold(w.t.deps, boss, 0);
    const c = await newCampaign(w.t, boss);
    const d = await ask(c.id, 1, boss);
    expect(await code(approveDisbursement(w.t.deps, boss, d.id))).toBe("self_approval");
    await setApprovalThreshold(w.t.deps, boss, 10);
    expect(await code(approveDisbursement(w.t.deps, boss, d.id))).toBe("applied");
  });

  it("refuses to pay beyond the available balance, even for concurrent payments", async () => {
    const c = await newCampaign(w.t, w.owner);
    await give(w.t, w.owner, c.id, 10_000);
    const a = await ask(c.id, 6_000, w.treasurer);
    const b = await ask(c.id, 6_000, w.treasurer);
    await approveDisbursement(w.t.deps, w.owner, a.id);
    await approveDisbursement(w.t.deps, w.owner, b.id);
    const outcomes = await Promise.all([
      code(payDisbursement(w.t.deps, w.owner, a.id)),
      code(payDisbursement(w.t.deps, w.owner, b.id)),
    ]);
    expect([...outcomes].sort()).toEqual(["applied", "insufficient_funds"]);
    expect(await totals(c.id)).toMatchObject({ availableCents: 4_000, spentCents: 6_000 });
    // The refused one is still approved: it can be paid once money comes in.
    await give(w.t, w.owner, c.id, 2_000);
    const unpaid = outcomes[0] === "applied" ? b : a;
    expect(await code(payDisbursement(w.t.deps, w.owner, unpaid.id))).toBe("applied");
    expect((await totals(c.id))?.availableCents).toBe(0);
  });

  it("rejects a request, and refuses steps that don't follow", async () => {
    const c = await newCampaign(w.t, w.owner);
    const d = await ask(c.id, 100);
    expect((await rejectDisbursement(w.t.deps, w.treasurer, d.id)).status).toBe("rejected");
    expect(await code(approveDisbursement(w.t.deps, w.treasurer, d.id))).toBe("wrong_status");
    expect(await code(rejectDisbursement(w.t.deps, w.treasurer, d.id))).toBe("wrong_status");
  });

  it("posts a bond, returns it with interest once, and refuses a second return", async () => {
    const c = await newCampaign(w.t, w.owner);
    await give(w.t, w.owner, c.id, 300_000);
    const bond = await postBond(w.t.deps, w.owner, { campaignId: c.id, amountCents: 250_000 });
    expect(await totals(c.id)).toMatchObject({ availableCents: 50_000, onBondCents: 250_000 });
    expect(await code(postBond(w.t.deps, w.owner, { campaignId: c.id, amountCents: 50_001 }))).toBe(
      "insufficient_funds",
    );
    const returned = await returnBond(w.t.deps, w.owner, bond.id, { interestCents: 1_250 });
    expect(returned).toMatchObject({ status: "returned", interestCents: 1_250 });
    expect(await totals(c.id)).toMatchObject({
      availableCents: 301_250,
      onBondCents: 0,
      interestCents: 1_250,
      raisedCents: 300_000,
    });
    const twice = await Promise.all([
      code(returnBond(w.t.deps, w.owner, bond.id, { interestCents: 0 })),
      code(forfeitBond(w.t.deps, w.owner, bond.id)),
    ]);
    expect(twice).toEqual(["bond_settled", "bond_settled"]);
    expect((await totals(c.id))?.availableCents).toBe(301_250);
  });

  it("forfeits a bond and writes it off", async () => {
    const c = await newCampaign(w.t, w.owner);
    await give(w.t, w.owner, c.id, 100_000);
    const bond = await postBond(w.t.deps, w.owner, { campaignId: c.id, amountCents: 100_000 });
    expect((await forfeitBond(w.t.deps, w.owner, bond.id)).status).toBe("forfeited");
    expect(await totals(c.id)).toMatchObject({
      availableCents: 0,
      onBondCents: 0,
      forfeitedCents: 100_000,
    });
    expect(await code(returnBond(w.t.deps, w.owner, bond.id))).toBe("bond_settled");
  });

  it("corrects with reversals linked to the original, never edits", async () => {
    const c = await newCampaign(w.t, w.owner);
    const gift = await give(w.t, w.owner, c.id, 5_000);
    const { reversalGroupId } = await reverseEntry(w.t.deps, w.owner, {
      campaignId: c.id,
      groupId: gift.groupId,
      memo: "Se registró dos veces",
    });
    expect((await getGift(w.t.database.db, w.owner.orgId, gift.id))?.reversed).toBe(true);
    expect(await totals(c.id)).toMatchObject({ raisedCents: 0, gifts: 0, availableCents: 0 });
    const again = reverseEntry(w.t.deps, w.owner, { campaignId: c.id, groupId: gift.groupId });
    expect(await code(again)).toBe("already_reversed");
    const undo = reverseEntry(w.t.deps, w.owner, { campaignId: c.id, groupId: reversalGroupId });
    expect(await code(undo)).toBe("not_reversible");

    // A reversed payment is cancelled and its money is available again.
    await give(w.t, w.owner, c.id, 1_000);
    const d = await ask(c.id, 400);
    await approveDisbursement(w.t.deps, w.owner, d.id);
    const paid = await payDisbursement(w.t.deps, w.owner, d.id);
    await reverseEntry(w.t.deps, w.owner, { campaignId: c.id, groupId: paid.paidGroupId ?? "" });
    expect(await totals(c.id)).toMatchObject({ availableCents: 1_000, spentCents: 0 });
    expect((await spendingByPurpose(w.t.database.db, w.owner.orgId, c.id)).legal_fees).toBe(0);

    // A reversed return reopens the bond; a reversed posting voids it.
    const bond = await postBond(w.t.deps, w.owner, { campaignId: c.id, amountCents: 1_000 });
    const back = await returnBond(w.t.deps, w.owner, bond.id);
    const voidPosting = () =>
      reverseEntry(w.t.deps, w.owner, { campaignId: c.id, groupId: bond.postedGroupId });
    expect(await code(voidPosting())).toBe("bond_settled");
    await reverseEntry(w.t.deps, w.owner, { campaignId: c.id, groupId: back.settledGroupId ?? "" });
    expect((await getBond(w.t.database.db, w.owner.orgId, bond.id))?.status).toBe("outstanding");
    await voidPosting();
    expect((await getBond(w.t.database.db, w.owner.orgId, bond.id))?.status).toBe("voided");
    expect(await totals(c.id)).toMatchObject({ availableCents: 1_000, onBondCents: 0 });
    expect(await unbalancedGroups(w.t)).toEqual([]);
  });

  it("refuses to reverse a gift whose money was already spent", async () => {
    const c = await newCampaign(w.t, w.owner);
    const gift = await give(w.t, w.owner, c.id, 1_000);
    const d = await ask(c.id, 800);
    await approveDisbursement(w.t.deps, w.owner, d.id);
    await payDisbursement(w.t.deps, w.owner, d.id);
    expect(
      await code(reverseEntry(w.t.deps, w.owner, { campaignId: c.id, groupId: gift.groupId })),
    ).toBe("insufficient_funds");
  });

  it("gives 404 for another organization's campaign, payment, bond and movement", async () => {
    const c = await newCampaign(w.t, w.owner);
    const gift = await give(w.t, w.owner, c.id, 10_000);
    const d = await ask(c.id, 100);
    const bond = await postBond(w.t.deps, w.owner, { campaignId: c.id, amountCents: 1_000 });
    const attempts: (() => Promise<unknown>)[] = [
      () =>
        requestDisbursement(w.t.deps, other, {
          campaignId: c.id,
          amountCents: 1,
          payee: "x",
          purpose: "other",
        }),
      () => approveDisbursement(w.t.deps, other, d.id),
      () => rejectDisbursement(w.t.deps, other, d.id),
      () => payDisbursement(w.t.deps, other, d.id),
      () => postBond(w.t.deps, other, { campaignId: c.id, amountCents: 1 }),
      () => returnBond(w.t.deps, other, bond.id),
      () => forfeitBond(w.t.deps, other, bond.id),
      () => reverseEntry(w.t.deps, other, { campaignId: c.id, groupId: gift.groupId }),
    ];
    for (const attempt of attempts) expect(await code(attempt())).toBe("not_found");
    // And a movement of one campaign can'w.t be reversed through another.
    const mine = await newCampaign(w.t, w.owner);
    expect(
      await code(reverseEntry(w.t.deps, w.owner, { campaignId: mine.id, groupId: gift.groupId })),
    ).toBe("not_found");
    expect(await sqlBalances(w.t, c.id)).toMatchObject({ fund: 9_000, bonds_receivable: 1_000 });
  });
});

import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, type FieldErrors, invalid } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { can } from "../../platform/permissions";
import { isValidDate } from "../../platform/time";
import { getCampaign } from "../funds/campaigns/campaign-record";
import { approveDisbursement } from "../funds/disbursements/approve-disbursement";
import { payDisbursement } from "../funds/disbursements/pay-disbursement";
import { requestDisbursement } from "../funds/disbursements/request-disbursement";
import { type DepositKind, supplyDeposits } from "./supplies.schema";

export type DepositInput = {
  campaignId: string;
  kind: DepositKind;
  amountCents: number;
  facility: string;
  vendor: string;
  /** The deposit's confirmation number; only its last four characters are kept. */
  reference: string;
  depositedOn: string;
};

export type RecordedDeposit = { id: string; disbursementId: string; status: string };

/** The last four letters or digits of a reference ("TX-99812-7741" -> "7741"), or null. */
export function lastFour(reference: string): string | null {
  const chars = reference.replace(/[^\p{L}\p{N}]/gu, "");
  return chars ? chars.slice(-4) : null;
}

/**
 * Money put on a detained member's commissary or phone account. The money moves on the
 * funds ledger through funds' published operations: a disbursement with the
 * detention_accounts purpose, requested and, when this person may approve it and the
 * fund has the money, approved and paid at once; otherwise it waits in funds for a second
 * approver. This row keeps what the volunteer needs to find the deposit again, tied to the
 * fund's case; never the whole reference, never the A-number. All of it is one transaction.
 */
export async function recordDeposit(
  deps: Deps,
  actor: Actor,
  input: DepositInput,
): Promise<RecordedDeposit> {
  const fields: FieldErrors = {};
  const facility = input.facility.trim();
  const vendor = input.vendor.trim();
  if (!facility) fields.facility = "required";
  else if (facility.length > 160) fields.facility = "too_long";
  if (!vendor) fields.vendor = "required";
  else if (vendor.length > 120) fields.vendor = "too_long";
  if (input.reference.length > 200) fields.reference = "too_long";
  if (!isValidDate(input.depositedOn)) fields.depositedOn = "invalid_date";
  const campaign = await getCampaign(deps.db, actor.orgId, input.campaignId);
  if (!campaign) fields.campaignId = "invalid_choice";
  if (Object.keys(fields).length > 0 || !campaign) throw invalid(fields);
  // One transaction: the request, this row, and (when they can be taken) the approval and
  // the payment. Funds' operations run as savepoints inside it (op.inner()), so a failure
  // anywhere leaves nothing half-written; a refused approval or payment is rolled back alone
  // and the request waits in Funds.
  return runOperation(deps, actor, async (op) => {
    const funds = op.inner();
    const disbursement = await requestDisbursement(funds, actor, {
      campaignId: campaign.id,
      amountCents: input.amountCents,
      payee: vendor,
      purpose: "detention_accounts",
      memo: `${input.kind === "commissary" ? "Comisaría / commissary" : "Teléfono / phone"} · ${facility}`,
    });
    const depositId = randomUUID();
    await op.tx.insert(supplyDeposits).values({
      id: depositId,
      orgId: actor.orgId,
      caseId: campaign.caseId,
      kind: input.kind,
      amountCents: disbursement.amountCents,
      currency: disbursement.currency,
      facility,
      vendor,
      referenceLast4: lastFour(input.reference),
      depositedOn: input.depositedOn,
      disbursementId: disbursement.id,
      recordedBy: actor.userId,
    });
    await op.audit(
      "supply_deposit.recorded",
      { type: "supply_deposit", id: depositId },
      {
        kind: input.kind,
        disbursement_id: disbursement.id,
      },
    );
    let status: string = disbursement.status;
    if (can(actor.role, "funds.approve")) {
      try {
        status = (await approveDisbursement(funds, actor, disbursement.id)).status;
        status = (await payDisbursement(funds, actor, disbursement.id)).status;
      } catch (error) {
        // Above the threshold a second person approves; without the money it waits. Both
        // are normal: the request stays in funds for the team to finish.
        if (!(error instanceof AppError)) throw error;
      }
    }
    return { id: depositId, disbursementId: disbursement.id, status };
  });
}

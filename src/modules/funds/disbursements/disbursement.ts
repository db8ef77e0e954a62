// Pure rules for payments out: who may approve, which step may follow which. No I/O.
// detention_accounts: money on a detained member's commissary or phone account (see supplies).
export const DISBURSEMENT_PURPOSES = [
  "legal_fees",
  "bond",
  "family_support",
  "detention_accounts",
  "other",
] as const;
export type DisbursementPurpose = (typeof DISBURSEMENT_PURPOSES)[number];

export const DISBURSEMENT_STATUSES = [
  "requested",
  "approved",
  "paid",
  "rejected",
  "cancelled",
] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];

/** The setting's default: above $500.00 the approver must be someone else. */
export const DEFAULT_APPROVAL_THRESHOLD_CENTS = 50_000;

export type DisbursementStep = "approve" | "reject" | "pay";

const FROM: Record<DisbursementStep, readonly DisbursementStatus[]> = {
  approve: ["requested"],
  reject: ["requested", "approved"],
  pay: ["approved"],
};

export function canTakeStep(status: DisbursementStatus, step: DisbursementStep): boolean {
  return FROM[step].includes(status);
}

/** Above the threshold (strictly), the requester may not approve their own request. */
export function needsSecondPerson(amountCents: number, thresholdCents: number): boolean {
  return amountCents > thresholdCents;
}

export function approvalProblem(
  d: { status: DisbursementStatus; amountCents: number; requestedBy: string | null },
  approverId: string | null,
  thresholdCents: number,
): "wrong_status" | "self_approval" | null {
  if (!canTakeStep(d.status, "approve")) return "wrong_status";
  if (!needsSecondPerson(d.amountCents, thresholdCents)) return null;
  // An actor with no user (a system job) can never be the second person.
  if (approverId === null || approverId === d.requestedBy) return "self_approval";
  return null;
}

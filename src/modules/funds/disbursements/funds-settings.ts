import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { type Cents, cents } from "../../../platform/money";
import { fundsSettings } from "../funds.schema";
import { DEFAULT_APPROVAL_THRESHOLD_CENTS } from "./disbursement";

/** The organization's approval threshold (funds_settings), or the default of $500.00. */
export async function getApprovalThreshold(db: Db, orgId: string): Promise<Cents> {
  const [row] = await db
    .select({ threshold: fundsSettings.approvalThresholdCents })
    .from(fundsSettings)
    .where(eq(fundsSettings.orgId, orgId));
  return cents(row?.threshold ?? DEFAULT_APPROVAL_THRESHOLD_CENTS);
}

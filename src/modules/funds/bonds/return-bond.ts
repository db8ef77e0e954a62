import type { Actor, Deps } from "../../../platform/actor";
import { invalid } from "../../../platform/errors";
import { cents } from "../../../platform/money";
import type { BondRecord } from "./bond-record";
import { settleBond } from "./settle-bond";

export type ReturnBondInput = {
  /** Interest paid with the principal; 0 when none. */
  interestCents?: number;
  returnedAt?: Date | null;
  memo?: string | null;
};

/** The bond comes back: principal plus any interest into the fund. A second return is refused. */
export async function returnBond(
  deps: Deps,
  actor: Actor,
  id: string,
  input: ReturnBondInput = {},
): Promise<BondRecord> {
  const interest = input.interestCents ?? 0;
  if (!Number.isSafeInteger(interest)) {
    throw invalid({
      interest: Number.isInteger(interest) ? "amount_too_large" : "amount_fractional",
    });
  }
  if (interest < 0) throw invalid({ interest: "amount_not_positive" });
  return settleBond(
    deps,
    actor,
    id,
    { kind: "bond_returned", interest: cents(interest) },
    {
      settledAt: input.returnedAt ?? null,
      memo: input.memo ?? null,
    },
  );
}

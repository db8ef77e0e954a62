import type { Actor, Deps } from "../../../platform/actor";
import type { BondRecord } from "./bond-record";
import { settleBond } from "./settle-bond";

/** The bond is lost: written off (bonds receivable -> outside). Refused once it is settled. */
export async function forfeitBond(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { forfeitedAt?: Date | null; memo?: string | null } = {},
): Promise<BondRecord> {
  return settleBond(
    deps,
    actor,
    id,
    { kind: "bond_forfeited" },
    {
      settledAt: input.forfeitedAt ?? null,
      memo: input.memo ?? null,
    },
  );
}

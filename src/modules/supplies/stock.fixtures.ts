// Builders for ledger tests: short names so a test reads as the story it checks.
import { milli } from "./quantity";
import type { Movement, Pledge, Proposal } from "./stock";

export const units = (n: number) => milli(n * 1000);

export function move(
  id: string,
  kind: Movement["kind"],
  quantity: number,
  extra: { need?: string; point?: string | null; pledge?: string } = {},
): Proposal {
  return {
    op: "record",
    movement: {
      id,
      needId: extra.need ?? "n1",
      pointId: extra.point === undefined ? "p1" : extra.point,
      kind,
      quantity: units(quantity),
      pledgeId: extra.pledge ?? null,
    },
  };
}

export const undo = (id: string, target: string): Proposal => ({ op: "reverse", id, target });

export function pledge(
  id: string,
  quantity: number,
  expiresAt: number,
  extra: { need?: string; cancelled?: boolean } = {},
): Pledge {
  return {
    id,
    needId: extra.need ?? "n1",
    quantity: units(quantity),
    expiresAt,
    cancelled: extra.cancelled ?? false,
  };
}

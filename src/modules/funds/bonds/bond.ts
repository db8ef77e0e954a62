// Pure: the life of a bond row. A posted bond is outstanding until it is returned or
// forfeited; a reversed posting is voided.

export const BOND_STATUSES = ["outstanding", "returned", "forfeited", "voided"] as const;
export type BondRowStatus = (typeof BOND_STATUSES)[number];

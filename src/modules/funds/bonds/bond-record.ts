import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { ownRow } from "../../../db/columns";
import { type Cents, type Currency, cents } from "../../../platform/money";
import { bonds } from "../funds.schema";
import type { BondRowStatus } from "./bond";

export type BondRecord = {
  id: string;
  campaignId: string;
  principalCents: Cents;
  currency: Currency;
  status: BondRowStatus;
  postedGroupId: string;
  postedAt: Date;
  settledGroupId: string | null;
  settledAt: Date | null;
  interestCents: Cents | null;
  memo: string | null;
  createdAt: Date;
};

function fromRow(row: typeof bonds.$inferSelect): BondRecord {
  return {
    id: row.id,
    campaignId: row.campaignId,
    principalCents: cents(row.principalCents),
    currency: row.currency,
    status: row.status,
    postedGroupId: row.postedGroupId,
    postedAt: row.postedAt,
    settledGroupId: row.settledGroupId,
    settledAt: row.settledAt,
    interestCents: row.interestCents === null ? null : cents(row.interestCents),
    memo: row.memo,
    createdAt: row.createdAt,
  };
}

export async function getBond(db: Db, orgId: string, id: string): Promise<BondRecord | null> {
  const [row] = await db
    .select()
    .from(bonds)
    .where(ownRow(bonds, orgId, id));
  return row ? fromRow(row) : null;
}

/** Locks the bond row (after its campaign's, see pay-disbursement). */
export async function lockBond(tx: Db, orgId: string, id: string): Promise<BondRecord | null> {
  const [row] = await tx
    .select()
    .from(bonds)
    .where(ownRow(bonds, orgId, id))
    .for("update");
  return row ? fromRow(row) : null;
}

export async function listBonds(db: Db, orgId: string, campaignId: string): Promise<BondRecord[]> {
  const rows = await db
    .select()
    .from(bonds)
    .where(and(eq(bonds.orgId, orgId), eq(bonds.campaignId, campaignId)))
    .orderBy(desc(bonds.postedAt), desc(bonds.createdAt));
  return rows.map(fromRow);
}

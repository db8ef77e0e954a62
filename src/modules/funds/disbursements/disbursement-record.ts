import { aliasedTable, and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { ownRow, ownRows } from "../../../db/columns";
import { type Cents, type Currency, cents } from "../../../platform/money";
import { users } from "../../../platform/platform.schema";
import { campaigns, disbursements } from "../funds.schema";
import type { DisbursementPurpose, DisbursementStatus } from "./disbursement";

export type Disbursement = {
  id: string;
  campaignId: string;
  amountCents: Cents;
  currency: Currency;
  payee: string;
  purpose: DisbursementPurpose;
  memo: string | null;
  status: DisbursementStatus;
  requestedBy: string | null;
  requestedByName: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  paidGroupId: string | null;
  paidAt: Date | null;
  createdAt: Date;
};

const requester = aliasedTable(users, "requester");
const approver = aliasedTable(users, "approver");

const select = (db: Db) =>
  db
    .select({ row: disbursements, requestedByName: requester.name, approvedByName: approver.name })
    .from(disbursements)
    .leftJoin(requester, eq(requester.id, disbursements.requestedBy))
    .leftJoin(approver, eq(approver.id, disbursements.approvedBy));

function fromRow(r: {
  row: typeof disbursements.$inferSelect;
  requestedByName: string | null;
  approvedByName: string | null;
}): Disbursement {
  const { row } = r;
  return {
    id: row.id,
    campaignId: row.campaignId,
    amountCents: cents(row.amountCents),
    currency: row.currency,
    payee: row.payee,
    purpose: row.purpose,
    memo: row.memo,
    status: row.status,
    requestedBy: row.requestedBy,
    requestedByName: r.requestedByName,
    approvedBy: row.approvedBy,
    approvedByName: r.approvedByName,
    approvedAt: row.approvedAt,
    paidGroupId: row.paidGroupId,
    paidAt: row.paidAt,
    createdAt: row.createdAt,
  };
}

export async function getDisbursement(
  db: Db,
  orgId: string,
  id: string,
): Promise<Disbursement | null> {
  const [row] = await select(db).where(ownRow(disbursements, orgId, id));
  return row ? fromRow(row) : null;
}

/** Locks the request's row (after its campaign's, when money moves: see pay-disbursement). */
export async function lockDisbursement(tx: Db, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(disbursements)
    .where(ownRow(disbursements, orgId, id))
    .for("update");
  return row ?? null;
}

export async function listDisbursements(
  db: Db,
  orgId: string,
  campaignId: string,
): Promise<Disbursement[]> {
  const rows = await select(db)
    .where(and(eq(disbursements.orgId, orgId), eq(disbursements.campaignId, campaignId)))
    .orderBy(desc(disbursements.createdAt))
    .limit(100);
  return rows.map(fromRow);
}

export type PendingDisbursement = Disbursement & { campaignTitle: { es: string; en: string } };

/** Requests waiting for approval and approved ones waiting to be paid, oldest first. */
export async function pendingDisbursements(
  db: Db,
  orgId: string,
  limit = 10,
): Promise<PendingDisbursement[]> {
  const rows = await select(db)
    .where(
      and(eq(disbursements.orgId, orgId), inArray(disbursements.status, ["requested", "approved"])),
    )
    .orderBy(asc(disbursements.createdAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const titles = await db
    .select({ id: campaigns.id, es: campaigns.titleEs, en: campaigns.titleEn })
    .from(campaigns)
    .where(ownRows(campaigns, orgId, [...new Set(rows.map((r) => r.row.campaignId))]));
  const byId = new Map(titles.map((t) => [t.id, { es: t.es, en: t.en }]));
  return rows.map((r) => ({
    ...fromRow(r),
    campaignTitle: byId.get(r.row.campaignId) ?? { es: "", en: "" },
  }));
}

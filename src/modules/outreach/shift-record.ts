import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ownRow } from "../../db/columns";
import { fold, likePattern } from "../../platform/text";
import { monthKey } from "../../platform/time";
import { outreachShiftPeople, outreachShifts, type ShiftPart } from "./outreach.schema";
import type { ShiftCounts, ShiftForTotals, ShiftKind } from "./shift";

// Reading shifts back into the domain shape; shared by the outreach operations and pages.

export type Shift = ShiftCounts & {
  id: string;
  eventId: string | null;
  kind: ShiftKind;
  area: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  notes: string | null;
  team: string[];
  signUps: string[];
  createdAt: Date;
  updatedAt: Date;
};

export type ShiftListItem = Omit<Shift, "team" | "signUps" | "notes"> & {
  teamSize: number;
  signUpCount: number;
};

/** A shift's counts (never who was met): the shift and the totals read them alike. */
const countColumns = {
  flyers: outreachShifts.flyers,
  conversations: outreachShifts.conversations,
  receptive: outreachShifts.receptive,
  neutral: outreachShifts.neutral,
  notInterested: outreachShifts.notInterested,
};

const columns = {
  id: outreachShifts.id,
  eventId: outreachShifts.eventId,
  kind: outreachShifts.kind,
  area: outreachShifts.area,
  startsAt: outreachShifts.startsAt,
  endsAt: outreachShifts.endsAt,
  timeZone: outreachShifts.timeZone,
  ...countColumns,
  createdAt: outreachShifts.createdAt,
  updatedAt: outreachShifts.updatedAt,
};

export function shiftSearchText(input: { area: string; notes: string | null }): string {
  return fold([input.area, input.notes ?? ""].join(" ")).trim();
}

/** `getX` returns null: unknown id and another organization's id look the same. */
export async function getShift(db: Db, orgId: string, id: string): Promise<Shift | null> {
  const [row] = await db
    .select({ ...columns, notes: outreachShifts.notes })
    .from(outreachShifts)
    .where(ownRow(outreachShifts, orgId, id));
  if (!row) return null;
  const people = await db
    .select({ personId: outreachShiftPeople.personId, part: outreachShiftPeople.part })
    .from(outreachShiftPeople)
    .where(and(eq(outreachShiftPeople.orgId, orgId), eq(outreachShiftPeople.shiftId, id)))
    .orderBy(asc(outreachShiftPeople.createdAt));
  const of = (part: ShiftPart) => people.filter((p) => p.part === part).map((p) => p.personId);
  return { ...row, team: of("team"), signUps: of("sign_up") };
}

const peopleCount = (part: ShiftPart) =>
  sql<number>`(SELECT count(*) FROM ${outreachShiftPeople}
    WHERE ${outreachShiftPeople.shiftId} = ${outreachShifts.id}
      AND ${outreachShiftPeople.part} = ${part})`.mapWith(Number);

export type ShiftQuery = { q?: string; eventId?: string; page: number; perPage: number };

function whereFor(orgId: string, query: Omit<ShiftQuery, "page" | "perPage">): SQL | undefined {
  const conditions: SQL[] = [eq(outreachShifts.orgId, orgId)];
  for (const term of fold(query.q ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)) {
    const pattern = likePattern(term);
    conditions.push(sql`${outreachShifts.searchText} LIKE ${pattern}`);
  }
  if (query.eventId) conditions.push(eq(outreachShifts.eventId, query.eventId));
  return and(...conditions);
}

/** Newest first, searched by area and notes. */
export async function listShifts(
  db: Db,
  orgId: string,
  query: ShiftQuery,
): Promise<{ items: ShiftListItem[]; total: number }> {
  const where = whereFor(orgId, query);
  const items = await db
    .select({ ...columns, teamSize: peopleCount("team"), signUpCount: peopleCount("sign_up") })
    .from(outreachShifts)
    .where(where)
    .orderBy(desc(outreachShifts.startsAt), asc(outreachShifts.id))
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage);
  return { items, total: await db.$count(outreachShifts, where) };
}

/**
 * The counts of every shift (optionally of one action), with each shift's month on the
 * organization's calendar, for the pure totals in shift.ts.
 */
export async function shiftsForTotals(
  db: Db,
  orgId: string,
  timeZone: string,
  filter: { eventIds?: string[] } = {},
): Promise<ShiftForTotals[]> {
  const conditions: SQL[] = [eq(outreachShifts.orgId, orgId)];
  if (filter.eventIds) {
    if (filter.eventIds.length === 0) return [];
    conditions.push(inArray(outreachShifts.eventId, filter.eventIds));
  }
  const rows = await db
    .select({
      eventId: outreachShifts.eventId,
      startsAt: outreachShifts.startsAt,
      ...countColumns,
      team: peopleCount("team"),
      signUps: peopleCount("sign_up"),
    })
    .from(outreachShifts)
    .where(and(...conditions));
  return rows.map(({ startsAt, ...r }) => ({ ...r, monthKey: monthKey(startsAt, timeZone) }));
}

import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { findPersonIds, getPersonNames } from "../people/person-names";
import type { AttendanceStatus } from "./action";
import { actionAttendances } from "./actions.schema";

// Who to show on the check-in screen: with a search, the organization's people who match
// (on the list or walking in); without, the people on the list, not yet arrived first.

export type CheckInRow = {
  personId: string;
  displayName: string;
  status: AttendanceStatus | null;
  checkedInAt: Date | null;
};

export async function checkInList(
  db: Db,
  orgId: string,
  eventId: string,
  q: string,
  limit = 60,
): Promise<CheckInRow[]> {
  const mine = and(eq(actionAttendances.eventId, eventId), eq(actionAttendances.orgId, orgId));
  const columns = {
    personId: actionAttendances.personId,
    status: actionAttendances.status,
    checkedInAt: actionAttendances.checkedInAt,
  };
  let ids: string[];
  let rows: { personId: string; status: AttendanceStatus; checkedInAt: Date | null }[];
  if (q.trim()) {
    ids = await findPersonIds(db, orgId, q, limit);
    rows = ids.length
      ? await db
          .select(columns)
          .from(actionAttendances)
          .where(and(mine, inArray(actionAttendances.personId, ids)))
      : [];
  } else {
    rows = await db
      .select(columns)
      .from(actionAttendances)
      .where(
        and(mine, inArray(actionAttendances.status, ["invited", "going", "maybe", "attended"])),
      )
      .orderBy(sql`${actionAttendances.checkedInAt} IS NOT NULL`, asc(actionAttendances.createdAt))
      .limit(limit);
    ids = rows.map((r) => r.personId);
  }
  const names = await getPersonNames(db, orgId, ids);
  const byPerson = new Map(rows.map((r) => [r.personId, r]));
  return ids
    .filter((id) => names.has(id))
    .map((id) => ({
      personId: id,
      displayName: names.get(id) ?? "",
      status: byPerson.get(id)?.status ?? null,
      checkedInAt: byPerson.get(id)?.checkedInAt ?? null,
    }))
    .sort(
      (a, b) =>
        Number(!!a.checkedInAt) - Number(!!b.checkedInAt) ||
        a.displayName.localeCompare(b.displayName),
    );
}

/** Every check-in time of the event (both organizations'): turnout by the hour. */
export async function checkInTimes(db: Db, eventId: string): Promise<Date[]> {
  const rows = await db
    .select({ at: actionAttendances.checkedInAt })
    .from(actionAttendances)
    .where(and(eq(actionAttendances.eventId, eventId), isNotNull(actionAttendances.checkedInAt)));
  return rows.map((r) => r.at).filter((d): d is Date => d !== null);
}

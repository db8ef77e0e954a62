import type { Db } from "../../db/client";
import { invalid } from "../../platform/errors";
import { zonedToInstant } from "../../platform/time";
import { getEvent } from "../actions/index";
import { getPersonNames } from "../people/person-names";
import { outreachShiftPeople } from "./outreach.schema";
import type { ShiftFields } from "./shift";
import { shiftSearchText } from "./shift-record";
import "./outreach.errors";

// Checks shared by create-shift.ts and update-shift.ts: the linked action and the team must
// be the organization's own, and the wall-clock times must exist in the shift's zone.

export async function resolveShift(db: Db, orgId: string, input: ShiftFields) {
  const startsAt = zonedToInstant(input.date, input.startTime, input.timeZone);
  const endsAt = zonedToInstant(input.date, input.endTime, input.timeZone);
  if (!startsAt) throw invalid({ startTime: "invalid_clock" });
  if (!endsAt || endsAt <= startsAt) throw invalid({ endTime: "end_before_start" });
  if (input.eventId && !(await getEvent(db, orgId, input.eventId))) {
    throw invalid({ eventId: "not_found_choice" });
  }
  const names = await getPersonNames(db, orgId, input.team);
  if (input.team.some((id) => !names.has(id.toLowerCase()) && !names.has(id))) {
    throw invalid({ team: "not_found_choice" });
  }
  // The shift's columns as create and update both write them.
  const columns = {
    eventId: input.eventId,
    kind: input.kind,
    area: input.area,
    startsAt,
    endsAt,
    timeZone: input.timeZone,
    flyers: input.flyers,
    conversations: input.conversations,
    receptive: input.receptive,
    neutral: input.neutral,
    notInterested: input.notInterested,
    notes: input.notes,
    searchText: shiftSearchText(input),
  };
  return { columns, team: input.team.map((id) => id.toLowerCase()) };
}

/** Writes a shift's team (the people who went), ids as resolveShift gave them. */
export async function insertTeam(tx: Db, orgId: string, shiftId: string, team: string[]) {
  if (team.length === 0) return;
  await tx
    .insert(outreachShiftPeople)
    .values(team.map((personId) => ({ orgId, shiftId, personId, part: "team" as const })));
}

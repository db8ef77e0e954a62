import { sql } from "drizzle-orm";
import { z } from "zod";
import { sqlOnce } from "../../db/prepared";
import type { Actor, Deps } from "../../platform/actor";
import { auditFrom } from "../../platform/audit";
import { invalid, notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { ownPersonQuery } from "../people/person-names";
import { actionsErrors } from "./actions.errors";
import { parseOrThrow } from "./plan-guards";

const CheckInSchema = z.object({
  personId: z.uuid(actionsErrors.field.person_not_found).transform((v) => v.toLowerCase()),
});

const p = {
  orgId: sql.placeholder("orgId"),
  userId: sql.placeholder("userId"),
  eventId: sql.placeholder("eventId"),
  personId: sql.placeholder("personId"),
  now: sql.placeholder("now"),
};

// A check-in is ONE statement, its own transaction (decision 101), built once
// (db/prepared.ts): the event the organization hosts or co-hosts (accepted), the person if
// it is one of the organization's own, the upsert (one row per event and person: the first
// check-in time stays) and the audit row of a first check-in, which exists exactly when that
// check-in does. It answers whether the event and the person were found, so a refusal is the
// same 404 or 422 as before, and the row as it is now (no read-back).
const checkInStatement = sqlOnce<
  { orgId: string; userId: string | null; eventId: string; personId: string; now: string },
  {
    event_found: boolean;
    person_found: boolean;
    id: string | null;
    checked_in_at: Date | string | null;
    first: boolean | null;
  }
>(() => {
  const audit = auditFrom(
    p,
    "action.checked_in",
    { type: "action", id: sql`up.event_id` },
    sql`jsonb_build_object('attendanceId', up.id)`,
    sql`up WHERE up.first`,
  );
  return sql`
    WITH ev AS (
      SELECT e.id FROM action_events e
      WHERE e.id = ${p.eventId}
        AND (e.org_id = ${p.orgId} OR EXISTS (
          SELECT 1 FROM action_cohosts c
          WHERE c.event_id = e.id AND c.cohost_org_id = ${p.orgId} AND c.status = 'accepted'))
    ),
    who AS (${ownPersonQuery(p.orgId, p.personId)}),
    up AS (
      INSERT INTO action_attendances AS a (org_id, event_id, person_id, status, checked_in_at)
      SELECT ${p.orgId}, ev.id, who.id, 'attended', ${p.now}::timestamptz FROM ev, who
      ON CONFLICT (event_id, person_id) DO UPDATE
        SET status = 'attended',
          checked_in_at = coalesce(a.checked_in_at, excluded.checked_in_at),
          updated_at = excluded.checked_in_at
        WHERE a.org_id = ${p.orgId}
      RETURNING a.id, a.event_id, a.checked_in_at, a.checked_in_at = ${p.now}::timestamptz AS first
    ),
    au AS (${audit})
    SELECT EXISTS (SELECT 1 FROM ev) AS event_found, EXISTS (SELECT 1 FROM who) AS person_found,
      up.id, up.checked_in_at, up.first
    FROM (SELECT 1) AS one LEFT JOIN up ON true`;
});

/**
 * Marks someone as there. Checking the same person in twice is one check-in: the first
 * time stays (the unique row per event and person, upserted). Returns whether it was new.
 * Another organization's event (not co-hosted) is a 404; another organization's person a 422.
 */
export async function checkIn(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const { personId } = parseOrThrow(CheckInSchema, input);
  if (!isUuid(eventId)) throw notFound();
  const now = new Date();
  const [row] = await checkInStatement(deps.db, {
    orgId: actor.orgId,
    userId: actor.userId,
    eventId: eventId.toLowerCase(),
    personId,
    now: now.toISOString(),
  });
  if (!row?.event_found) throw notFound();
  if (!row.person_found) throw invalid({ personId: actionsErrors.field.person_not_found });
  if (!row.id || !row.checked_in_at) throw new Error("check-in upsert returned nothing");
  const checkedInAt = new Date(row.checked_in_at);
  return { id: row.id, eventId: eventId.toLowerCase(), personId, checkedInAt, first: !!row.first };
}

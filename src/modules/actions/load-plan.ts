import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { organizations } from "../../platform/platform.schema";
import { getPersonSummaries } from "../people/person-summaries";
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  type EventKind,
  isComing,
  isOrganizerLevel,
} from "./action";
import {
  actionAttendances,
  actionChants,
  actionCohosts,
  actionMaterials,
  actionPairs,
  actionRoles,
  actionSteps,
  type CohostStatus,
} from "./actions.schema";
import type { EventAccess } from "./event-record";
import { type Readiness, readiness } from "./readiness";
import { peoplePerMarshal } from "./set-marshal-ratio";

// The whole plan of one action as the plan page, the day sheet and the API read it, with
// its readiness. People of a co-host organization come with their display name only.

export type OpenLesson = { id: string; text: string };
/** Open lessons from earlier reviews of the same kind (the reviews module, injected in app.ts). */
export type OpenLessonsFn = (args: {
  db: Db;
  orgId: string;
  eventId: string;
  kind: EventKind;
}) => Promise<OpenLesson[]>;
export const noOpenLessons: OpenLessonsFn = async () => [];

export type PlanPerson = {
  id: string;
  displayName: string;
  /** Of the reader's organization: phone and a link to the person page are shown. */
  own: boolean;
  phone: string | null;
  organizer: boolean;
};

type Owned = { id: string; orgId: string; mine: boolean };
export type PlanRole = Owned & {
  personId: string;
  role: string;
  customName: string | null;
  notes: string | null;
};
export type PlanStep = Owned & { at: Date; title: string; ownerPersonId: string | null };
export type PlanMaterial = Owned & {
  item: string;
  quantity: number;
  bringerPersonId: string | null;
  status: string;
};
export type PlanChant = Owned & {
  position: number;
  callEs: string | null;
  responseEs: string | null;
  callEn: string | null;
  responseEn: string | null;
  leaderPersonId: string | null;
};
export type PlanPair = Owned & { organizerPersonId: string; newcomerPersonId: string };
export type PlanCohost = {
  id: string;
  cohostOrgId: string | null;
  name: string;
  /** An organization on Amparo sees the plan only once it accepted. */
  status: CohostStatus;
};

export type Plan = EventAccess & {
  cohosts: PlanCohost[];
  roles: PlanRole[];
  steps: PlanStep[];
  materials: PlanMaterial[];
  chants: PlanChant[];
  pairs: PlanPair[];
  counts: Record<AttendanceStatus, number>;
  /** The viewer's own people coming (going, maybe or there), in the order they answered. */
  comingOwn: string[];
  people: Map<string, PlanPerson>;
  peoplePerMarshal: number;
  openLessons: OpenLesson[];
  readiness: Readiness;
};

export async function loadPlan(
  db: Db,
  orgId: string,
  access: EventAccess,
  openLessons: OpenLessonsFn = noOpenLessons,
): Promise<Plan> {
  const { event } = access;
  const eventId = event.id;
  const [cohostRows, roles, steps, materials, chants, pairs, attendees, ratio, lessons] =
    await Promise.all([
      db.select().from(actionCohosts).where(eq(actionCohosts.eventId, eventId)),
      db
        .select()
        .from(actionRoles)
        .where(eq(actionRoles.eventId, eventId))
        .orderBy(asc(actionRoles.createdAt)),
      db
        .select()
        .from(actionSteps)
        .where(eq(actionSteps.eventId, eventId))
        .orderBy(asc(actionSteps.at)),
      db
        .select()
        .from(actionMaterials)
        .where(eq(actionMaterials.eventId, eventId))
        .orderBy(asc(actionMaterials.createdAt)),
      db
        .select()
        .from(actionChants)
        .where(eq(actionChants.eventId, eventId))
        .orderBy(asc(actionChants.position)),
      db
        .select()
        .from(actionPairs)
        .where(eq(actionPairs.eventId, eventId))
        .orderBy(asc(actionPairs.createdAt)),
      db
        .select({
          orgId: actionAttendances.orgId,
          personId: actionAttendances.personId,
          status: actionAttendances.status,
        })
        .from(actionAttendances)
        .where(eq(actionAttendances.eventId, eventId)),
      peoplePerMarshal(db, event.orgId),
      openLessons({ db, orgId: event.orgId, eventId, kind: event.kind }),
    ]);

  // Every person named on the plan, grouped by the organization whose row names them.
  const idsByOrg = new Map<string, Set<string>>();
  const note = (org: string, id: string | null) => {
    if (!id) return;
    const set = idsByOrg.get(org) ?? new Set<string>();
    idsByOrg.set(org, set);
    set.add(id);
  };
  for (const r of roles) note(r.orgId, r.personId);
  for (const s of steps) note(s.orgId, s.ownerPersonId);
  for (const m of materials) note(m.orgId, m.bringerPersonId);
  for (const c of chants) note(c.orgId, c.leaderPersonId);
  for (const p of pairs) {
    note(p.orgId, p.organizerPersonId);
    note(p.orgId, p.newcomerPersonId);
  }
  for (const a of attendees) note(a.orgId, a.personId);
  const people = new Map<string, PlanPerson>();
  for (const [org, ids] of idsByOrg) {
    const own = org === orgId;
    for (const s of (await getPersonSummaries(db, org, [...ids])).values()) {
      people.set(s.id, {
        id: s.id,
        displayName: s.displayName,
        own,
        phone: own ? s.phone : null,
        organizer: isOrganizerLevel(s.engagementLevel),
      });
    }
  }

  const cohostOrgIds = cohostRows.map((c) => c.cohostOrgId).filter((v): v is string => !!v);
  const orgNames = new Map(
    cohostOrgIds.length
      ? (
          await db
            .select({ id: organizations.id, name: organizations.name })
            .from(organizations)
            .where(inArray(organizations.id, cohostOrgIds))
        ).map((o) => [o.id, o.name])
      : [],
  );

  const counts = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<
    AttendanceStatus,
    number
  >;
  for (const a of attendees) counts[a.status] += 1;
  const mine = <T extends { orgId: string }>(row: T) => ({ ...row, mine: row.orgId === orgId });

  return {
    ...access,
    cohosts: cohostRows.map((c) => ({
      id: c.id,
      cohostOrgId: c.cohostOrgId,
      name: (c.cohostOrgId ? orgNames.get(c.cohostOrgId) : c.name) ?? "",
      status: c.status,
    })),
    roles: roles.map(mine),
    steps: steps.map(mine),
    materials: materials.map(mine),
    chants: chants.map(mine),
    pairs: pairs.map(mine),
    counts,
    comingOwn: attendees
      .filter((a) => a.orgId === orgId && isComing(a.status))
      .map((a) => a.personId),
    people,
    peoplePerMarshal: ratio,
    openLessons: lessons,
    readiness: readiness({
      expectedTurnout: event.expectedTurnout,
      peoplePerMarshal: ratio,
      roles,
      materials,
      chants,
      steps,
      attendees: attendees.map((a) => ({
        personId: a.personId,
        status: a.status,
        organizer: people.get(a.personId)?.organizer ?? false,
      })),
      pairs,
      openLessons: lessons,
    }),
  };
}

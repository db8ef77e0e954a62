import type { Db } from "../../db/client";
import type { Actor } from "../../platform/actor";
import {
  type AttendanceHistoryItem,
  attendanceHistory,
  attendedCounts,
  type RoleHistoryItem,
  roleHistory,
} from "../actions/index";
import { getPersonSummaries } from "../people/person-summaries";
import { searchPeople } from "../people/search-people";
import {
  type EngagementLevel,
  LEADING_ROLES,
  leadCandidates,
  type Member,
  neverLed,
  SUGGESTION_RULES,
  suggestEngagement,
} from "./leadership";

// Loads what "grow leaders" needs through the actions and people modules' published
// functions, and hands it to the pure functions in leadership.ts.

const DAY = 86_400_000;
const MAX_MEMBERS = 500;

export type Suggestion = Member & { suggested: EngagementLevel; attended: number };

export type LeadersOverview = {
  neverLed: Member[];
  candidates: (Omit<Member, "engagementLevel"> & { deputyTurns: number })[];
  suggestions: Suggestion[];
};

export async function membersAt(
  db: Db,
  actor: Actor,
  levels: EngagementLevel[],
): Promise<Member[]> {
  const pages = await Promise.all(
    levels.map((level) => searchPeople(db, actor, { level, page: 1, perPage: MAX_MEMBERS })),
  );
  return pages.flatMap((p) =>
    p.people.map((m) => ({
      id: m.id,
      displayName: m.displayName,
      engagementLevel: m.engagementLevel,
    })),
  );
}

const since = (now: Date) => new Date(now.getTime() - SUGGESTION_RULES.windowDays * DAY);

/** Suggestions for everyone who came to an action in the window, strongest first. */
export async function engagementSuggestions(
  db: Db,
  orgId: string,
  now: Date,
): Promise<Suggestion[]> {
  const counts = await attendedCounts(db, orgId, since(now));
  const ids = [...counts.keys()];
  const people = await getPersonSummaries(db, orgId, ids);
  const ledRecently = new Set(
    (await roleHistory(db, orgId, ids))
      .filter((r) => r.startsAt >= since(now) && isLeading(r.role))
      .map((r) => r.personId),
  );
  const out: Suggestion[] = [];
  for (const [id, attended] of counts) {
    const p = people.get(id);
    if (!p) continue;
    const suggested = suggestEngagement({
      current: p.engagementLevel,
      attendedInWindow: attended,
      ledInWindow: ledRecently.has(id),
    });
    if (suggested)
      out.push({
        id,
        displayName: p.displayName,
        engagementLevel: p.engagementLevel,
        suggested,
        attended,
      });
  }
  return out.sort((a, b) => b.attended - a.attended || a.displayName.localeCompare(b.displayName));
}

export async function leadersOverview(db: Db, actor: Actor, now: Date): Promise<LeadersOverview> {
  const members = await membersAt(db, actor, ["active", "core"]);
  const memberRoles = await roleHistory(
    db,
    actor.orgId,
    members.map((m) => m.id),
  );
  const leading = (await roleHistory(db, actor.orgId)).filter((r) => isLeading(r.role));
  const leadingPeople = await getPersonSummaries(
    db,
    actor.orgId,
    leading.map((r) => r.personId),
  );
  return {
    neverLed: neverLed(members, memberRoles),
    candidates: leadCandidates(
      [...leadingPeople.values()].map((p) => ({ id: p.id, displayName: p.displayName })),
      leading,
    ),
    suggestions: await engagementSuggestions(db, actor.orgId, now),
  };
}

function isLeading(role: string): boolean {
  return (LEADING_ROLES as readonly string[]).includes(role);
}

export type Participation = {
  attended: AttendanceHistoryItem[];
  roles: RoleHistoryItem[];
  suggested: EngagementLevel | null;
};

/** For the person page: the actions they came to, the roles they held, a suggested level. */
export async function personParticipation(
  db: Db,
  orgId: string,
  person: { id: string; engagementLevel: EngagementLevel },
  now: Date,
): Promise<Participation> {
  const history = await attendanceHistory(db, orgId, person.id);
  const attended = history.filter((a) => a.status === "attended");
  const roles = await roleHistory(db, orgId, [person.id]);
  const suggested = suggestEngagement({
    current: person.engagementLevel,
    attendedInWindow: attended.filter((a) => a.startsAt >= since(now) && a.startsAt <= now).length,
    ledInWindow: roles.some((r) => r.startsAt >= since(now) && isLeading(r.role)),
  });
  return { attended, roles, suggested };
}

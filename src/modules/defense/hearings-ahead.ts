import { and, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { users } from "../../platform/platform.schema";
import { caseEvents, caseFamily, caseTeam } from "./defense.schema";

// For the messaging module: hearings coming up, in every organization, with who hears about
// them: the people recorded as the case's family contacts and the users on the case team
// (each gets reminders and notices if their contact point consented). Ids, the time, the
// court and a team member's sign-in email and language: nothing about the case's sensitive
// fields.

/** A case team member as messages reach them: their sign-in email, in their language. */
export type TeamRecipient = { userId: string; email: string; language: "es" | "en" | null };

/** Who hears about a case's hearings. */
export type CaseAudience = { familyPersonIds: string[]; team: TeamRecipient[] };

export type HearingAhead = CaseAudience & {
  orgId: string;
  hearingId: string;
  caseId: string;
  at: Date;
  court: string | null;
};

/** The family contacts and case team of these cases (one organization). */
async function audiences(db: Db, orgId: string, caseIds: string[]) {
  const result = new Map<string, CaseAudience>(
    caseIds.map((id) => [id, { familyPersonIds: [], team: [] }]),
  );
  if (caseIds.length === 0) return result;
  const family = await db
    .select({ caseId: caseFamily.caseId, personId: caseFamily.personId })
    .from(caseFamily)
    .where(and(eq(caseFamily.orgId, orgId), inArray(caseFamily.caseId, caseIds)));
  for (const f of family) result.get(f.caseId)?.familyPersonIds.push(f.personId);
  const team = await db
    .select({
      caseId: caseTeam.caseId,
      userId: users.id,
      email: users.email,
      language: users.language,
    })
    .from(caseTeam)
    .innerJoin(users, eq(users.id, caseTeam.userId))
    .where(and(eq(caseTeam.orgId, orgId), inArray(caseTeam.caseId, caseIds)));
  for (const { caseId, ...member } of team) result.get(caseId)?.team.push(member);
  return result;
}

/** Who hears about one case's hearings (also once a hearing is gone). */
export async function caseAudience(db: Db, orgId: string, caseId: string): Promise<CaseAudience> {
  return (await audiences(db, orgId, [caseId])).get(caseId) ?? { familyPersonIds: [], team: [] };
}

/** One scheduled hearing with its audience, or null (gone, or another organization's). */
export async function hearingForMessages(
  db: Db,
  orgId: string,
  hearingId: string,
): Promise<HearingAhead | null> {
  const rows = await selectHearings(db, [
    eq(caseEvents.orgId, orgId),
    eq(caseEvents.id, hearingId),
  ]);
  return (await withAudiences(db, rows))[0] ?? null;
}

/** Scheduled hearings in [from, until), everywhere, with their audiences. */
export async function hearingsAhead(db: Db, from: Date, until: Date): Promise<HearingAhead[]> {
  const rows = await selectHearings(db, [
    gte(caseEvents.occurredAt, from),
    lt(caseEvents.occurredAt, until),
  ]);
  return withAudiences(db, rows);
}

function selectHearings(db: Db, where: ReturnType<typeof eq>[]) {
  return db
    .select({
      orgId: caseEvents.orgId,
      hearingId: caseEvents.id,
      caseId: caseEvents.caseId,
      at: caseEvents.occurredAt,
      court: caseEvents.court,
    })
    .from(caseEvents)
    .where(and(eq(caseEvents.kind, "hearing_scheduled"), ...where));
}

type HearingRow = Awaited<ReturnType<typeof selectHearings>>[number];

async function withAudiences(db: Db, rows: HearingRow[]): Promise<HearingAhead[]> {
  const result: HearingAhead[] = [];
  for (const orgId of new Set(rows.map((r) => r.orgId))) {
    const mine = rows.filter((r) => r.orgId === orgId);
    const byCase = await audiences(db, orgId, [...new Set(mine.map((r) => r.caseId))]);
    for (const r of mine) {
      const audience = byCase.get(r.caseId) ?? { familyPersonIds: [], team: [] };
      // The planner skips hearings nobody would hear about.
      result.push({ ...r, ...audience });
    }
  }
  return result;
}

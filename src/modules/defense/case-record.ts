import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { cents } from "../../platform/money";
import { canSeeCaseSensitive, PERMISSIONS } from "../../platform/permissions";
import { memberships, users } from "../../platform/platform.schema";
import { getPersonNames } from "../people/person-names";
import type { Case } from "./case";
import { eventsOfCase, oneCase } from "./case-keys";
import { caseEvents, caseFamily, cases, caseTeam } from "./defense.schema";
import { facilityNames } from "./facility-record";

// Reading a case back into the domain shape; shared by the case operations.

/** The bound additional data of each encrypted field: a value can't be moved to another row. */
export const caseSensitiveContext = (id: string, field: "a_number" | "birthdate" | "notes") =>
  `cases:${id}:${field}`;

/**
 * `getX` returns null: an unknown id and another organization's case look the same.
 * `forUpdate` locks the case row until the caller's transaction ends (read-modify-write).
 */
export async function getCase(
  db: Db,
  orgId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Case | null> {
  const query = db.select().from(cases).where(oneCase(orgId, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) return null;
  const [team, familyRows, hearing] = [
    await db
      .select({ userId: caseTeam.userId, name: users.name })
      .from(caseTeam)
      .innerJoin(users, eq(users.id, caseTeam.userId))
      .where(and(eq(caseTeam.orgId, orgId), eq(caseTeam.caseId, id)))
      .orderBy(asc(users.name)),
    await db
      .select({ personId: caseFamily.personId, relationship: caseFamily.relationship })
      .from(caseFamily)
      .where(and(eq(caseFamily.orgId, orgId), eq(caseFamily.caseId, id)))
      .orderBy(asc(caseFamily.createdAt)),
    await db
      .select({
        at: caseEvents.occurredAt,
        hearingKind: caseEvents.hearingKind,
        court: caseEvents.court,
      })
      .from(caseEvents)
      .where(
        eventsOfCase(
          orgId,
          id,
          eq(caseEvents.kind, "hearing_scheduled"),
          gte(caseEvents.occurredAt, sql`now()`),
        ),
      )
      .orderBy(asc(caseEvents.occurredAt))
      .limit(1),
  ];
  const names = await getPersonNames(db, orgId, [
    row.personId,
    ...familyRows.map((f) => f.personId),
  ]);
  const facilities = await facilityNames(db, orgId, [row.facilityId]);
  return {
    id: row.id,
    personId: row.personId,
    personDisplayName: names.get(row.personId) ?? "",
    status: row.status,
    facility: row.facilityId
      ? { id: row.facilityId, name: facilities.get(row.facilityId) ?? "" }
      : null,
    detainedOn: row.detainedOn,
    lawyerName: row.lawyerName,
    lawyerContact: row.lawyerContact,
    bondCents: row.bondCents === null ? null : cents(row.bondCents),
    bondCurrency: row.bondCurrency,
    needs: row.needs,
    public: row.public,
    publicStory: { es: row.publicStoryEs, en: row.publicStoryEn },
    hasANumber: row.aNumberEnc !== null,
    hasBirthdate: row.birthdateEnc !== null,
    hasNotes: row.notesEnc !== null,
    team,
    family: familyRows
      .filter((f) => names.has(f.personId))
      .map((f) => ({ ...f, displayName: names.get(f.personId) ?? "" })),
    nextHearing: hearing[0] ?? null,
    lastActivityAt: row.lastActivityAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Marks a case as just worked on (the dashboard lists cases with no recent activity). */
export async function touchCase(db: Db, orgId: string, caseId: string): Promise<void> {
  await db.update(cases).set({ lastActivityAt: new Date() }).where(oneCase(orgId, caseId));
}

/**
 * The case and whether this actor sees its sensitive fields (owners and its team);
 * 404 for an unknown id or another organization's case.
 */
export async function requireCase(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ kase: Case; seesSensitive: boolean }> {
  const kase = await getCase(db, actor.orgId, id);
  if (!kase) throw notFound();
  const onTeam = kase.team.some((m) => m.userId === actor.userId);
  return { kase, seesSensitive: canSeeCaseSensitive(actor.role, onTeam) };
}

export async function isOnCaseTeam(
  db: Db,
  orgId: string,
  caseId: string,
  userId: string | null,
): Promise<boolean> {
  if (!userId) return false;
  const [row] = await db
    .select({ id: caseTeam.id })
    .from(caseTeam)
    .where(
      and(eq(caseTeam.orgId, orgId), eq(caseTeam.caseId, caseId), eq(caseTeam.userId, userId)),
    );
  return !!row;
}

/** May this actor see (and write) this case's sensitive fields? Owners, and its team. */
export async function actorSeesSensitive(db: Db, actor: Actor, caseId: string): Promise<boolean> {
  if (actor.role === "owner") return canSeeCaseSensitive(actor.role, false);
  return canSeeCaseSensitive(actor.role, await isOnCaseTeam(db, actor.orgId, caseId, actor.userId));
}

/** Users of the organization who may be put on a case team (those who may read cases). */
export async function teamCandidates(db: Db, orgId: string) {
  return db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.orgId, orgId), inArray(memberships.role, [...PERMISSIONS["cases.read"]])),
    )
    .orderBy(asc(users.name));
}

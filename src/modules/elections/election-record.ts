import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { ownRow } from "../../db/columns";
import type { OfficeRules } from "./ballot";
import {
  type ElectionStatus,
  electionCandidates,
  electionOffices,
  elections,
  electionVoters,
} from "./elections.schema";
import type { OfficeSpec, PublishedResults } from "./results";

// Reading elections, always scoped to one organization: another organization's id is
// simply not found.
export type Candidate = {
  id: string;
  personId: string;
  name: string;
  statement: { es: string; en: string };
};
export type Office = Omit<OfficeSpec, "candidates"> & { position: number; candidates: Candidate[] };

export type Election = {
  id: string;
  orgId: string;
  title: { es: string; en: string };
  description: { es: string; en: string };
  opensAt: Date;
  closesAt: Date;
  eligibility: { levels: string[]; tags: string[]; cutoff: Date | null };
  ballotTracker: boolean;
  status: ElectionStatus;
  rollSize: number | null;
  credentialsIssued: boolean;
  openedAt: Date | null;
  closedAt: Date | null;
  results: PublishedResults | null;
  offices: Office[];
};

type ElectionRow = typeof elections.$inferSelect;

/**
 * The organization's election row, locked until the transaction ends (its writers, and
 * ballots being stored, go one after the other), or null.
 */
export async function lockElection(tx: Db, orgId: string, id: string): Promise<ElectionRow | null> {
  const [row] = await tx
    .select()
    .from(elections)
    .where(ownRow(elections, orgId, id))
    .for("update");
  return row ?? null;
}

function toElection(row: ElectionRow, offices: Office[]): Election {
  return {
    id: row.id,
    orgId: row.orgId,
    title: { es: row.titleEs, en: row.titleEn },
    description: { es: row.descriptionEs, en: row.descriptionEn },
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    eligibility: {
      levels: row.eligibleLevels,
      tags: row.eligibleTags,
      cutoff: row.eligibilityCutoff,
    },
    ballotTracker: row.ballotTracker,
    status: row.status,
    rollSize: row.rollSize,
    credentialsIssued: row.credentialsIssued,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    results: (row.results as PublishedResults | null) ?? null,
    offices,
  };
}

export async function getElection(db: Db, orgId: string, id: string): Promise<Election | null> {
  const [row] = await db
    .select()
    .from(elections)
    .where(ownRow(elections, orgId, id));
  if (!row) return null;
  return toElection(row, await loadOffices(db, row.id));
}

/** The election whose id this is, in any organization (the public voting page). */
export async function getElectionById(db: Db, id: string): Promise<Election | null> {
  const [row] = await db.select().from(elections).where(eq(elections.id, id));
  if (!row) return null;
  return toElection(row, await loadOffices(db, row.id));
}

async function loadOffices(db: Db, electionId: string): Promise<Office[]> {
  const offices = await db
    .select()
    .from(electionOffices)
    .where(eq(electionOffices.electionId, electionId))
    .orderBy(asc(electionOffices.position));
  const candidates = await db
    .select()
    .from(electionCandidates)
    .where(eq(electionCandidates.electionId, electionId))
    .orderBy(asc(electionCandidates.createdAt), asc(electionCandidates.ballotName));
  return offices.map((o) => ({
    id: o.id,
    position: o.position,
    name: { es: o.nameEs, en: o.nameEn },
    seats: o.seats,
    method: o.method,
    candidates: candidates
      .filter((c) => c.officeId === o.id)
      .map((c) => ({
        id: c.id,
        personId: c.personId,
        name: c.ballotName,
        statement: { es: c.statementEs, en: c.statementEn },
      })),
  }));
}

export function officeRules(election: Election): OfficeRules[] {
  return election.offices.map((o) => ({
    id: o.id,
    method: o.method,
    seats: o.seats,
    candidates: o.candidates.map((c) => c.personId),
  }));
}

export type ElectionSummary = {
  id: string;
  title: { es: string; en: string };
  status: ElectionStatus;
  opensAt: Date;
  closesAt: Date;
  /** When voting was closed and counted (before closesAt when closed early). */
  closedAt: Date | null;
  rollSize: number | null;
};

export async function listElections(db: Db, orgId: string, q = ""): Promise<ElectionSummary[]> {
  const term = q.trim().replace(/[%_\\]/g, (m) => `\\${m}`);
  const where = term
    ? and(
        eq(elections.orgId, orgId),
        or(ilike(elections.titleEs, `%${term}%`), ilike(elections.titleEn, `%${term}%`)),
      )
    : eq(elections.orgId, orgId);
  return db
    .select({
      id: elections.id,
      title: sql<{
        es: string;
        en: string;
      }>`json_build_object('es', ${elections.titleEs}, 'en', ${elections.titleEn})`,
      status: elections.status,
      opensAt: elections.opensAt,
      closesAt: elections.closesAt,
      closedAt: elections.closedAt,
      rollSize: elections.rollSize,
    })
    .from(elections)
    .where(where)
    .orderBy(desc(elections.opensAt))
    .limit(200);
}

export type Turnout = { rollSize: number; online: number; paper: number; notYet: number };

/** How many have voted, and how: the organizer sees this, never the choices. */
export async function getTurnout(db: Db, electionId: string): Promise<Turnout> {
  const res = await db.execute<{ online: number; paper: number; total: number }>(sql`
    SELECT count(*) FILTER (WHERE voted = 'online')::int AS online,
           count(*) FILTER (WHERE voted = 'paper')::int AS paper,
           count(*)::int AS total
    FROM ${electionVoters} WHERE election_id = ${electionId}`);
  const r = res.rows[0] ?? { online: 0, paper: 0, total: 0 };
  const online = Number(r.online);
  const paper = Number(r.paper);
  const total = Number(r.total);
  return { rollSize: total, online, paper, notYet: total - online - paper };
}

export type RollEntry = { personId: string; voted: "online" | "paper" | null };

export async function listRoll(db: Db, electionId: string): Promise<RollEntry[]> {
  return db
    .select({ personId: electionVoters.personId, voted: electionVoters.voted })
    .from(electionVoters)
    .where(eq(electionVoters.electionId, electionId));
}

/** Voting is open now: opened by the organizer, within its times, not closed. */
export function votingState(e: Election, now: Date): "not_open" | "open" | "ended" | "closed" {
  if (e.status === "closed") return "closed";
  if (e.status === "draft" || now < e.opensAt) return "not_open";
  if (now >= e.closesAt) return "ended";
  return "open";
}

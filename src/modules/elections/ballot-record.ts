import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { electionBallots } from "./elections.schema";
import type { StoredBallot } from "./results";

/** The election's ballots in id order (random): choices and receipt, nothing else. */
export async function listBallots(db: Db, electionId: string): Promise<StoredBallot[]> {
  return db
    .select({ receipt: electionBallots.receipt, choices: electionBallots.choices })
    .from(electionBallots)
    .where(eq(electionBallots.electionId, electionId))
    .orderBy(asc(electionBallots.id));
}

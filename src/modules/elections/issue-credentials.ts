import { and, eq, sql } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { chunks } from "../../platform/chunks";
import { newSecret } from "../../platform/crypto";
import { AppError, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { getPersonNames } from "../people/person-names";
import { lockElection } from "./election-record";
import { elections, electionVoters } from "./elections.schema";
import "./elections.errors";

export type Credential = { personId: string; name: string; language: "es" | "en"; path: string };

const CHUNK = 1000;

/**
 * One single-use voting link per voter on the roll. Only the tokens' SHA-256 is stored,
 * so the links exist in this answer and nowhere else: asking again is refused (409).
 */
export async function issueCredentials(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<Credential[]> {
  const issued = await runOperation(deps, actor, async (op) => {
    const row = await lockElection(op.tx, actor.orgId, id);
    if (!row) throw notFound();
    if (row.status !== "open") throw new AppError("election_not_open");
    if (row.credentialsIssued) throw new AppError("credentials_issued");
    const voters = await op.tx
      .select({
        id: electionVoters.id,
        personId: electionVoters.personId,
        language: electionVoters.language,
      })
      .from(electionVoters)
      .where(and(eq(electionVoters.electionId, id), sql`${electionVoters.voted} IS NULL`));
    const out = voters.map((v) => ({ ...v, ...newSecret(32) }));
    for (const part of chunks(out, CHUNK)) {
      await op.tx.execute(sql`
        UPDATE election_voters v SET token_hash = x.hash
        FROM (SELECT unnest(${sql.raw(arrayLiteral(part.map((p) => p.id)))}::uuid[]) AS id,
                     unnest(${sql.raw(arrayLiteral(part.map((p) => p.hash)))}::text[]) AS hash) x
        WHERE v.id = x.id`);
    }
    await op.tx.update(elections).set({ credentialsIssued: true }).where(eq(elections.id, id));
    await op.audit("election.credentials_issued", { type: "election", id }, { count: out.length });
    return out;
  });
  const names = await getPersonNames(
    deps.db,
    actor.orgId,
    issued.map((v) => v.personId),
  );
  return issued
    .map((v) => ({
      personId: v.personId,
      name: names.get(v.personId) ?? "",
      language: v.language,
      path: `/vote/${v.secret}`,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "es"));
}

/** uuids and base64url/hex strings only: safe to inline as an array literal. */
function arrayLiteral(values: string[]): string {
  for (const v of values) if (!/^[0-9a-zA-Z_-]+$/.test(v)) throw new Error("unsafe array value");
  return `'{${values.join(",")}}'`;
}

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { chunks } from "../../platform/chunks";
import { invalid, onUniqueViolation } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { peopleErrors } from "./people.errors";
import type { PersonFields } from "./person";
import { insertPeople } from "./person-record";
import { ALL_PURPOSES, type ChannelFlags, emitConsent, statementsFor } from "./stated-consent";

const CHUNK = 1000;

/** A row to import, with the consent its file stated (the CSV's consent_email/consent_sms). */
export type ImportRow = PersonFields & { consent?: ChannelFlags };

/**
 * Inserts many already-validated people in one transaction: all or nothing.
 * Rows go in chunks so no statement nears Postgres's 65,535-parameter limit.
 * Consent the rows state goes to messaging after the commit, in one event (decision 094).
 */
export async function importPeople(
  deps: Deps,
  actor: Actor,
  rows: ImportRow[],
  options: { wording?: string | null; language?: "es" | "en" | null } = {},
): Promise<number> {
  const intake = {
    source: "import" as const,
    wording: options.wording ?? null,
    language: options.language ?? null,
    purposes: ALL_PURPOSES,
  };
  await onUniqueViolation(invalid({ emails: peopleErrors.field.duplicate_email }), () =>
    runOperation(deps, actor, async (op) => {
      const statements = [];
      for (const part of chunks(rows, CHUNK)) {
        const chunk = part.map(({ consent, ...input }) => ({ id: randomUUID(), input, consent }));
        await insertPeople(op.tx, deps.cipher, actor.orgId, chunk);
        for (const { id, input, consent } of chunk) {
          if (consent)
            statements.push(
              ...statementsFor(id, input, { ...intake, channels: consent }, { revokes: false }),
            );
        }
      }
      await op.audit("people.imported", { type: "people" }, { count: rows.length });
      emitConsent(op, { ...intake, channels: {} }, statements);
    }),
  );
  // PGlite has no autovacuum: without fresh statistics the planner misjudges
  // searches after a big load (bench/people.bench.ts measured p95 23 -> 12 ms). And the
  // words index answers from the index alone only once VACUUM has marked the new rows
  // visible (decision 110): until autovacuum passes, a name search after an import of
  // 100,000 took 68 ms instead of 5.
  if (rows.length >= 1000) {
    await deps.db.execute(sql`ANALYZE people`);
    await deps.db.execute(sql`VACUUM (ANALYZE) people_words`);
  }
  return rows.length;
}

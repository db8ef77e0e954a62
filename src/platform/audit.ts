import { is, type Placeholder, SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { builtOnce } from "../db/prepared";
import type { Actor } from "./actor";
import { auditEvents } from "./platform.schema";

// Every write operation sends this one: the statement is built once (db/prepared.ts).
const insertAudit = builtOnce((db) =>
  db.insert(auditEvents).values({
    orgId: sql.placeholder("orgId"),
    actorUserId: sql.placeholder("actorUserId"),
    action: sql.placeholder("action"),
    subjectType: sql.placeholder("subjectType"),
    subjectId: sql.placeholder("subjectId"),
    detail: sql.placeholder("detail"),
  }),
);

// Written inside the caller's transaction, so the change and its record commit together.
// `detail` names fields, never their sensitive values.
export async function audit(
  tx: Db,
  actor: Actor,
  action: string,
  subject: { type: string; id?: string | null },
  detail: Record<string, unknown> = {},
): Promise<void> {
  await insertAudit(tx, {
    orgId: actor.orgId,
    actorUserId: actor.userId,
    action,
    subjectType: subject.type,
    subjectId: subject.id ?? null,
    detail,
  });
}

/**
 * The same audit row as an INSERT … SELECT for a data-modifying CTE, when an operation is
 * one statement (its own transaction): one row per row of `from`, so the audit row exists
 * exactly when the change does. `subject.id` is an expression over `from`, and so may
 * `detail` be (a jsonb expression); the actor's ids may be placeholders of a statement
 * built once (db/prepared.ts `sqlOnce`), or expressions over `from` (several actors' rows
 * in one statement: decision 108).
 */
export function auditFrom(
  actor: { orgId: string | Placeholder | SQL; userId: string | null | Placeholder | SQL },
  action: string,
  subject: { type: string; id: SQL },
  detail: Record<string, unknown> | SQL,
  from: SQL,
): SQL {
  const json = isSql(detail) ? detail : sql`${JSON.stringify(detail)}::jsonb`;
  return sql`INSERT INTO audit_events (org_id, actor_user_id, action, subject_type, subject_id, detail)
    SELECT ${actor.orgId}, ${actor.userId}, ${action}, ${subject.type}, ${subject.id}, ${json}
    FROM ${from}`;
}

function isSql(value: Record<string, unknown> | SQL): value is SQL {
  return is(value, SQL);
}

/**
 * The names of the fields whose value changed, for an update's audit (`fields`: names, never
 * values). Compared as JSON, so bilingual texts and lists compare by what they hold.
 */
export function changedNames(
  fields: readonly [name: string, before: unknown, after: unknown][],
): string[] {
  return fields.filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b)).map(([k]) => k);
}

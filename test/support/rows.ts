import { sql } from "drizzle-orm";
import type { TestApp } from "./app";

/** One stored row as JSON text, read past the app: what a check for plaintext at rest looks at. */
export async function rawRowText(t: TestApp, table: string, id: string): Promise<string> {
  const raw = await t.database.db.execute<Record<string, unknown>>(
    sql`SELECT * FROM ${sql.identifier(table)} WHERE id = ${id}`,
  );
  const row = raw.rows[0];
  if (!row) throw new Error(`no ${table} row ${id}`);
  return JSON.stringify(row);
}

/** How many audit rows of this action a subject has. */
export async function auditCount(t: TestApp, subjectId: string, action: string): Promise<number> {
  const res = await t.database.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM audit_events WHERE subject_id = ${subjectId} AND action = ${action}`,
  );
  return res.rows[0]?.n ?? 0;
}

import type { RawQuery } from "./client";

// Copying a store's rows table by table, as JSON text, between any two of the app's
// PostgreSQL connections (PGlite or a server): `amparo migrate-store` (PGlite into the
// embedded cluster) and the embedded store's backup and restore (decision 106).
// A row goes out as `to_jsonb(row)::text` and comes back through `jsonb_populate_recordset`:
// each value travels as its own text form (bytea as \x hex, timestamps with their offset),
// so encrypted columns are copied byte for byte.

export type Table = { name: string; columns: string[] };
export type Sequence = { name: string; lastValue: string; isCalled: boolean };

/** Rows per batch: a few MB of JSON at the widest rows. */
export const BATCH = 2000;

/** Created by migrate itself, with the names of the files applied: never copied. */
const MIGRATIONS_TABLE = "schema_migrations";

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The migrations a store has applied, in order. */
export async function appliedMigrations(query: RawQuery): Promise<string[]> {
  const rows = await query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY name`, []);
  return rows.map((r) => String(r.name));
}

/** The app's tables, each after the tables its foreign keys point to. */
export async function listTables(query: RawQuery): Promise<Table[]> {
  const names = (
    await query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         AND c.relname <> $1 ORDER BY c.relname`,
      [MIGRATIONS_TABLE],
    )
  ).map((r) => String(r.name));
  const edges = await query(
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
     JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = ch.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND ch.relname <> pa.relname`,
    [],
  );
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) parents.get(String(e.child))?.add(String(e.parent));
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter(
      (n) => !placed.has(n) && [...(parents.get(n) ?? [])].every((p) => placed.has(p)),
    );
    // A cycle of foreign keys: the rest in name order (triggers and checks are off anyway).
    const next = ready.length > 0 ? ready : names.filter((n) => !placed.has(n));
    for (const n of next) {
      placed.add(n);
      ordered.push(n);
    }
  }
  const tables: Table[] = [];
  for (const name of ordered) tables.push({ name, columns: await columnsOf(query, name) });
  return tables;
}

/** The columns a row is written with: generated ones are computed by the store. */
async function columnsOf(query: RawQuery, table: string): Promise<string[]> {
  const rows = await query(
    `SELECT a.attname AS name FROM pg_attribute a
     WHERE a.attrelid = ('public.' || quote_ident($1))::regclass AND a.attnum > 0
       AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`,
    [table],
  );
  return rows.map((r) => String(r.name));
}

/**
 * Every row of `table` as JSON text, `BATCH` at a time, through a cursor. Runs inside the
 * caller's transaction (one snapshot for every table).
 */
export async function readRows(
  query: RawQuery,
  table: string,
  onBatch: (rows: string[]) => Promise<void>,
): Promise<number> {
  await query(
    `DECLARE amparo_copy NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS j FROM ${ident(table)} t`,
  );
  let total = 0;
  try {
    for (;;) {
      const rows = await query(`FETCH ${BATCH} FROM amparo_copy`);
      if (rows.length === 0) break;
      total += rows.length;
      await onBatch(rows.map((r) => String(r.j)));
      if (rows.length < BATCH) break;
    }
  } finally {
    await query("CLOSE amparo_copy");
  }
  return total;
}

/** Writes rows read by `readRows` (JSON text each) into `table`. */
export async function insertRows(query: RawQuery, table: Table, rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = table.columns.map(ident).join(", ");
  await query(
    `INSERT INTO ${ident(table.name)} (${cols}) SELECT ${cols}
     FROM jsonb_populate_recordset(NULL::${ident(table.name)}, $1::jsonb)`,
    [`[${rows.join(",")}]`],
  );
}

export async function countRows(query: RawQuery, table: string): Promise<number> {
  const [row] = await query(`SELECT count(*)::bigint::text AS n FROM ${ident(table)}`, []);
  return Number(row?.n ?? 0);
}

/** Written at a store's first start (the key check): not data, replaced by the copy's. */
const STORE_MARKS = new Set(["key_check"]);

/** Tables that hold rows (an empty store has none; one started once holds its key check). */
export async function nonEmptyTables(query: RawQuery, tables: Table[]): Promise<string[]> {
  const full: string[] = [];
  for (const t of tables) {
    if (STORE_MARKS.has(t.name)) continue;
    const rows = await query(`SELECT 1 FROM ${ident(t.name)} LIMIT 1`, []);
    if (rows.length > 0) full.push(t.name);
  }
  return full;
}

export async function readSequences(query: RawQuery): Promise<Sequence[]> {
  const rows = await query(
    `SELECT sequencename AS name, coalesce(last_value, 0)::text AS last, last_value IS NOT NULL AS called
     FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
    [],
  );
  return rows.map((r) => ({
    name: String(r.name),
    lastValue: String(r.last),
    isCalled: r.called === true,
  }));
}

export async function writeSequences(query: RawQuery, sequences: Sequence[]): Promise<void> {
  for (const s of sequences) {
    if (!s.isCalled) continue; // never used: its start value is right as it is
    await query("SELECT setval(('public.' || quote_ident($1))::regclass, $2::bigint, true)", [
      s.name,
      s.lastValue,
    ]);
  }
}

/**
 * Starts the writing transaction: the store's triggers (the ledger's balance checks, the
 * supply sums, which would count every movement a second time) and foreign keys are off for
 * it, so rows copied as they are go in as they are. Needs a superuser: the embedded
 * cluster's role is one.
 */
export async function beginCopyInto(query: RawQuery, tables: Table[]): Promise<void> {
  const [role] = await query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", []);
  if (role?.rolsuper !== true) {
    throw new Error("copying rows in needs a superuser role (the embedded cluster's role is one)");
  }
  await query("BEGIN");
  await query("SET LOCAL session_replication_role = replica");
  for (const t of tables) if (STORE_MARKS.has(t.name)) await query(`DELETE FROM ${ident(t.name)}`);
}

/** Per-table row counts of the target equal the source's, or the names that differ. */
export async function compareCounts(
  query: RawQuery,
  expected: Map<string, number>,
): Promise<string[]> {
  const wrong: string[] = [];
  for (const [table, n] of expected) {
    const got = await countRows(query, table);
    if (got !== n) wrong.push(`${table} (${got} of ${n})`);
  }
  return wrong;
}

import { once } from "node:events";
import { createReadStream, createWriteStream, renameSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import type { RawQuery } from "./client";
import {
  appliedMigrations,
  BATCH,
  countRows,
  insertRows,
  listTables,
  readRows,
  readSequences,
  type Sequence,
  type Table,
  writeSequences,
} from "./table-copy";

// The embedded PostgreSQL store's backup (decision 106): its package ships no pg_dump, so the
// app writes a logical dump itself. A gzip'd text file: a JSON header line, then per table
// `#table name`, one JSON row per line (table-copy's form), `#rows N`; then `#sequence {…}`
// lines and `#end`. One snapshot for every table (REPEATABLE READ).

export const DUMP_FORMAT = "amparo-dump";
const DUMP_VERSION = 1;

export type DumpHeader = {
  format: typeof DUMP_FORMAT;
  version: number;
  /** The last migration the rows were written under. */
  schemaVersion: string;
  migrations: string[];
  tables: string[];
  createdAt: string;
};

export class DumpError extends Error {
  override name = "DumpError";
}

/** Writes the whole store to `file` (through `file.partial`, renamed when complete). */
export async function writeDump(query: RawQuery, file: string): Promise<number> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 });
  let failed: Error | undefined;
  const fail = (e: Error) => {
    failed ??= e;
  };
  gzip.on("error", fail);
  out.on("error", fail);
  gzip.pipe(out);
  const write = async (text: string) => {
    if (failed) throw failed;
    if (!gzip.write(text)) await once(gzip, "drain");
  };
  let rows = 0;
  await query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const migrations = await appliedMigrations(query);
    const tables = await listTables(query);
    const header: DumpHeader = {
      format: DUMP_FORMAT,
      version: DUMP_VERSION,
      schemaVersion: migrations.at(-1) ?? "",
      migrations,
      tables: tables.map((t) => t.name),
      createdAt: new Date().toISOString(),
    };
    await write(`${JSON.stringify(header)}\n`);
    for (const table of tables) {
      await write(`#table ${table.name}\n`);
      const n = await readRows(query, table.name, (batch) => write(`${batch.join("\n")}\n`));
      await write(`#rows ${n}\n`);
      rows += n;
    }
    for (const s of await readSequences(query)) await write(`#sequence ${JSON.stringify(s)}\n`);
    await write("#end\n");
    await query("COMMIT");
    gzip.end();
    await once(out, "close");
    if (failed) throw failed;
    renameSync(partial, file);
    return rows;
  } catch (error) {
    await query("ROLLBACK").catch(() => {});
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}

function lines(file: string) {
  const gunzip = createGunzip();
  const input = createReadStream(file).pipe(gunzip);
  return createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}

/** The header of a dump, or a DumpError when the file is not one. */
export async function readDumpHeader(file: string): Promise<DumpHeader> {
  const reader = lines(file);
  try {
    for await (const line of reader) {
      const header = JSON.parse(line) as DumpHeader;
      if (header.format !== DUMP_FORMAT || !Array.isArray(header.migrations)) break;
      if (header.version > DUMP_VERSION) {
        throw new DumpError(`${file} is a backup of a newer format (${header.version})`);
      }
      return header;
    }
  } catch (error) {
    if (error instanceof DumpError) throw error;
  } finally {
    reader.close();
  }
  throw new DumpError(`${file} is not a backup of the embedded PostgreSQL store`);
}

/**
 * Loads a dump's rows into `tables` of the store `query` is on, inside the caller's
 * transaction (begun by table-copy's beginCopyInto); each table's count is checked.
 */
export async function loadDump(query: RawQuery, file: string, tables: Table[]): Promise<number> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  let table: Table | undefined;
  let batch: string[] = [];
  let rows = 0;
  let ended = false;
  const flush = async () => {
    if (table && batch.length > 0) await insertRows(query, table, batch);
    batch = [];
  };
  let first = true;
  for await (const line of lines(file)) {
    if (first) {
      first = false; // the header, read before
    } else if (line.startsWith("{")) {
      if (!table) throw new DumpError("a row before any #table line");
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    } else if (line.startsWith("#table ")) {
      table = byName.get(line.slice(7));
      if (!table) throw new DumpError(`the backup has a table this store lacks: ${line.slice(7)}`);
    } else if (line.startsWith("#rows ")) {
      await flush();
      const expected = Number(line.slice(6));
      const got = table ? await countRows(query, table.name) : -1;
      if (got !== expected) {
        throw new DumpError(`${table?.name}: ${got} rows restored of ${expected}`);
      }
      rows += got;
      table = undefined;
    } else if (line.startsWith("#sequence ")) {
      await writeSequences(query, [JSON.parse(line.slice(10)) as Sequence]);
    } else if (line === "#end") {
      ended = true;
    }
  }
  if (!ended) throw new DumpError(`${file} is cut short (no #end line): nothing was restored`);
  return rows;
}

// The bare COPY baseline of the people benchmark on PostgreSQL: the same rows the import
// writes (ids, search text, sort name precomputed), as CSV files the server reads itself
// (`COPY … FROM '<file>'`, so no client library is needed and nothing but the COPY is timed).
// The PostgreSQL server must run on this machine (DATABASE_URL on loopback) and be able to
// read the temporary directory, which is made world-readable for the run.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RawQuery } from "../src/db/client";

/** Column arrays in the order of the bench's bare INSERT (see BARE_PEOPLE_SQL). */
export type BareColumns = { people: unknown[][]; emails: unknown[][] };

const PEOPLE_COLUMNS =
  "id, org_id, display_name, given_name, family_name, phone_numbers, preferred_language, engagement_level, tags, search_text, sort_name";
const EMAIL_COLUMNS = "org_id, person_id, address, address_lower, is_primary, position";

const field = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  return `"${String(v).replaceAll('"', '""')}"`;
};

function csv(orgId: string, columns: unknown[][], orgFirst: boolean): string {
  const n = columns[0]?.length ?? 0;
  const lines: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const values = columns.map((c) => field(c[i]));
    if (orgFirst) values.unshift(field(orgId));
    else values.splice(1, 0, field(orgId));
    lines[i] = values.join(",");
  }
  return `${lines.join("\n")}\n`;
}

export type CopyFiles = { dir: string; people: string; emails: string; cleanup: () => void };

/** Writes the CSV files before the clock starts. */
export function writeCopyFiles(orgId: string, rows: BareColumns): CopyFiles {
  const dir = mkdtempSync(join(tmpdir(), "amparo-bench-copy-"));
  chmodSync(dir, 0o755);
  const people = join(dir, "people.csv");
  const emails = join(dir, "emails.csv");
  // people: id first, then org_id; emails: org_id first.
  writeFileSync(people, csv(orgId, rows.people, false), { mode: 0o644 });
  writeFileSync(emails, csv(orgId, rows.emails, true), { mode: 0o644 });
  return { dir, people, emails, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** COPY both files into the bare tables (the people table's indexes included), one transaction. */
export async function copyLoad(
  query: RawQuery,
  files: CopyFiles,
  tables = { people: "bench_bare", emails: "bench_bare_emails" },
): Promise<number> {
  const t0 = performance.now();
  await query("BEGIN");
  await query(`COPY ${tables.people} (${PEOPLE_COLUMNS}) FROM '${files.people}' WITH (FORMAT csv)`);
  await query(`COPY ${tables.emails} (${EMAIL_COLUMNS}) FROM '${files.emails}' WITH (FORMAT csv)`);
  await query("COMMIT");
  return performance.now() - t0;
}

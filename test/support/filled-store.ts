import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { loadConfig } from "../../src/config";
import type { Db } from "../../src/db/client";
import { CaseFieldsSchema } from "../../src/modules/defense/case";
import { createCase } from "../../src/modules/defense/create-case";
import { readCaseSensitive } from "../../src/modules/defense/read-case-sensitive";
import { getCampaignTotals } from "../../src/modules/funds/campaigns/campaign-totals";
import { createCampaign } from "../../src/modules/funds/campaigns/create-campaign";
import { recordDonation } from "../../src/modules/funds/gifts/record-donation";
import { createPerson } from "../../src/modules/people/create-person";
import { PersonFieldsSchema } from "../../src/modules/people/person";
import type { Actor } from "../../src/platform/actor";
import { EventBus } from "../../src/platform/events";
import { openStore } from "../../src/store";
import { campaignFields } from "./funds";
import { inventedOrganization } from "./organization";

// A store filled through the app's own operations, and read back the same way: what moving a
// store (migrate-store) or a backup and restore must carry over (decision 106).

export const A_NUMBER = "012345678";
export const GIFTS_CENTS = [12_500, 4_000, 250];

/** A data directory the `postgres` user can reach when the tests run as root. */
export function reachableDataDir(temporary: string[]): string {
  const tmp = mkdtempSync(join(tmpdir(), "amparo-move-"));
  temporary.push(tmp);
  chmodSync(tmp, 0o711);
  return join(tmp, "data");
}

export function storeEnv(dataDir: string, store: string, secret: string) {
  return { AMPARO_STORE: store, AMPARO_DATA_DIR: dataDir, AMPARO_SECRET_KEY: secret };
}

export type Filled = { actor: Actor; caseId: string; campaignId: string };

/** An organization, a person, a case with an A-number, a campaign with three gifts. */
export async function fillStore(env: Record<string, string>): Promise<Filled> {
  const { database, cipher } = await openStore(loadConfig(env));
  try {
    const deps = { db: database.db, cipher, bus: new EventBus() };
    const { actor } = await inventedOrganization(database.db);
    const person = await createPerson(
      deps,
      actor,
      PersonFieldsSchema.parse({ displayName: "Rosa Inventada" }),
    );
    const fields = CaseFieldsSchema.parse({ personId: person.id, aNumber: A_NUMBER });
    const found = await createCase(deps, actor, fields);
    const campaign = await createCampaign(deps, actor, campaignFields());
    for (const amountCents of GIFTS_CENTS) {
      await recordDonation(deps, actor, { campaignId: campaign.id, amountCents, method: "cash" });
    }
    await deps.bus.settled();
    return { actor, caseId: found.id, campaignId: campaign.id };
  } finally {
    await database.close();
  }
}

/** What the store holds, read through the operations (and row counts by SQL). */
export async function readBack(env: Record<string, string>, filled: Filled) {
  const { database, cipher } = await openStore(loadConfig(env));
  try {
    const deps = { db: database.db, cipher, bus: new EventBus() };
    const rows = await counts(database.db); // before the sensitive read adds its audit row
    const totals = await getCampaignTotals(database.db, filled.actor.orgId, filled.campaignId);
    const sensitive = await readCaseSensitive(deps, filled.actor, filled.caseId);
    return {
      kind: database.kind,
      counts: rows,
      raisedCents: totals?.raisedCents,
      aNumber: sensitive.aNumber,
    };
  } finally {
    await database.close();
  }
}

type Counts = { people: number; cases: number; gifts: number; entries: number; audit: number };

async function counts(db: Db): Promise<Counts | undefined> {
  const result = await db.execute<Counts>(sql`
    SELECT (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM cases) AS cases,
      (SELECT count(*)::int FROM gifts) AS gifts,
      (SELECT count(*)::int FROM ledger_entries) AS entries,
      (SELECT count(*)::int FROM audit_events) AS audit`);
  return result.rows[0];
}

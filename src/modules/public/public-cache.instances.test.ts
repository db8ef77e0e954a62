import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, SERVERS, type ServerKind } from "../../../test/support/stores";
import { createApp } from "../../app";
import { loadConfig } from "../../config";
import { type Database, openDatabase } from "../../db/client";
import { createCipher } from "../../platform/crypto";
import { EventBus } from "../../platform/events";
import { setupOrganization } from "../accounts/setup-organization";
import { CampaignFieldsSchema } from "../funds/campaign";
import { createCampaign } from "../funds/campaigns/create-campaign";
import { recordDonation } from "../funds/gifts/record-donation";
import { PUBLIC_PAGES_CHANNEL } from "./public.routes";

// Two app instances on one PostgreSQL: a change made through one drops the other's cached
// public page through LISTEN/NOTIFY, not through anything in this process. On each PostgreSQL
// server of the run (skipped on a run on PGlite only).
describe.skipIf(SERVERS.length === 0).each(SERVERS.length > 0 ? SERVERS : ["postgres" as const])(
  "public page cache across instances on %s",
  (store) => acrossInstances(store),
);

function acrossInstances(store: ServerKind) {
  let dbUrl = "";
  let drop = async () => {};
  let a: Database;
  let b: Database;
  // Each database's app, so an operation on that database runs with the app's event bus.
  const apps = new Map<Database, ReturnType<typeof createApp>>();
  const app = (database: Database) => {
    const created = createApp({
      database,
      cipher: createCipher(randomBytes(32)),
      config: loadConfig({ AMPARO_DATA_DIR: "/tmp/amparo-unused" }),
    });
    apps.set(database, created);
    return created;
  };
  const depsOf = (database: Database) =>
    apps.get(database)?.deps ?? {
      db: database.db,
      cipher: createCipher(randomBytes(32)),
      bus: new EventBus(),
    };

  beforeAll(async () => {
    ({ url: dbUrl, drop } = await createTestDatabase(store));
    a = await openDatabase({ databaseUrl: dbUrl, poolSize: 4 });
    b = await openDatabase({ databaseUrl: dbUrl, poolSize: 4 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await drop();
  });

  async function seed(database: Database) {
    const org = await setupOrganization(
      database.db,
      {
        org_name: "Red Inventada",
        slug: `red-${randomBytes(3).toString("hex")}`,
        time_zone: "America/Chicago",
        default_language: "es",
        owner_name: "Dueña Inventada",
        email: `duena-${randomBytes(3).toString("hex")}@example.org`,
        password: "correct horse battery",
      },
      { onlyIfFirst: false },
    );
    const actor = { orgId: org.orgId, userId: org.userId, role: "owner" as const };
    const campaign = await createCampaign(
      depsOf(database),
      actor,
      CampaignFieldsSchema.parse({
        slug: "fondo-comun",
        title: { es: "Título original", en: "Original title" },
        goalCents: 500_000,
        public: true,
      }),
    );
    return { org, actor, campaign };
  }

  async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  /** A campaign of A's, its public page read through `appB` (so stored there): the reader. */
  async function servedBy(appB: ReturnType<typeof createApp>) {
    const { org, campaign } = await seed(a);
    // Creating the campaign announced itself too; let that news arrive before caching.
    await new Promise((r) => setTimeout(r, 300));
    const path = `/p/${org.slug}/c/${campaign.slug}?lang=es`;
    const page = async () => (await appB.request(path)).text();
    expect(await page()).toContain("Título original");
    return { campaign, page };
  }

  /** The NOTIFY another instance sends after it changed the campaign. */
  const announceFromElsewhere = (campaignId: string) =>
    a.db.execute(
      sql`SELECT pg_notify(${PUBLIC_PAGES_CHANNEL}, ${`other-instance campaign:${campaignId}`})`,
    );

  it("instance B drops its cached page when instance A's database announces a change", async () => {
    const appB = app(b);
    app(a);
    const { campaign, page } = await servedBy(appB);

    // Changed behind the app's back: B keeps serving what it stored.
    await a.db.execute(
      sql`UPDATE campaigns SET title_es = 'Título nuevo' WHERE id = ${campaign.id}`,
    );
    expect(await page()).toContain("Título original");

    // The NOTIFY another instance sends after a change.
    await announceFromElsewhere(campaign.id);
    expect(await eventually(async () => (await page()).includes("Título nuevo"))).toBe(true);
  });

  it("a listener whose connection drops reconnects and forgets what it may have missed", async () => {
    const { campaign, page } = await servedBy(app(b));
    await a.db.execute(
      sql`UPDATE campaigns SET title_es = 'Título perdido' WHERE id = ${campaign.id}`,
    );
    // Every listening connection on this database is cut (as a restart or failover would).
    await a.db.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query = ${`LISTEN ${PUBLIC_PAGES_CHANNEL}`}`);
    expect(await eventually(async () => (await page()).includes("Título perdido"))).toBe(true);
    // And it hears the next announcement on its new connection.
    await a.db.execute(
      sql`UPDATE campaigns SET title_es = 'Título tercero' WHERE id = ${campaign.id}`,
    );
    await new Promise((r) => setTimeout(r, 100));
    await announceFromElsewhere(campaign.id);
    expect(await eventually(async () => (await page()).includes("Título tercero"))).toBe(true);
  });

  it("a recorded gift sends the NOTIFY that other instances listen for", async () => {
    app(a);
    const { actor, campaign } = await seed(a);
    const listener = new pg.Client({ connectionString: dbUrl });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (n) => heard.push(n.payload ?? ""));
    await listener.query(`LISTEN ${PUBLIC_PAGES_CHANNEL}`);
    try {
      await recordDonation(depsOf(a), actor, {
        campaignId: campaign.id,
        amountCents: 2_000,
        method: "cash",
      });
      expect(
        await eventually(async () => heard.some((p) => p.includes(`campaign:${campaign.id}`))),
      ).toBe(true);
    } finally {
      await listener.end();
    }
  });
}

// Screenshots of any signed-in pages, in both languages, at phone and desktop width, for
// looking at what a change did: `npx tsx scripts/shots.ts /people /cases` (with
// SHOTS_DIR=/tmp/shots by default). The data is the invented demo organization; `{action}`
// and `{drive}` in a path stand for the demo's next march and its winter drive, `{election}`
// for its counted election; `{case}` (the case of the latest hearing), `{person}`,
// `{campaign}` (funds), `{calls}` (a call campaign) and `{hearing}` (that hearing).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openPglite } from "../src/db/client";
import { migrate } from "../src/db/migrate";
import { loadDemo } from "../src/modules/demo/load-demo";
import { launchBrowser, startServer } from "../test/e2e/server";

const out = process.env.SHOTS_DIR ?? "/tmp/shots";
const paths = process.argv.slice(2);
if (paths.length === 0) paths.push("/", "/people");
mkdirSync(out, { recursive: true });

const database = await openPglite();
await migrate(database);
const server = await startServer(database, "pglite");
const demo = await loadDemo(server.deps, { people: 40 });
const idOf = async (table: string, slug: string) =>
  String(
    (await database.db.execute(sql.raw(`SELECT id FROM ${table} WHERE slug = '${slug}'`))).rows[0]
      ?.id,
  );
const action = await idOf("action_events", "marcha-de-diciembre");
const drive = await idOf("supply_drives", "colecta-de-invierno");
const election = String(
  (await database.db.execute(sql`SELECT id FROM elections LIMIT 1`)).rows[0]?.id,
);
const first = async (query: string) =>
  String((await database.db.execute(sql.raw(query))).rows[0]?.id);
const hearing = await first(
  "SELECT id FROM case_events WHERE kind = 'hearing_scheduled' ORDER BY occurred_at DESC LIMIT 1",
);
const kase = await first(`SELECT case_id AS id FROM case_events WHERE id = '${hearing}'`);
const person = await first("SELECT id FROM people ORDER BY created_at LIMIT 1");
const campaign = await first("SELECT id FROM campaigns ORDER BY created_at LIMIT 1");
const calls = await first("SELECT id FROM call_campaigns ORDER BY created_at LIMIT 1");
const named: [string, string][] = [
  ["{hearing}", hearing],
  ["{case}", kase],
  ["{person}", person],
  ["{campaign}", campaign],
  ["{calls}", calls],
];
for (const [i, path] of paths.entries()) {
  for (const [key, id] of named) paths[i] = (paths[i] ?? path).replace(key, id);
  paths[i] = (paths[i] ?? path)
    .replace("{action}", action)
    .replace("{drive}", drive)
    .replace("{election}", election);
}
const browser = await launchBrowser();
try {
  for (const lang of ["es", "en"] as const) {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        locale: lang === "es" ? "es-US" : "en-US",
        extraHTTPHeaders: { "accept-language": lang },
      });
      const page = await context.newPage();
      // SHOTS_SIGNED_OUT=1: the pages as a visitor sees them (the sign-in page itself).
      if (process.env.SHOTS_SIGNED_OUT !== "1") {
        await page.goto(`${server.url}/login`);
        await page.fill("#f-email", demo.email);
        await page.fill("#f-password", demo.password);
        await page.click("main button[type=submit]");
        await page.waitForURL((url) => !url.pathname.startsWith("/login"));
        // The account's saved language wins over the browser's: switch when it differs.
        if ((await page.getAttribute("html", "lang")) !== lang) await page.click(".lang-switch");
      }
      for (const path of paths) {
        await page.goto(`${server.url}${path}`);
        const short = path
          .replace(action, "action")
          .replace(drive, "drive")
          .replace(election, "election")
          .replace(hearing, "hearing")
          .replace(kase, "case")
          .replace(person, "person")
          .replace(campaign, "campaign")
          .replace(calls, "calls");
        const name = `${short.replace(/[^a-z0-9]+/gi, "_") || "_"}-${lang}-${width}.png`;
        await page.screenshot({ path: join(out, name), fullPage: process.env.SHOTS_FULL === "1" });
        console.log(join(out, name));
        if (width === 360 && process.env.SHOTS_MENU === "1") {
          await page.click(".navmenu > summary");
          await page.screenshot({ path: join(out, `menu-${name}`) });
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

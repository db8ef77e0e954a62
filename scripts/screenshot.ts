// Writes docs/screenshot.png (1280 wide) and docs/screenshot-phone.png (360 wide): the real
// app, in a real browser, showing an invented organization's people list in Spanish.
// Run with `npm run screenshot`. Every name here is made up.
import { mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { openPglite } from "../src/db/client";
import { migrate } from "../src/db/migrate";
import { setupOrganization } from "../src/modules/accounts/setup-organization";
import { createPerson } from "../src/modules/people/create-person";
import type { EngagementLevel } from "../src/modules/people/person";
import { PersonFieldsSchema } from "../src/modules/people/person";
import { launchBrowser, type RunningServer, startServer } from "../test/e2e/server";
import { hasChromium } from "../test/support/browser";

const DOCS = join(dirname(fileURLToPath(import.meta.url)), "..", "docs");
const EMAIL = "alma@example.org";
const PASSWORD = "una frase larga de demostración";

// [display name, given, family, level, tags, language]
const PEOPLE: [string, string, string, EngagementLevel, string[], "es" | "en"][] = [
  ["Guadalupe Ríos", "Guadalupe", "Ríos", "leader", ["vendedores", "comité"], "es"],
  ["Tomás Echeverría", "Tomás", "Echeverría", "core", ["vendedores"], "es"],
  ["Rosa Delgado", "Rosa", "Delgado", "active", ["comité de padres"], "es"],
  ["Chuy", "Jesús", "Ortega", "core", ["vendedores", "tamales"], "es"],
  ["Ana Lucía Paredes", "Ana Lucía", "Paredes", "supporter", ["inquilinos"], "es"],
  ["Esperanza Villalobos", "Esperanza", "Villalobos", "leader", ["comité de padres"], "es"],
  ["Marisol Cárdenas", "Marisol", "Cárdenas", "active", ["vendedores"], "es"],
  ["Joaquín Salinas", "Joaquín", "Salinas", "contact", [], "es"],
  ["Beatriz Olmedo", "Beatriz", "Olmedo", "supporter", ["inquilinos", "voluntaria"], "es"],
  ["Doña Cuca", "Refugio", "Arreola", "core", ["vendedores", "tamales"], "es"],
  ["Dolores Quintero", "Dolores", "Quintero", "active", ["comité de padres"], "es"],
  ["Ernesto Zavala", "Ernesto", "Zavala", "contact", ["inquilinos"], "es"],
  ["Catalina Ibarra", "Catalina", "Ibarra", "supporter", ["voluntaria"], "es"],
  ["Yesenia Toledo", "Yesenia", "Toledo", "active", ["vendedores"], "es"],
  ["Octavio Lozano", "Octavio", "Lozano", "contact", [], "es"],
  ["Imelda Barajas", "Imelda", "Barajas", "core", ["comité de padres", "defensa legal"], "es"],
  ["Rigo Campos", "Rigoberto", "Campos", "supporter", ["vendedores"], "es"],
  ["Nora Castellanos", "Nora", "Castellanos", "active", ["inquilinos"], "es"],
  ["Pedro Almanza", "Pedro", "Almanza", "contact", ["vendedores"], "es"],
  ["Sandra Whitfield", "Sandra", "Whitfield", "supporter", ["voluntaria", "defensa legal"], "en"],
  ["Kevin Marsh", "Kevin", "Marsh", "contact", ["voluntaria"], "en"],
  ["Linda Okafor", "Linda", "Okafor", "active", ["defensa legal"], "en"],
  ["Grace Lindqvist", "Grace", "Lindqvist", "supporter", ["inquilinos"], "en"],
  ["Tom Hadley", "Tom", "Hadley", "contact", [], "en"],
  ["Martha Pruitt", "Martha", "Pruitt", "active", ["voluntaria"], "en"],
];

function emailFor(given: string, family: string): string {
  const ascii = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z]+/g, ".");
  return `${ascii(given)}.${ascii(family)}@example.org`;
}

/** 555-0100 to 555-0199 is the range set aside for fiction in North America. */
function fictionalPhone(i: number): string {
  const area = ["213", "323", "818", "626", "562"][i % 5];
  return `(${area}) 555-01${String(i + 10).padStart(2, "0")}`;
}

async function loadDemo(server: RunningServer) {
  const org = await setupOrganization(
    server.deps.db,
    {
      org_name: "Unión de Vendedores Ambulantes del Valle",
      slug: "vendedores-del-valle",
      time_zone: "America/Los_Angeles",
      default_language: "es",
      owner_name: "Alma Torres",
      email: EMAIL,
      password: PASSWORD,
    },
    { onlyIfFirst: true },
  );
  const actor = { orgId: org.orgId, userId: org.userId, role: "owner" as const };
  for (const [i, [displayName, given, family, level, tags, lang]] of PEOPLE.entries()) {
    await createPerson(
      server.deps,
      actor,
      PersonFieldsSchema.parse({
        displayName,
        givenName: given,
        familyName: family,
        // Some people share only a phone, as many do.
        emails: i % 3 === 2 ? [] : [{ address: emailFor(given, family) }],
        phones: i % 4 === 1 ? [] : [{ number: fictionalPhone(i) }],
        preferredLanguage: lang,
        engagementLevel: level,
        tags,
      }),
    );
  }
}

async function shoot(
  browser: Browser,
  server: RunningServer,
  width: number,
  height: number,
  file: string,
) {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    locale: "es-US",
    extraHTTPHeaders: { "Accept-Language": "es-US,es" },
  });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.fill("#f-email", EMAIL);
    await page.fill("#f-password", PASSWORD);
    await Promise.all([page.waitForURL(`${server.url}/`), page.click("main button[type=submit]")]);
    await page.goto(`${server.url}/people`);
    // No caret blinking in the picture.
    await page.locator("body").click({ position: { x: 1, y: height - 1 } });
    const path = join(DOCS, file);
    await page.screenshot({ path, fullPage: false });
    console.log(`wrote ${path} (${Math.round(statSync(path).size / 1024)} KB)`);
  } finally {
    await context.close();
  }
}

async function main() {
  if (!hasChromium) {
    console.error("No Chromium found. Install it with: apt-get install -y chromium");
    process.exit(1);
  }
  mkdirSync(DOCS, { recursive: true });
  const database = await openPglite();
  await migrate(database);
  const server = await startServer(database);
  const browser = await launchBrowser();
  try {
    await loadDemo(server);
    await shoot(browser, server, 1280, 800, "screenshot.png");
    await shoot(browser, server, 360, 740, "screenshot-phone.png");
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

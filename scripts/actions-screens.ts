// Screenshots of the actions pages (plan, list, check-in, day sheet, public page) at 360 and
// 1280 px in both languages, into a folder given as the first argument. Invented data only.
// Run: npx tsx scripts/actions-screens.ts /tmp/shots
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openPglite } from "../src/db/client";
import { migrate } from "../src/db/migrate";
import { setupOrganization } from "../src/modules/accounts/setup-organization";
import { addChant } from "../src/modules/actions/add-chant";
import { addMaterial } from "../src/modules/actions/add-material";
import { addRole } from "../src/modules/actions/add-role";
import { addRunOfShowStep } from "../src/modules/actions/add-step";
import { checkIn } from "../src/modules/actions/check-in";
import { createEvent } from "../src/modules/actions/create-event";
import { setAttendance } from "../src/modules/actions/set-attendance";
import { setEventStatus } from "../src/modules/actions/set-event-status";
import { createPerson } from "../src/modules/people/create-person";
import { PersonFieldsSchema } from "../src/modules/people/person";
import { launchBrowser, startServer } from "../test/e2e/server";

const OUT = process.argv[2] ?? "/tmp/actions-shots";
const EMAIL = "alma@example.org";
const PASSWORD = "una frase larga de demostración";

async function main() {
  mkdirSync(OUT, { recursive: true });
  const database = await openPglite();
  await migrate(database);
  const server = await startServer(database);
  const org = await setupOrganization(
    server.deps.db,
    {
      org_name: "Unión de Vendedores del Valle",
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
  const person = (displayName: string, engagementLevel: string, phone?: string) =>
    createPerson(
      server.deps,
      actor,
      PersonFieldsSchema.parse({
        displayName,
        engagementLevel,
        phones: phone ? [{ number: phone }] : [],
      }),
    );
  const lupe = await person("Guadalupe Ríos", "leader", "(213) 555-0110");
  const tomas = await person("Tomás Echeverría", "core", "(323) 555-0111");
  const rosa = await person("Rosa Delgado", "active");
  const joaquin = await person("Joaquín Salinas", "contact");
  const ernesto = await person("Ernesto Zavala", "contact");
  const start = new Date(Date.now() + 5 * 86_400_000);
  start.setUTCHours(1, 0, 0, 0);
  const event = await createEvent(server.deps, actor, {
    slug: "vigilia-por-las-familias",
    kind: "vigil",
    titleEs: "Vigilia por las familias separadas",
    titleEn: "Vigil for separated families",
    descriptionEs: "Traigan velas y a sus vecinos. Nos juntamos frente al ayuntamiento.",
    descriptionEn: "Bring candles and your neighbors. We gather in front of city hall.",
    startsAt: start,
    endsAt: new Date(start.getTime() + 2 * 3_600_000),
    timeZone: "America/Los_Angeles",
    placeName: "Plaza del Ayuntamiento",
    placeAddress: "200 N Spring St, Los Ángeles",
    meetingPoint: "Escalinata norte",
    expectedTurnout: 40,
    public: true,
  });
  await setEventStatus(server.deps, actor, event.id, "planned");
  for (const p of [lupe, tomas, rosa, joaquin, ernesto]) {
    await setAttendance(server.deps, actor, event.id, { personId: p.id, status: "going" });
  }
  await addRole(server.deps, actor, event.id, { personId: lupe.id, role: "lead" });
  await addRole(server.deps, actor, event.id, {
    personId: tomas.id,
    role: "marshal",
    notes: "Lado norte",
  });
  await addMaterial(server.deps, actor, event.id, {
    item: "Megáfono",
    quantity: 2,
    bringerPersonId: tomas.id,
  });
  await addMaterial(server.deps, actor, event.id, { item: "Velas", quantity: 60 });
  await addChant(server.deps, actor, event.id, {
    callEs: "¿Qué queremos?",
    responseEs: "¡Justicia!",
    callEn: "What do we want?",
    responseEn: "Justice!",
    leaderPersonId: lupe.id,
  });
  await addRunOfShowStep(server.deps, actor, event.id, {
    at: start,
    title: "Llegan las organizadoras",
  });
  await checkIn(server.deps, actor, event.id, { personId: tomas.id });
  const browser = await launchBrowser();
  const shots: [string, string][] = [
    ["list", "/actions"],
    ["plan", `/actions/${event.id}`],
    ["checkin", `/actions/${event.id}/check-in`],
    ["sheet", `/actions/${event.id}/sheet`],
    ["new", "/actions/new"],
    ["public", "/p/vendedores-del-valle/e/vigilia-por-las-familias"],
    ["public-list", "/p/vendedores-del-valle"],
  ];
  for (const lang of ["es", "en"]) {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        locale: lang === "es" ? "es-US" : "en-US",
        extraHTTPHeaders: { "Accept-Language": lang },
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.fill("#f-email", EMAIL);
      await page.fill("#f-password", PASSWORD);
      await Promise.all([
        page.waitForURL(`${server.url}/`),
        page.click("main button[type=submit]"),
      ]);
      if (lang === "en") {
        await page.click("button.lang-switch");
      }
      for (const [name, path] of shots) {
        const res = await page.goto(`${server.url}${path}`);
        const scroll = await page.evaluate(
          () => document.documentElement.scrollWidth > window.innerWidth,
        );
        console.log(
          `${name} ${lang} ${width}: ${res?.status()}${scroll ? " SIDEWAYS SCROLL" : ""}`,
        );
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, part = 1; y < height && part <= 8; y += 900, part++) {
          await page.screenshot({
            path: join(OUT, `${name}-${lang}-${width}-${part}.png`),
            fullPage: true,
            clip: { x: 0, y, width, height: Math.min(900, height - y) },
          });
        }
      }
      await context.close();
    }
  }
  await browser.close();
  await server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

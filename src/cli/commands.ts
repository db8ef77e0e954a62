import { existsSync, readFileSync } from "node:fs";
import { type Config, DEFAULT_STORE } from "../config";
import { SetupSchema } from "../modules/accounts/account-schemas";
import { setupOrganization } from "../modules/accounts/setup-organization";
import { demoOwner, realOrganizations, resetDemoPassword } from "../modules/demo/demo-state";
import { DEMO, loadDemo } from "../modules/demo/load-demo";
import { listenForStatedConsent } from "../modules/messaging/record-stated-consent";
import { importPeople } from "../modules/people/import-people";
import { parsePeopleCsv } from "../modules/people/parse-people-csv";
import { actorByEmail, createApiToken } from "../platform/api-tokens";
import { AppError } from "../platform/errors";
import { EventBus } from "../platform/events";
import { publicBaseUrl } from "../platform/public-address";
import { openStore } from "../store";
import { backup, restore } from "./backup";
import { CliError, promptPassword } from "./io";
import { migrateStoreCommand } from "./migrate-store";

export type CommandInput = {
  args: string[];
  options: Record<string, string | boolean | undefined>;
  config: Config;
};

const str = (v: string | boolean | undefined) => (typeof v === "string" ? v : undefined);

async function withStore<T>(
  config: Config,
  fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>,
) {
  const store = await openStore(config);
  try {
    return await fn(store);
  } finally {
    await store.database.close();
  }
}

function explain(error: unknown): never {
  if (error instanceof AppError && error.fields) {
    const fields = Object.entries(error.fields).map(([k, v]) => `${k}: ${v}`);
    throw new CliError(`invalid input (${fields.join(", ")})`);
  }
  if (error instanceof AppError) throw new CliError(error.code);
  throw error;
}

async function init({ options, config }: CommandInput) {
  const password = process.env.AMPARO_PASSWORD || (await promptPassword("Owner password: "));
  const parsed = SetupSchema.safeParse({
    org_name: str(options.org),
    slug: str(options.slug),
    email: str(options.email),
    owner_name: str(options.name) ?? str(options.email)?.split("@")[0],
    password,
    default_language: str(options.lang) ?? "es",
    time_zone: str(options.tz) ?? "America/Los_Angeles",
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (i) => `--${String(i.path[0]).replace(/_/g, "-")}: ${i.message}`,
    );
    throw new CliError(`invalid input:\n  ${issues.join("\n  ")}\nSee: amparo --help`);
  }
  await withStore(config, async ({ database }) => {
    const created = await setupOrganization(database.db, parsed.data, { onlyIfFirst: false }).catch(
      explain,
    );
    console.log(
      `Created organization "${parsed.data.org_name}" (${created.slug}) with owner ${parsed.data.email}.`,
    );
  });
}

async function token({ args, options, config }: CommandInput) {
  if (args[0] !== "create")
    throw new CliError("usage: amparo token create --org <slug> --email <email>");
  const slug = str(options.org);
  const email = str(options.email);
  if (!slug || !email) throw new CliError("token create needs --org <slug> and --email <email>");
  await withStore(config, async ({ database }) => {
    const actor = await actorByEmail(database.db, slug, email);
    if (!actor) throw new CliError(`no member ${email} in organization ${slug}`);
    const secret = await createApiToken(database.db, actor, str(options.label) ?? "cli");
    console.log(`API token for ${email} in ${slug} (shown once; keep it secret):`);
    console.log(secret);
  });
}

/** Where to sign in: the public address when one is set, else this machine on PORT. */
function signInAddress(config: Config): string {
  return `${publicBaseUrl({ config }) ?? `http://localhost:${config.port}`}/login`;
}

async function demo({ options, config }: CommandInput) {
  await withStore(config, async ({ database, cipher }) => {
    const address = signInAddress(config);
    const owner = await demoOwner(database.db);
    if (owner) {
      // A second run: the password was kept only as a hash, so it can't be shown again.
      if (options["reset-password"]) {
        const password = await resetDemoPassword(
          database.db,
          owner,
          process.env.AMPARO_PASSWORD || undefined,
        );
        console.log(`Sign in at ${address} as ${DEMO.email}`);
        console.log(`New password: ${password}`);
      } else {
        console.log(`The demo organization "${DEMO.name}" is already loaded.`);
        console.log(`Sign in at ${address} as ${DEMO.email}`);
        console.log(`Forgot its password? npx amparo demo --reset-password prints a new one.`);
      }
      return;
    }
    const real = await realOrganizations(database.db);
    if (real.length > 0 && !options.force) {
      const where = config.databaseUrl
        ? "DATABASE_URL=<another database>"
        : "AMPARO_DATA_DIR=./amparo-demo";
      throw new CliError(
        `this store already holds ${real.map((n) => `"${n}"`).join(", ")}: the invented demo would sit beside real people. Load it into its own store (${where} npx amparo demo), or add --force to load it here anyway`,
      );
    }
    const deps = { db: database.db, cipher, bus: new EventBus() };
    // The invented people's consent is recorded by messaging (decision 094).
    listenForStatedConsent(deps);
    const result = await loadDemo(deps, {
      password: process.env.AMPARO_PASSWORD || undefined,
    }).catch((error: unknown) => {
      if (error instanceof AppError && error.fields?.slug === "slug_taken") {
        throw new CliError(`the demo organization (${DEMO.slug}) is already loaded`);
      }
      return explain(error);
    });
    console.log(`Loaded "${DEMO.name}" with ${result.people} invented people.`);
    console.log(`Sign in at ${address} as ${result.email}`);
    console.log(`Password: ${result.password}`);
    if (config.dataDir && !config.databaseUrl) {
      const store = config.store === DEFAULT_STORE ? "" : `AMPARO_STORE=${config.store} `;
      console.log(
        `Start the server on the same store: ${store}AMPARO_DATA_DIR=${config.dataDir} npm start`,
      );
    }
  });
}

async function importCommand({ args, options, config }: CommandInput) {
  const [what, file] = args;
  if (what !== "people" || !file)
    throw new CliError("usage: amparo import people FILE.csv --org <slug> --email <email>");
  const slug = str(options.org);
  const email = str(options.email);
  if (!slug || !email)
    throw new CliError("import people needs --org <slug> and --email <email> (who imports)");
  if (!existsSync(file)) throw new CliError(`no such file: ${file}`);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(readFileSync(file));
  const { rows, problems, ignoredColumns } = parsePeopleCsv(text);
  if (ignoredColumns.length) console.log(`Ignoring unknown columns: ${ignoredColumns.join(", ")}`);
  if (problems.length) {
    for (const p of problems.slice(0, 50)) {
      const what = Object.entries(p.fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join(", ");
      console.error(p.line ? `line ${p.line}: ${what}` : `file: not valid UTF-8 text`);
    }
    throw new CliError(`${problems.length} problem(s); nothing was imported`);
  }
  await withStore(config, async ({ database, cipher }) => {
    const actor = await actorByEmail(database.db, slug, email);
    if (!actor) throw new CliError(`no member ${email} in organization ${slug}`);
    // Consent the file states is recorded by messaging (decision 094): hear it, wait for it.
    const deps = { db: database.db, cipher, bus: new EventBus() };
    listenForStatedConsent(deps);
    const count = await importPeople(deps, actor, rows).catch(explain);
    await deps.bus.settled();
    console.log(`Imported ${count} people into ${slug}.`);
  });
}

async function migrateCommand({ config }: CommandInput) {
  await withStore(config, async () => {
    console.log("Database is up to date.");
  });
}

export const commands: Record<string, (input: CommandInput) => Promise<void>> = {
  init,
  token,
  demo,
  import: importCommand,
  migrate: migrateCommand,
  backup,
  restore,
  "migrate-store": migrateStoreCommand,
};

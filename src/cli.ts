import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { commands } from "./cli/commands";
import { CliError } from "./cli/io";
import { ConfigError, loadConfig } from "./config";
import { EmbeddedPostgresError } from "./db/embedded-postgres";
import { KeyMismatchError, StoreBusyError } from "./store";

const USAGE = `Usage: amparo <command> [options]

Commands:
  init --org "<name>" --slug <slug> --email <email> [--name <owner name>] [--lang es|en] [--tz <zone>]
                              Create an organization and its owner (password from AMPARO_PASSWORD or a prompt)
  token create --org <slug> --email <email> [--label <text>]
                              Print a new API token (last line of output)
  demo [--force] [--reset-password]
                              Load an invented demo organization with ~200 invented people
                              (refused beside a real organization unless --force; run again
                              to see where to sign in, with --reset-password for a new password)
  import people FILE.csv --org <slug> --email <email>
                              Import people from CSV (all rows or none)
  migrate                     Apply database migrations
  migrate-store               Move the PGlite store of AMPARO_DATA_DIR into the embedded
                              PostgreSQL store (pglite/ is kept as pglite.migrated-<date>)
  backup FILE                 Write a backup of the store in AMPARO_DATA_DIR to FILE (stop the server first)
  restore FILE                Restore a backup into an empty store in AMPARO_DATA_DIR

Environment: AMPARO_DATA_DIR (default ./data), AMPARO_STORE (embedded-postgres, the default,
or pglite, deprecated), DATABASE_URL (your own PostgreSQL instead), AMPARO_SECRET_KEY, AMPARO_PASSWORD.`;

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      org: { type: "string" },
      slug: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      lang: { type: "string" },
      tz: { type: "string" },
      label: { type: "string" },
      force: { type: "boolean" },
      "reset-password": { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
  });
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    console.log(pkg.version);
    return;
  }
  const [command, ...rest] = positionals;
  const run = command ? commands[command] : undefined;
  if (values.help || !run) {
    console.log(USAGE);
    if (!values.help) process.exitCode = command ? 2 : 0;
    return;
  }
  await run({ args: rest, options: values, config: loadConfig() });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof CliError ||
    error instanceof ConfigError ||
    error instanceof StoreBusyError ||
    error instanceof KeyMismatchError ||
    error instanceof EmbeddedPostgresError
  ) {
    console.error(`amparo: ${error.message}`);
    process.exit(2);
  }
  if (
    error instanceof TypeError &&
    "code" in error &&
    String(error.code).startsWith("ERR_PARSE_ARGS")
  ) {
    console.error(`amparo: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error("amparo: unexpected error:", error);
  process.exit(1);
});

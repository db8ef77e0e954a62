import { randomBytes } from "node:crypto";
import { openDatabase } from "../../src/db/client";
import { migrate } from "../../src/db/migrate";
import { setupOrganization } from "../../src/modules/accounts/setup-organization";
import { inventPeople } from "../../src/modules/demo/invented-people";
import { importPeople } from "../../src/modules/people/import-people";
import { PersonFieldsSchema } from "../../src/modules/people/person";
import { createCipher } from "../../src/platform/crypto";

const [url, dir] = [process.env.URL, process.env.DIR];
const database = await openDatabase({ databaseUrl: url, dataDir: dir });
await migrate(database);
const created = await setupOrganization(
  database.db,
  {
    org_name: "X",
    slug: "bench",
    time_zone: "UTC",
    default_language: "es",
    owner_name: "O",
    email: "o@example.org",
    password: "password123456",
  },
  { onlyIfFirst: false },
);
const t = performance.now();
await importPeople(
  { db: database.db, cipher: createCipher(randomBytes(32)) },
  { orgId: created.orgId, userId: created.userId, role: "owner" },
  inventPeople(100000, 7).map((p) => PersonFieldsSchema.parse(p)),
);
console.log("loaded", performance.now() - t, created.orgId);
await database.close();

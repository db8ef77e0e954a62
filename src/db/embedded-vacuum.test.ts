import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPglite } from "./client";
import { startEmbeddedVacuum } from "./embedded-vacuum";

describe("the embedded store vacuums itself", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPglite();
  });
  afterAll(() => database.close());

  const visibility = async () => {
    const [row] = await database.withConnection((query) =>
      query("SELECT relallvisible, relpages FROM pg_class WHERE relname = 'vacuum_probe'"),
    );
    return { visible: Number(row?.relallvisible), pages: Number(row?.relpages) };
  };

  it("after enough writes, so index-only scans can skip the table", async () => {
    const vacuum = startEmbeddedVacuum(database, { minWalBytes: 64 * 1024, log: () => {} });
    try {
      await database.exec(`CREATE TABLE vacuum_probe (id int PRIMARY KEY, note text);
        INSERT INTO vacuum_probe SELECT g, repeat('x', 40) FROM generate_series(1, 20000) g;`);
      expect((await visibility()).visible).toBe(0);
      expect(await vacuum.runOnce()).toBe(true);
      const after = await visibility();
      expect(after.pages).toBeGreaterThan(0);
      expect(after.visible).toBe(after.pages);
      // Nothing written since: no second run.
      expect(await vacuum.runOnce()).toBe(false);
      await database.exec("UPDATE vacuum_probe SET note = 'y' WHERE id <= 5000");
      expect(await vacuum.runOnce()).toBe(true);
    } finally {
      vacuum.stop();
    }
  });
});

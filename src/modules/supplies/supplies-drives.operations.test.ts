import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { STORES } from "../../../test/support/stores";
import { twoOrgs } from "../../../test/support/suites";
import { driveInput, moveInput, newNeed, refusal } from "../../../test/support/supplies";
import { createDrive } from "./create-drive";
import { loadNeedFigures } from "./drive-figures";
import { pledgeFromPublic } from "./pledge-from-public";
import { recordMovement } from "./record-movement";
import { reverseMovement } from "./reverse-movement";

// Drives and their catalog of items, and what the audit log keeps of supplies' changes.

describe.each(STORES)("supply drives and items on %s", (store) => {
  const s = twoOrgs(store);

  it("creates a drive, refuses a taken slug, and keeps other organizations out", async () => {
    const d = await createDrive(s.t.deps, s.actor, driveInput("invierno"));
    expect(d).toMatchObject({ slug: "invierno", public: true, open: true });
    expect((await refusal(createDrive(s.t.deps, s.actor, driveInput("invierno")))).fields).toEqual({
      slug: "slug_taken",
    });
    // The same slug is free in another organization; their drive is not ours.
    const theirs = await createDrive(s.t.deps, s.other, driveInput("invierno"));
    expect(
      (await refusal(newNeed(s.t, s.actor, theirs.id, { item: { es: "Agua" }, quantity: 1 }))).code,
    ).toBe("not_found");
  });

  it("finds catalog items again by name and unit, and checks quantities against the unit", async () => {
    const d = await createDrive(s.t.deps, s.actor, driveInput("catalogo"));
    const a = await newNeed(s.t, s.actor, d.id, {
      item: { es: "Pañales talla 3" },
      unit: "pack",
      quantity: 10,
    });
    const b = await newNeed(s.t, s.actor, d.id, {
      item: { es: "  PANALES talla 3 " },
      unit: "pack",
      quantity: 4,
      variant: "talla 3",
    });
    const figures = await loadNeedFigures(s.t.database.db, s.actor.orgId, d.id, new Date());
    const items = new Set(figures.map((f) => f.itemId));
    expect(items.size).toBe(1);
    expect(figures.map((f) => f.id).sort()).toEqual([a.id, b.id].sort());
    expect(
      (await refusal(newNeed(s.t, s.actor, d.id, { item: { es: "Camisas" }, quantity: 1.5 })))
        .fields,
    ).toEqual({
      quantity: "quantity_fraction",
    });
    expect(
      (await refusal(newNeed(s.t, s.actor, d.id, { item: { es: "Camisas" }, quantity: 0 }))).fields,
    ).toEqual({
      quantity: "quantity_not_positive",
    });
    await newNeed(s.t, s.actor, d.id, { item: { es: "Arroz" }, unit: "kg", quantity: "2.5" });
  });

  it("writes an audit row for each change, without names", async () => {
    const d = await createDrive(s.t.deps, s.actor, driveInput("auditoria"));
    const { id: needId } = await newNeed(s.t, s.actor, d.id, {
      item: { es: "Toallas" },
      quantity: 10,
    });
    const received = await recordMovement(
      s.t.deps,
      s.actor,
      d.id,
      moveInput(needId, "received", 2),
    );
    await reverseMovement(s.t.deps, s.actor, d.id, received.id);
    await pledgeFromPublic(s.t.deps, s.actor.orgId, d.id, {
      needId,
      quantity: "1",
      pointId: null,
      dueOn: null,
      name: "Rocío Inventada",
      contact: "rocio.auditoria@example.org",
      language: "es",
      consent: true,
    });
    const rows = await s.t.database.db.execute<{ action: string; detail: unknown }>(
      sql`SELECT action, detail FROM audit_events WHERE org_id = ${s.actor.orgId} AND action LIKE 'supply%'`,
    );
    const actions = new Set(rows.rows.map((r) => r.action));
    for (const a of [
      "supply_drive.created",
      "supply_need.added",
      "supply_movement.received",
      "supply_movement.reversed",
      "supply_pledge.created",
    ]) {
      expect(actions).toContain(a);
    }
    expect(JSON.stringify(rows.rows)).not.toContain("Rocío");
  });
});

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createTestApp, type TestApp } from "../../../test/support/app";
import { STORES } from "../../../test/support/stores";
import type { Actor } from "../../platform/actor";
import { AppError } from "../../platform/errors";
import { addDropOffPoint, setPointActive } from "./add-drop-off-point";
import { addNeed } from "./add-need";
import { cancelPledge } from "./cancel-pledge";
import { createDrive } from "./create-drive";
import { createPledge } from "./create-pledge";
import { DriveFieldsSchema, NeedFieldsSchema } from "./drive";
import { loadNeedFigures } from "./drive-figures";
import { needMovements } from "./movement-record";
import { pledgeFromPublic } from "./pledge-from-public";
import { milli } from "./quantity";
import { receivePledge } from "./receive-pledge";
import { recordMovement } from "./record-movement";
import { reverseMovement } from "./reverse-movement";
import { recount } from "./stock";

const drive = (slug: string, extra: Record<string, unknown> = {}) =>
  DriveFieldsSchema.parse({
    slug,
    title: { es: "Colecta de invierno", en: "Winter drive" },
    public: true,
    ...extra,
  });
const need = (input: Record<string, unknown>) => NeedFieldsSchema.parse(input);
const move = (
  needId: string,
  kind: "received" | "delivered" | "discarded",
  quantity: number | string,
  pointId: string | null = null,
) => ({
  needId,
  kind,
  quantity,
  pointId,
  pledgeId: null,
  method: null,
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe.each(STORES)("supplies operations on %s", (store) => {
  let t: TestApp;
  let actor: Actor;
  let other: Actor;

  beforeAll(async () => {
    t = await createTestApp(store);
    actor = (await createOrg(t)).actor;
    other = (await createOrg(t, "Otra Organización")).actor;
  });
  afterAll(() => t.close());

  it("creates a drive, refuses a taken slug, and keeps other organizations out", async () => {
    const d = await createDrive(t.deps, actor, drive("invierno"));
    expect(d).toMatchObject({ slug: "invierno", public: true, open: true });
    expect((await refusal(createDrive(t.deps, actor, drive("invierno")))).fields).toEqual({
      slug: "slug_taken",
    });
    // The same slug is free in another organization; their drive is not ours.
    const theirs = await createDrive(t.deps, other, drive("invierno"));
    expect(
      (
        await refusal(
          addNeed(t.deps, actor, theirs.id, need({ item: { es: "Agua" }, quantity: 1 })),
        )
      ).code,
    ).toBe("not_found");
  });

  it("finds catalog items again by name and unit, and checks quantities against the unit", async () => {
    const d = await createDrive(t.deps, actor, drive("catalogo"));
    const a = await addNeed(
      t.deps,
      actor,
      d.id,
      need({ item: { es: "Pañales talla 3" }, unit: "pack", quantity: 10 }),
    );
    const b = await addNeed(
      t.deps,
      actor,
      d.id,
      need({ item: { es: "  PANALES talla 3 " }, unit: "pack", quantity: 4, variant: "talla 3" }),
    );
    const figures = await loadNeedFigures(t.database.db, actor.orgId, d.id, new Date());
    const items = new Set(figures.map((f) => f.itemId));
    expect(items.size).toBe(1);
    expect(figures.map((f) => f.id).sort()).toEqual([a.id, b.id].sort());
    expect(
      (
        await refusal(
          addNeed(t.deps, actor, d.id, need({ item: { es: "Camisas" }, quantity: 1.5 })),
        )
      ).fields,
    ).toEqual({
      quantity: "quantity_fraction",
    });
    expect(
      (await refusal(addNeed(t.deps, actor, d.id, need({ item: { es: "Camisas" }, quantity: 0 }))))
        .fields,
    ).toEqual({
      quantity: "quantity_not_positive",
    });
    await addNeed(
      t.deps,
      actor,
      d.id,
      need({ item: { es: "Arroz" }, unit: "kg", quantity: "2.5" }),
    );
  });

  it("receives, delivers, refuses delivering more than received, and corrects by reversal", async () => {
    const d = await createDrive(t.deps, actor, drive("agua"));
    const point = await addDropOffPoint(t.deps, actor, d.id, {
      name: "Iglesia San José",
      address: null,
      hours: [{ day: 6, opens: "09:00", closes: "13:00" }],
    });
    const { id: needId } = await addNeed(
      t.deps,
      actor,
      d.id,
      need({ item: { es: "Agua embotellada" }, unit: "bottle", quantity: 100 }),
    );
    await recordMovement(t.deps, actor, d.id, move(needId, "received", 30, point.id));
    const refused = await refusal(
      recordMovement(t.deps, actor, d.id, move(needId, "delivered", 31, point.id)),
    );
    expect(refused.code).toBe("not_enough_stock");
    expect(refused.status).toBe(409);
    const delivered = await recordMovement(
      t.deps,
      actor,
      d.id,
      move(needId, "delivered", 20, point.id),
    );
    expect(
      (await refusal(recordMovement(t.deps, actor, d.id, move(needId, "received", 2.5)))).fields,
    ).toEqual({
      quantity: "quantity_fraction",
    });
    await reverseMovement(t.deps, actor, d.id, delivered.id);
    expect((await refusal(reverseMovement(t.deps, actor, d.id, delivered.id))).code).toBe(
      "already_reversed",
    );
    const [f] = await loadNeedFigures(t.database.db, actor.orgId, d.id, new Date());
    expect(f?.figures).toMatchObject({
      needed: 100_000,
      received: 30_000,
      delivered: 0,
      onHand: 30_000,
      stillNeeded: 70_000,
    });
    // Another organization can't touch this drive's ledger.
    expect(
      (await refusal(recordMovement(t.deps, other, d.id, move(needId, "received", 1)))).code,
    ).toBe("not_found");
    expect((await refusal(reverseMovement(t.deps, other, d.id, delivered.id))).code).toBe(
      "not_found",
    );
    // Append-only: three rows (the refused ones left nothing), none changed.
    expect(await needMovements(t.database.db, actor.orgId, needId)).toHaveLength(3);
  });

  it("counts open pledges until they expire, are cancelled or arrive", async () => {
    const d = await createDrive(t.deps, actor, drive("cobijas"));
    const { id: needId } = await addNeed(
      t.deps,
      actor,
      d.id,
      need({ item: { es: "Cobijas" }, quantity: 20, urgent: true }),
    );
    const p = await createPledge(t.deps, actor, d.id, {
      needId,
      quantity: 5,
      pointId: null,
      dueOn: null,
      source: "staff",
      personId: null,
    });
    let [f] = await loadNeedFigures(t.database.db, actor.orgId, d.id, new Date());
    expect(f?.figures).toMatchObject({ pledged: 5000, stillNeeded: 15_000 });
    // Eight days later the pledge (7-day default) no longer counts.
    [f] = await loadNeedFigures(
      t.database.db,
      actor.orgId,
      d.id,
      new Date(Date.now() + 8 * 86_400_000),
    );
    expect(f?.figures).toMatchObject({ pledged: 0, stillNeeded: 20_000 });
    await receivePledge(t.deps, actor, p.id);
    [f] = await loadNeedFigures(t.database.db, actor.orgId, d.id, new Date());
    expect(f?.figures).toMatchObject({ pledged: 0, received: 5000, stillNeeded: 15_000 });
    const q = await createPledge(t.deps, actor, d.id, {
      needId,
      quantity: 3,
      pointId: null,
      dueOn: null,
      source: "staff",
      personId: null,
    });
    await cancelPledge(t.deps, actor, q.id);
    [f] = await loadNeedFigures(t.database.db, actor.orgId, d.id, new Date());
    expect(f?.figures.pledged).toBe(0);
    // Nobody may pledge more than is still needed.
    const over = await refusal(
      createPledge(t.deps, actor, d.id, {
        needId,
        quantity: 16,
        pointId: null,
        dueOn: null,
        source: "api",
        personId: null,
      }),
    );
    expect(over.fields).toEqual({ quantity: "more_than_needed" });
  });

  it("refuses pledges to a closed drive or an inactive drop-off point", async () => {
    const d = await createDrive(t.deps, actor, drive("cerrada", { endsOn: "2020-01-31" }));
    const { id: needId } = await addNeed(
      t.deps,
      actor,
      d.id,
      need({ item: { es: "Jabón" }, quantity: 5 }),
    );
    const closed = await refusal(
      createPledge(t.deps, actor, d.id, {
        needId,
        quantity: 1,
        pointId: null,
        dueOn: null,
        source: "api",
        personId: null,
      }),
    );
    expect(closed.code).toBe("drive_closed");
    const open = await createDrive(t.deps, actor, drive("abierta"));
    const n = await addNeed(t.deps, actor, open.id, need({ item: { es: "Jabón" }, quantity: 5 }));
    const point = await addDropOffPoint(t.deps, actor, open.id, {
      name: "Centro comunitario",
      address: null,
      hours: [],
    });
    await setPointActive(t.deps, actor, open.id, point.id, false);
    const inactive = await refusal(
      createPledge(t.deps, actor, open.id, {
        needId: n.id,
        quantity: 1,
        pointId: point.id,
        dueOn: null,
        source: "api",
        personId: null,
      }),
    );
    expect(inactive.fields).toEqual({ pointId: "point_inactive" });
  });

  it("turns 20 identical public pledges sent at once into one, and matches the person by contact", async () => {
    const d = await createDrive(t.deps, actor, drive("kits"));
    const { id: needId } = await addNeed(
      t.deps,
      actor,
      d.id,
      need({ item: { es: "Kit de higiene" }, quantity: 50 }),
    );
    const input = {
      needId,
      quantity: "2",
      pointId: null,
      dueOn: null,
      name: "Rocío Inventada",
      contact: "rocio.inventada@example.org",
      language: "es" as const,
      consent: true,
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => pledgeFromPublic(t.deps, actor.orgId, d.id, input)),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const pledges = await t.database.db.execute<{ n: number; people: number }>(
      sql`SELECT count(*)::int AS n, count(DISTINCT person_id)::int AS people FROM supply_pledges WHERE drive_id = ${d.id}`,
    );
    expect(pledges.rows[0]).toEqual({ n: 1, people: 1 });
    // A second pledge (another quantity) from the same address is matched to the same person.
    await pledgeFromPublic(t.deps, actor.orgId, d.id, {
      ...input,
      quantity: "3",
      contact: "ROCIO.inventada@example.org",
    });
    const people = await t.database.db.execute<{ people: number }>(
      sql`SELECT count(DISTINCT person_id)::int AS people FROM supply_pledges WHERE drive_id = ${d.id}`,
    );
    expect(people.rows[0]?.people).toBe(1);
    const bad = await refusal(
      pledgeFromPublic(t.deps, actor.orgId, d.id, {
        ...input,
        contact: "no",
        consent: false,
        name: "x".repeat(10_000),
      }),
    );
    expect(bad.fields).toEqual({
      name: "too_long",
      contact: "invalid_contact",
      consent: "consent_required",
    });
  });

  it("computes the same figures with SQL as a full recount of the ledger", async () => {
    const d = await createDrive(t.deps, actor, drive("recuento"));
    const ids: string[] = [];
    for (const [es, q] of [
      ["Leche", 40],
      ["Pan", 25],
      ["Calcetines", 60],
    ] as const) {
      ids.push((await addNeed(t.deps, actor, d.id, need({ item: { es }, quantity: q }))).id);
    }
    let seed = 7;
    const next = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed;
    };
    const done: string[] = [];
    for (let i = 0; i < 60; i++) {
      const needId = ids[next() % ids.length] ?? "";
      const roll = next() % 10;
      try {
        if (roll < 6)
          done.push(
            (await recordMovement(t.deps, actor, d.id, move(needId, "received", 1 + (next() % 5))))
              .id,
          );
        else if (roll < 8)
          done.push(
            (await recordMovement(t.deps, actor, d.id, move(needId, "delivered", 1 + (next() % 4))))
              .id,
          );
        else if (roll < 9)
          await createPledge(t.deps, actor, d.id, {
            needId,
            quantity: 1,
            pointId: null,
            dueOn: null,
            source: "api",
            personId: null,
          });
        else if (done.length > 0)
          await reverseMovement(t.deps, actor, d.id, done[next() % done.length] ?? "");
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    const now = new Date();
    const movements = (
      await Promise.all(ids.map((id) => needMovements(t.database.db, actor.orgId, id)))
    ).flat();
    const pledgeRows = await t.database.db.execute<{
      id: string;
      need_id: string;
      quantity_milli: string;
      expires_at: string | Date;
    }>(
      sql`SELECT id, need_id, quantity_milli::text, expires_at FROM supply_pledges WHERE drive_id = ${d.id}`,
    );
    const expected = recount(
      (await loadNeedFigures(t.database.db, actor.orgId, d.id, now)).map((n) => ({
        id: n.id,
        quantity: n.figures.needed,
      })),
      movements,
      pledgeRows.rows.map((p) => ({
        id: p.id,
        needId: p.need_id,
        quantity: milli(Number(p.quantity_milli)),
        expiresAt: new Date(p.expires_at).getTime(),
        cancelled: false,
      })),
      now.getTime(),
    );
    for (const n of await loadNeedFigures(t.database.db, actor.orgId, d.id, now)) {
      expect(n.figures).toEqual(expected.get(n.id));
    }
  });

  it("writes an audit row for each change, without names", async () => {
    const rows = await t.database.db.execute<{ action: string; detail: unknown }>(
      sql`SELECT action, detail FROM audit_events WHERE org_id = ${actor.orgId} AND action LIKE 'supply%'`,
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

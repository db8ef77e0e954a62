import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { STORES } from "../../../test/support/stores";
import { twoOrgs } from "../../../test/support/suites";
import {
  driveInput,
  moveInput,
  newNeed,
  pledgeInput,
  refusal,
} from "../../../test/support/supplies";
import { AppError } from "../../platform/errors";
import { addDropOffPoint } from "./add-drop-off-point";
import { createDrive } from "./create-drive";
import { createPledge } from "./create-pledge";
import { loadNeedFigures } from "./drive-figures";
import { needMovements } from "./movement-record";
import { milli } from "./quantity";
import { recordMovement } from "./record-movement";
import { reverseMovement } from "./reverse-movement";
import { recount } from "./stock";

// The goods ledger on both stores: receipts, deliveries, refusals and reversals, and the
// figures the pages read (computed from the movements when read, decision 096) held to a
// full recount. Random histories: supplies-stock.properties.test.ts.

describe.each(STORES)("supplies ledger on %s", (store) => {
  const s = twoOrgs(store);

  it("receives, delivers, refuses delivering more than received, and corrects by reversal", async () => {
    const d = await createDrive(s.t.deps, s.actor, driveInput("agua"));
    const point = await addDropOffPoint(s.t.deps, s.actor, d.id, {
      name: "Iglesia San José",
      address: null,
      hours: [{ day: 6, opens: "09:00", closes: "13:00" }],
    });
    const { id: needId } = await newNeed(s.t, s.actor, d.id, {
      item: { es: "Agua embotellada" },
      unit: "bottle",
      quantity: 100,
    });
    await recordMovement(s.t.deps, s.actor, d.id, moveInput(needId, "received", 30, point.id));
    const refused = await refusal(
      recordMovement(s.t.deps, s.actor, d.id, moveInput(needId, "delivered", 31, point.id)),
    );
    expect(refused.code).toBe("not_enough_stock");
    expect(refused.status).toBe(409);
    const delivered = await recordMovement(
      s.t.deps,
      s.actor,
      d.id,
      moveInput(needId, "delivered", 20, point.id),
    );
    expect(
      (await refusal(recordMovement(s.t.deps, s.actor, d.id, moveInput(needId, "received", 2.5))))
        .fields,
    ).toEqual({
      quantity: "quantity_fraction",
    });
    await reverseMovement(s.t.deps, s.actor, d.id, delivered.id);
    expect((await refusal(reverseMovement(s.t.deps, s.actor, d.id, delivered.id))).code).toBe(
      "already_reversed",
    );
    const [f] = await loadNeedFigures(s.t.database.db, s.actor.orgId, d.id, new Date());
    expect(f?.figures).toMatchObject({
      needed: 100_000,
      received: 30_000,
      delivered: 0,
      onHand: 30_000,
      stillNeeded: 70_000,
    });
    // Another organization can't touch this drive's ledger.
    expect(
      (await refusal(recordMovement(s.t.deps, s.other, d.id, moveInput(needId, "received", 1))))
        .code,
    ).toBe("not_found");
    expect((await refusal(reverseMovement(s.t.deps, s.other, d.id, delivered.id))).code).toBe(
      "not_found",
    );
    // Append-only: three rows (the refused ones left nothing), none changed.
    expect(await needMovements(s.t.database.db, s.actor.orgId, d.id, needId)).toHaveLength(3);
  });

  it("computes the same figures with SQL as a full recount of the ledger", async () => {
    const d = await createDrive(s.t.deps, s.actor, driveInput("recuento"));
    const ids: string[] = [];
    for (const [es, q] of [
      ["Leche", 40],
      ["Pan", 25],
      ["Calcetines", 60],
    ] as const) {
      ids.push((await newNeed(s.t, s.actor, d.id, { item: { es }, quantity: q })).id);
    }
    let seed = 7;
    const next = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed;
    };
    /** A movement of 1 to `most` (random) of the need: its id. */
    const move = async (needId: string, kind: "received" | "delivered", most: number) => {
      const input = moveInput(needId, kind, 1 + (next() % most));
      return (await recordMovement(s.t.deps, s.actor, d.id, input)).id;
    };
    const done: string[] = [];
    for (let i = 0; i < 60; i++) {
      const needId = ids[next() % ids.length] ?? "";
      const roll = next() % 10;
      try {
        if (roll < 6) done.push(await move(needId, "received", 5));
        else if (roll < 8) done.push(await move(needId, "delivered", 4));
        else if (roll < 9) await createPledge(s.t.deps, s.actor, d.id, pledgeInput(needId, 1));
        else if (done.length > 0)
          await reverseMovement(s.t.deps, s.actor, d.id, done[next() % done.length] ?? "");
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    const now = new Date();
    const movements = (
      await Promise.all(ids.map((id) => needMovements(s.t.database.db, s.actor.orgId, d.id, id)))
    ).flat();
    const pledgeRows = await s.t.database.db.execute<{
      id: string;
      need_id: string;
      quantity_milli: string;
      expires_at: string | Date;
    }>(
      sql`SELECT id, need_id, quantity_milli::text, expires_at FROM supply_pledges WHERE drive_id = ${d.id}`,
    );
    const expected = recount(
      (await loadNeedFigures(s.t.database.db, s.actor.orgId, d.id, now)).map((n) => ({
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
    for (const n of await loadNeedFigures(s.t.database.db, s.actor.orgId, d.id, now)) {
      expect(n.figures).toEqual(expected.get(n.id));
    }
  });
});

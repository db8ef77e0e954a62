import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createOrg } from "../../../test/support/app";
import { STORES } from "../../../test/support/stores";
import { oneOrg } from "../../../test/support/suites";
import { driveInput, moveInput, movementKind, newNeed } from "../../../test/support/supplies";
import { AppError } from "../../platform/errors";
import { addDropOffPoint } from "./add-drop-off-point";
import { cancelPledge } from "./cancel-pledge";
import { createDrive } from "./create-drive";
import { createPledge } from "./create-pledge";
import { loadNeedFigures, loadPointStock } from "./drive-figures";
import { needMovements } from "./movement-record";
import { milli } from "./quantity";
import { receivePledge } from "./receive-pledge";
import { recordMovement } from "./record-movement";
import { reverseMovement } from "./reverse-movement";
import { isLowStock, onHandOf, type Pledge, recount, stockState, totalsAt } from "./stock";
import { lowStock } from "./supplies-today";

// Stock and "still needed" are computed from the ledger when read, never stored (decision
// 096). On both stores, random histories of real operations — receipts, deliveries,
// discards, reversals (corrections), pledges that arrive, are cancelled or expire — and
// what the pages read (per need, per drop-off point, low-stock warnings) must equal a full
// recount of the movements and pledges by the pure stock.ts, at any moment.

const DAY = 86_400_000;

const step = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant("record" as const),
      kind: movementKind,
      need: fc.nat(1),
      point: fc.nat(2),
      quantity: fc.integer({ min: 1, max: 6 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("reverse" as const), target: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("pledge" as const),
      need: fc.nat(1),
      quantity: fc.integer({ min: 1, max: 8 }),
      // Made this many days ago (0: now); the setting's 7 days make some of them expired.
      age: fc.constantFrom(0, 0, 3, 8, 30),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("arrived" as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("cancel" as const), target: fc.nat() }) },
);

describe.each(STORES)("supplies stock computed from the ledger on %s", (store) => {
  const w = oneOrg(store);

  it("per need, per drop-off point and low stock equal a full recount, for any history", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 30 }),
        // When the figures are read: now, or days later (more pledges have expired by then).
        fc.constantFrom(0, 0, 5, 10),
        async (steps, laterDays) => {
          run += 1;
          const d = await createDrive(w.t.deps, w.actor, driveInput(`recuento-${run}`));
          const points: string[] = [];
          for (const name of ["Parroquia Inventada", "Centro Inventado"])
            points.push(
              (await addDropOffPoint(w.t.deps, w.actor, d.id, { name, address: null, hours: [] }))
                .id,
            );
          const needs = [
            (await newNeed(w.t, w.actor, d.id, { item: { es: "Agua" }, quantity: 50 })).id,
            (await newNeed(w.t, w.actor, d.id, { item: { es: "Arroz" }, unit: "kg", quantity: 30 }))
              .id,
          ];
          const done: string[] = [];
          const pledges: string[] = [];
          for (const s of steps) {
            try {
              if (s.t === "record") {
                const pointId = s.point < points.length ? (points[s.point] ?? null) : null;
                const needId = needs[s.need] ?? "";
                done.push(
                  (
                    await recordMovement(
                      w.t.deps,
                      w.actor,
                      d.id,
                      moveInput(needId, s.kind, s.quantity, pointId),
                    )
                  ).id,
                );
              } else if (s.t === "reverse") {
                if (done.length > 0)
                  await reverseMovement(
                    w.t.deps,
                    w.actor,
                    d.id,
                    done[s.target % done.length] ?? "",
                  );
              } else if (s.t === "pledge") {
                const p = await createPledge(w.t.deps, w.actor, d.id, {
                  needId: needs[s.need] ?? "",
                  quantity: s.quantity,
                  pointId: null,
                  dueOn: null,
                  source: "api",
                  personId: null,
                });
                pledges.push(p.id);
                // A pledge made `age` days ago: only its expiry moves (the ledger is untouched).
                if (s.age > 0)
                  await w.t.database.db.execute(sql`
                    UPDATE supply_pledges
                    SET expires_at = expires_at - make_interval(days => ${s.age})
                    WHERE id = ${p.id}`);
              } else if (pledges.length > 0) {
                const target = pledges[s.target % pledges.length] ?? "";
                if (s.t === "arrived")
                  done.push((await receivePledge(w.t.deps, w.actor, target)).id);
                else await cancelPledge(w.t.deps, w.actor, target);
              }
            } catch (error) {
              // Refusals (not enough stock, already reversed, more than still needed, a pledge
              // already brought or cancelled) are part of any history.
              if (!(error instanceof AppError)) throw error;
            }
          }
          const now = new Date(Date.now() + laterDays * DAY);
          const movements = (
            await Promise.all(
              needs.map((id) => needMovements(w.t.database.db, w.actor.orgId, d.id, id)),
            )
          ).flat();
          const pledgeRows = await w.t.database.db.execute<{
            id: string;
            need_id: string;
            quantity_milli: string;
            expires_at: string | Date;
            cancelled: boolean;
          }>(sql`
            SELECT id, need_id, quantity_milli::text, expires_at, cancelled_at IS NOT NULL AS cancelled
            FROM supply_pledges WHERE drive_id = ${d.id}`);
          const allPledges: Pledge[] = pledgeRows.rows.map((p) => ({
            id: p.id,
            needId: p.need_id,
            quantity: milli(Number(p.quantity_milli)),
            expiresAt: new Date(p.expires_at).getTime(),
            cancelled: p.cancelled,
          }));
          // 1. Per need: needed, received, delivered, discarded, on hand, pledged, still needed.
          const figures = await loadNeedFigures(w.t.database.db, w.actor.orgId, d.id, now);
          const expected = recount(
            figures.map((n) => ({ id: n.id, quantity: n.figures.needed })),
            movements,
            allPledges,
            now.getTime(),
          );
          expect(figures).toHaveLength(2);
          for (const n of figures) {
            expect(n.figures).toEqual(expected.get(n.id));
            // What the writes checked (sums, need-stock.ts) kept every stock at zero or more.
            expect(n.figures.onHand).toBeGreaterThanOrEqual(0);
          }
          // One need read alone (the quantity screen, a pledge's check) gives the same.
          for (const id of needs) {
            const [one] = await loadNeedFigures(w.t.database.db, w.actor.orgId, d.id, now, id);
            expect(one?.figures).toEqual(expected.get(id));
          }
          // 2. Per need and drop-off point.
          const state = stockState(movements);
          const atPoints = await loadPointStock(w.t.database.db, w.actor.orgId, d.id);
          const seen = new Set(
            movements.flatMap((m) => (m.pointId ? [`${m.needId}/${m.pointId}`] : [])),
          );
          expect(atPoints).toHaveLength(seen.size);
          for (const row of atPoints) {
            expect({
              received: row.received,
              delivered: row.delivered,
              discarded: row.discarded,
            }).toEqual(totalsAt(state, row.needId, row.pointId));
            expect(onHandOf(totalsAt(state, row.needId, row.pointId))).toBeGreaterThanOrEqual(0);
          }
          // 3. Low-stock warnings of this drive.
          const low = (await lowStock(w.t.database.db, w.actor.orgId))
            .filter((l) => l.driveId === d.id)
            .map((l) => `${l.needId}/${l.pointId}`)
            .sort();
          const wanted = [...seen]
            .filter((key) => {
              const [needId = "", pointId = ""] = key.split("/");
              const needed = expected.get(needId)?.needed ?? milli(0);
              return isLowStock(needed, totalsAt(state, needId, pointId));
            })
            .sort();
          expect(low).toEqual(wanted);
        },
      ),
      { numRuns: 10 },
    );
  });

  it("another organization's drive id reads no figures", async () => {
    const other = (await createOrg(w.t, "Otra Organización")).actor;
    const d = await createDrive(w.t.deps, w.actor, driveInput("ajena"));
    const point = await addDropOffPoint(w.t.deps, w.actor, d.id, {
      name: "Parroquia Inventada",
      address: null,
      hours: [],
    });
    const { id } = await newNeed(w.t, w.actor, d.id, { item: { es: "Pan" }, quantity: 5 });
    await recordMovement(w.t.deps, w.actor, d.id, moveInput(id, "received", 2, point.id));
    expect(await loadPointStock(w.t.database.db, w.actor.orgId, d.id)).toHaveLength(1);
    expect(await loadNeedFigures(w.t.database.db, other.orgId, d.id, new Date())).toEqual([]);
    expect(await loadNeedFigures(w.t.database.db, other.orgId, d.id, new Date(), id)).toEqual([]);
    expect(await loadPointStock(w.t.database.db, other.orgId, d.id)).toEqual([]);
  });
});

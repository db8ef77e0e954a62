import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, createTestApp, type TestApp } from "../../../test/support/app";
import { STORES } from "../../../test/support/stores";
import { driveInput, needInput, refusal } from "../../../test/support/supplies";
import type { Actor } from "../../platform/actor";
import { addDropOffPoint, setPointActive } from "./add-drop-off-point";
import { addNeed } from "./add-need";
import { cancelPledge } from "./cancel-pledge";
import { createDrive } from "./create-drive";
import { createPledge } from "./create-pledge";
import { loadNeedFigures } from "./drive-figures";
import { pledgeFromPublic } from "./pledge-from-public";
import { receivePledge } from "./receive-pledge";

// Pledges: open ones count until they expire, are cancelled or arrive; closed drives and
// inactive drop-off points refuse them; a flood of identical public pledges is one.

describe.each(STORES)("supply pledges on %s", (store) => {
  let t: TestApp;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestApp(store);
    actor = (await createOrg(t)).actor;
  });
  afterAll(() => t.close());

  it("counts open pledges until they expire, are cancelled or arrive", async () => {
    const d = await createDrive(t.deps, actor, driveInput("cobijas"));
    const { id: needId } = await addNeed(
      t.deps,
      actor,
      d.id,
      needInput({ item: { es: "Cobijas" }, quantity: 20, urgent: true }),
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
    const d = await createDrive(t.deps, actor, driveInput("cerrada", { endsOn: "2020-01-31" }));
    const { id: needId } = await addNeed(
      t.deps,
      actor,
      d.id,
      needInput({ item: { es: "Jabón" }, quantity: 5 }),
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
    const open = await createDrive(t.deps, actor, driveInput("abierta"));
    const n = await addNeed(
      t.deps,
      actor,
      open.id,
      needInput({ item: { es: "Jabón" }, quantity: 5 }),
    );
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
    const d = await createDrive(t.deps, actor, driveInput("kits"));
    const { id: needId } = await addNeed(
      t.deps,
      actor,
      d.id,
      needInput({ item: { es: "Kit de higiene" }, quantity: 50 }),
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
});

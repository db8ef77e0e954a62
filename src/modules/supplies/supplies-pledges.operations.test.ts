import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { STORES } from "../../../test/support/stores";
import { oneOrg } from "../../../test/support/suites";
import { driveInput, newNeed, pledgeInput, refusal } from "../../../test/support/supplies";
import { addDropOffPoint, setPointActive } from "./add-drop-off-point";
import { cancelPledge } from "./cancel-pledge";
import { createDrive } from "./create-drive";
import { createPledge } from "./create-pledge";
import { loadNeedFigures } from "./drive-figures";
import { pledgeFromPublic } from "./pledge-from-public";
import { receivePledge } from "./receive-pledge";

// Pledges: open ones count until they expire, are cancelled or arrive; closed drives and
// inactive drop-off points refuse them; a flood of identical public pledges is one.

describe.each(STORES)("supply pledges on %s", (store) => {
  const s = oneOrg(store);

  it("counts open pledges until they expire, are cancelled or arrive", async () => {
    const d = await createDrive(s.t.deps, s.actor, driveInput("cobijas"));
    const { id: needId } = await newNeed(s.t, s.actor, d.id, {
      item: { es: "Cobijas" },
      quantity: 20,
      urgent: true,
    });
    const p = await createPledge(
      s.t.deps,
      s.actor,
      d.id,
      pledgeInput(needId, 5, { source: "staff" }),
    );
    let [f] = await loadNeedFigures(s.t.database.db, s.actor.orgId, d.id, new Date());
    expect(f?.figures).toMatchObject({ pledged: 5000, stillNeeded: 15_000 });
    // Eight days later the pledge (7-day default) no longer counts.
    [f] = await loadNeedFigures(
      s.t.database.db,
      s.actor.orgId,
      d.id,
      new Date(Date.now() + 8 * 86_400_000),
    );
    expect(f?.figures).toMatchObject({ pledged: 0, stillNeeded: 20_000 });
    await receivePledge(s.t.deps, s.actor, p.id);
    [f] = await loadNeedFigures(s.t.database.db, s.actor.orgId, d.id, new Date());
    expect(f?.figures).toMatchObject({ pledged: 0, received: 5000, stillNeeded: 15_000 });
    const q = await createPledge(
      s.t.deps,
      s.actor,
      d.id,
      pledgeInput(needId, 3, { source: "staff" }),
    );
    await cancelPledge(s.t.deps, s.actor, q.id);
    [f] = await loadNeedFigures(s.t.database.db, s.actor.orgId, d.id, new Date());
    expect(f?.figures.pledged).toBe(0);
    // Nobody may pledge more than is still needed.
    const over = await refusal(createPledge(s.t.deps, s.actor, d.id, pledgeInput(needId, 16)));
    expect(over.fields).toEqual({ quantity: "more_than_needed" });
  });

  it("refuses pledges to a closed drive or an inactive drop-off point", async () => {
    const d = await createDrive(s.t.deps, s.actor, driveInput("cerrada", { endsOn: "2020-01-31" }));
    const { id: needId } = await newNeed(s.t, s.actor, d.id, {
      item: { es: "Jabón" },
      quantity: 5,
    });
    const closed = await refusal(createPledge(s.t.deps, s.actor, d.id, pledgeInput(needId, 1)));
    expect(closed.code).toBe("drive_closed");
    const open = await createDrive(s.t.deps, s.actor, driveInput("abierta"));
    const n = await newNeed(s.t, s.actor, open.id, { item: { es: "Jabón" }, quantity: 5 });
    const point = await addDropOffPoint(s.t.deps, s.actor, open.id, {
      name: "Centro comunitario",
      address: null,
      hours: [],
    });
    await setPointActive(s.t.deps, s.actor, open.id, point.id, false);
    const inactive = await refusal(
      createPledge(s.t.deps, s.actor, open.id, pledgeInput(n.id, 1, { pointId: point.id })),
    );
    expect(inactive.fields).toEqual({ pointId: "point_inactive" });
  });

  it("turns 20 identical public pledges sent at once into one, and matches the person by contact", async () => {
    const d = await createDrive(s.t.deps, s.actor, driveInput("kits"));
    const { id: needId } = await newNeed(s.t, s.actor, d.id, {
      item: { es: "Kit de higiene" },
      quantity: 50,
    });
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
      Array.from({ length: 20 }, () => pledgeFromPublic(s.t.deps, s.actor.orgId, d.id, input)),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const pledges = await s.t.database.db.execute<{ n: number; people: number }>(
      sql`SELECT count(*)::int AS n, count(DISTINCT person_id)::int AS people FROM supply_pledges WHERE drive_id = ${d.id}`,
    );
    expect(pledges.rows[0]).toEqual({ n: 1, people: 1 });
    // A second pledge (another quantity) from the same address is matched to the same person.
    await pledgeFromPublic(s.t.deps, s.actor.orgId, d.id, {
      ...input,
      quantity: "3",
      contact: "ROCIO.inventada@example.org",
    });
    const people = await s.t.database.db.execute<{ people: number }>(
      sql`SELECT count(DISTINCT person_id)::int AS people FROM supply_pledges WHERE drive_id = ${d.id}`,
    );
    expect(people.rows[0]?.people).toBe(1);
    const bad = await refusal(
      pledgeFromPublic(s.t.deps, s.actor.orgId, d.id, {
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

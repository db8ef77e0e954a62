import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEvent, makePerson } from "../../../test/support/actions";
import { createOrg, createTestApp, type TestApp } from "../../../test/support/app";
import { STORES } from "../../../test/support/stores";
import type { Actor } from "../../platform/actor";
import { addChant } from "./add-chant";
import { addMaterial } from "./add-material";
import { addPair } from "./add-pair";
import { addRole } from "./add-role";
import { addRunOfShowStep } from "./add-step";
import { requireEventAccess } from "./event-record";
import { loadPlan } from "./load-plan";
import { pairAutomatically } from "./pair-automatically";
import { removePlanItem } from "./remove-plan-item";
import { setAttendance } from "./set-attendance";
import { setMarshalRatio } from "./set-marshal-ratio";
import { updateMaterial } from "./update-material";

describe.each(STORES)("planning an action on %s", (store) => {
  let t: TestApp;
  let actor: Actor;
  let other: Actor;

  beforeAll(async () => {
    t = await createTestApp(store);
    actor = (await createOrg(t)).actor;
    other = (await createOrg(t, "Otra Organización")).actor;
  });
  afterAll(() => t.close());

  const plan = async (eventId: string, a = actor) =>
    loadPlan(t.database.db, a.orgId, await requireEventAccess(t.database.db, a.orgId, eventId));
  const codes = async (eventId: string) =>
    (await plan(eventId)).readiness.missing.map((m) => m.code);

  it("plans until readiness is clean", async () => {
    const event = await makeEvent(t.deps, actor, { expectedTurnout: 20 });
    const ana = await makePerson(t.deps, actor, "Ana Organizadora", "core");
    const beto = await makePerson(t.deps, actor, "Beto Activo", "active");
    const caro = await makePerson(t.deps, actor, "Caro Nueva");
    const dani = await makePerson(t.deps, actor, "Dani Nuevo");
    for (const p of [ana, beto, caro, dani]) {
      await setAttendance(t.deps, actor, event.id, { personId: p.id, status: "going" });
    }
    expect(await codes(event.id)).toEqual([
      "no_lead",
      "role_missing",
      "role_missing",
      "marshals_short",
      "no_first_step",
      "newcomer_unpaired",
      "newcomer_unpaired",
    ]);

    await addRole(t.deps, actor, event.id, { personId: ana.id, role: "lead" });
    await addRole(t.deps, actor, event.id, { personId: beto.id, role: "marshal" });
    await addRole(t.deps, actor, event.id, {
      personId: ana.id,
      role: "marshal",
      notes: "Lado norte",
    });
    const megaphone = await addMaterial(t.deps, actor, event.id, { item: "Megáfono", quantity: 2 });
    expect(megaphone.status).toBe("needed");
    await addChant(t.deps, actor, event.id, { callEs: "¿Qué queremos?", responseEs: "¡Justicia!" });
    expect(await codes(event.id)).toEqual([
      "material_unassigned",
      "chant_leader_missing",
      "no_first_step",
      "newcomer_unpaired",
      "newcomer_unpaired",
    ]);

    expect(
      (await updateMaterial(t.deps, actor, event.id, megaphone.id, { bringerPersonId: beto.id }))
        .status,
    ).toBe("assigned");
    const current = await plan(event.id);
    const chant = current.chants[0];
    if (!chant) throw new Error("no chant");
    await removePlanItem(t.deps, actor, event.id, "chant", chant.id);
    await addChant(t.deps, actor, event.id, {
      callEs: "¿Qué queremos?",
      responseEs: "¡Justicia!",
      callEn: "What do we want?",
      responseEn: "Justice!",
      leaderPersonId: ana.id,
    });
    await addRunOfShowStep(t.deps, actor, event.id, {
      at: event.startsAt,
      title: "Llegan las organizadoras",
    });
    expect(await pairAutomatically(t.deps, actor, event.id)).toBe(2);
    expect(await pairAutomatically(t.deps, actor, event.id)).toBe(0);

    const ready = await plan(event.id);
    expect(ready.readiness).toEqual({ ready: true, missing: [] });
    // Spread evenly: one newcomer each.
    expect(new Set(ready.pairs.map((p) => p.organizerPersonId)).size).toBe(2);
    expect(ready.people.get(ana.id)).toMatchObject({ displayName: "Ana Organizadora", own: true });
    expect(ready.counts.going).toBe(4);

    // The marshal ratio is a setting of the organization.
    await setMarshalRatio(t.deps, actor, 5);
    expect(await codes(event.id)).toEqual(["marshals_short"]);
    await setMarshalRatio(t.deps, actor, 15);
  });

  it("refuses bad input with a field and nothing written", async () => {
    const event = await makeEvent(t.deps, actor);
    const ana = await makePerson(t.deps, actor, "Ana Prueba", "core");
    const stranger = await makePerson(t.deps, other, "Persona de Otra Organización");
    await expect(
      addRole(t.deps, actor, event.id, { personId: ana.id, role: "r".repeat(5000) }),
    ).rejects.toMatchObject({
      status: 422,
      fields: { role: "too_long" },
    });
    await expect(
      addRole(t.deps, actor, event.id, { personId: stranger.id, role: "lead" }),
    ).rejects.toMatchObject({
      status: 422,
      fields: { personId: "person_not_found" },
    });
    await expect(
      addRole(t.deps, actor, event.id, { personId: ana.id, role: "   " }),
    ).rejects.toMatchObject({
      fields: { role: "required" },
    });
    await expect(
      addMaterial(t.deps, actor, event.id, {
        item: "Pancartas",
        quantity: 1,
        bringerPersonId: stranger.id,
      }),
    ).rejects.toMatchObject({ fields: { bringerPersonId: "person_not_found" } });
    await expect(
      addMaterial(t.deps, actor, event.id, { item: "Agua", quantity: 0 }),
    ).rejects.toMatchObject({
      fields: { quantity: "invalid" },
    });
    await expect(
      addMaterial(t.deps, actor, event.id, { item: "Agua", quantity: "2" }),
    ).rejects.toMatchObject({
      fields: { quantity: "wrong_type" },
    });
    await expect(
      addChant(t.deps, actor, event.id, { responseEs: "¡Presente!" }),
    ).rejects.toMatchObject({
      fields: { callEs: "required" },
    });
    await expect(
      addPair(t.deps, actor, event.id, { organizerPersonId: ana.id, newcomerPersonId: ana.id }),
    ).rejects.toMatchObject({
      fields: { newcomerPersonId: "invalid" },
    });
    // A custom role name is kept as written; the same role twice is refused.
    await addRole(t.deps, actor, event.id, { personId: ana.id, role: "Enlace con la prensa" });
    await expect(
      addRole(t.deps, actor, event.id, { personId: ana.id, role: "Enlace con la prensa" }),
    ).rejects.toMatchObject({
      status: 422,
    });
    const roles = (await plan(event.id)).roles;
    expect(roles.map((r) => [r.role, r.customName])).toEqual([["custom", "Enlace con la prensa"]]);
  });

  it("another organization can neither read nor change the plan", async () => {
    const event = await makeEvent(t.deps, actor);
    const ana = await makePerson(t.deps, actor, "Ana Prueba", "core");
    const role = await addRole(t.deps, actor, event.id, { personId: ana.id, role: "lead" });
    const stranger = await makePerson(t.deps, other, "Persona Ajena", "core");
    await expect(requireEventAccess(t.database.db, other.orgId, event.id)).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      addRole(t.deps, other, event.id, { personId: stranger.id, role: "lead" }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(removePlanItem(t.deps, other, event.id, "role", role.id)).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      setAttendance(t.deps, other, event.id, { personId: stranger.id, status: "going" }),
    ).rejects.toMatchObject({
      status: 404,
    });
    const left = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM action_roles WHERE event_id = ${event.id}`,
    );
    expect(Number(left.rows[0]?.n)).toBe(1);
  });
});

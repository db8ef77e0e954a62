import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeEvent, makePerson } from "../../../test/support/actions";
import { STORES } from "../../../test/support/stores";
import { twoOrgs } from "../../../test/support/suites";
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
  const s = twoOrgs(store);

  const plan = async (eventId: string, a = s.actor) =>
    loadPlan(s.t.database.db, a.orgId, await requireEventAccess(s.t.database.db, a.orgId, eventId));
  const codes = async (eventId: string) =>
    (await plan(eventId)).readiness.missing.map((m) => m.code);

  it("plans until readiness is clean", async () => {
    const event = await makeEvent(s.t.deps, s.actor, { expectedTurnout: 20 });
    const ana = await makePerson(s.t.deps, s.actor, "Ana Organizadora", "core");
    const beto = await makePerson(s.t.deps, s.actor, "Beto Activo", "active");
    const caro = await makePerson(s.t.deps, s.actor, "Caro Nueva");
    const dani = await makePerson(s.t.deps, s.actor, "Dani Nuevo");
    for (const p of [ana, beto, caro, dani]) {
      await setAttendance(s.t.deps, s.actor, event.id, { personId: p.id, status: "going" });
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

    await addRole(s.t.deps, s.actor, event.id, { personId: ana.id, role: "lead" });
    await addRole(s.t.deps, s.actor, event.id, { personId: beto.id, role: "marshal" });
    await addRole(s.t.deps, s.actor, event.id, {
      personId: ana.id,
      role: "marshal",
      notes: "Lado norte",
    });
    const megaphone = await addMaterial(s.t.deps, s.actor, event.id, {
      item: "Megáfono",
      quantity: 2,
    });
    expect(megaphone.status).toBe("needed");
    await addChant(s.t.deps, s.actor, event.id, {
      callEs: "¿Qué queremos?",
      responseEs: "¡Justicia!",
    });
    expect(await codes(event.id)).toEqual([
      "material_unassigned",
      "chant_leader_missing",
      "no_first_step",
      "newcomer_unpaired",
      "newcomer_unpaired",
    ]);

    expect(
      (
        await updateMaterial(s.t.deps, s.actor, event.id, megaphone.id, {
          bringerPersonId: beto.id,
        })
      ).status,
    ).toBe("assigned");
    const current = await plan(event.id);
    const chant = current.chants[0];
    if (!chant) throw new Error("no chant");
    await removePlanItem(s.t.deps, s.actor, event.id, "chant", chant.id);
    await addChant(s.t.deps, s.actor, event.id, {
      callEs: "¿Qué queremos?",
      responseEs: "¡Justicia!",
      callEn: "What do we want?",
      responseEn: "Justice!",
      leaderPersonId: ana.id,
    });
    await addRunOfShowStep(s.t.deps, s.actor, event.id, {
      at: event.startsAt,
      title: "Llegan las organizadoras",
    });
    expect(await pairAutomatically(s.t.deps, s.actor, event.id)).toBe(2);
    expect(await pairAutomatically(s.t.deps, s.actor, event.id)).toBe(0);

    const ready = await plan(event.id);
    expect(ready.readiness).toEqual({ ready: true, missing: [] });
    // Spread evenly: one newcomer each.
    expect(new Set(ready.pairs.map((p) => p.organizerPersonId)).size).toBe(2);
    expect(ready.people.get(ana.id)).toMatchObject({ displayName: "Ana Organizadora", own: true });
    expect(ready.counts.going).toBe(4);

    // The marshal ratio is a setting of the organization.
    await setMarshalRatio(s.t.deps, s.actor, 5);
    expect(await codes(event.id)).toEqual(["marshals_short"]);
    await setMarshalRatio(s.t.deps, s.actor, 15);
  });

  it("refuses bad input with a field and nothing written", async () => {
    const event = await makeEvent(s.t.deps, s.actor);
    const ana = await makePerson(s.t.deps, s.actor, "Ana Prueba", "core");
    const stranger = await makePerson(s.t.deps, s.other, "Persona de Otra Organización");
    await expect(
      addRole(s.t.deps, s.actor, event.id, { personId: ana.id, role: "r".repeat(5000) }),
    ).rejects.toMatchObject({
      status: 422,
      fields: { role: "too_long" },
    });
    await expect(
      addRole(s.t.deps, s.actor, event.id, { personId: stranger.id, role: "lead" }),
    ).rejects.toMatchObject({
      status: 422,
      fields: { personId: "person_not_found" },
    });
    await expect(
      addRole(s.t.deps, s.actor, event.id, { personId: ana.id, role: "   " }),
    ).rejects.toMatchObject({
      fields: { role: "required" },
    });
    await expect(
      addMaterial(s.t.deps, s.actor, event.id, {
        item: "Pancartas",
        quantity: 1,
        bringerPersonId: stranger.id,
      }),
    ).rejects.toMatchObject({ fields: { bringerPersonId: "person_not_found" } });
    await expect(
      addMaterial(s.t.deps, s.actor, event.id, { item: "Agua", quantity: 0 }),
    ).rejects.toMatchObject({
      fields: { quantity: "invalid" },
    });
    await expect(
      addMaterial(s.t.deps, s.actor, event.id, { item: "Agua", quantity: "2" }),
    ).rejects.toMatchObject({
      fields: { quantity: "wrong_type" },
    });
    await expect(
      addChant(s.t.deps, s.actor, event.id, { responseEs: "¡Presente!" }),
    ).rejects.toMatchObject({
      fields: { callEs: "required" },
    });
    await expect(
      addPair(s.t.deps, s.actor, event.id, { organizerPersonId: ana.id, newcomerPersonId: ana.id }),
    ).rejects.toMatchObject({
      fields: { newcomerPersonId: "invalid" },
    });
    // A custom role name is kept as written; the same role twice is refused.
    await addRole(s.t.deps, s.actor, event.id, { personId: ana.id, role: "Enlace con la prensa" });
    await expect(
      addRole(s.t.deps, s.actor, event.id, { personId: ana.id, role: "Enlace con la prensa" }),
    ).rejects.toMatchObject({
      status: 422,
    });
    const roles = (await plan(event.id)).roles;
    expect(roles.map((r) => [r.role, r.customName])).toEqual([["custom", "Enlace con la prensa"]]);
  });

  it("another organization can neither read nor change the plan", async () => {
    const event = await makeEvent(s.t.deps, s.actor);
    const ana = await makePerson(s.t.deps, s.actor, "Ana Prueba", "core");
    const role = await addRole(s.t.deps, s.actor, event.id, { personId: ana.id, role: "lead" });
    const stranger = await makePerson(s.t.deps, s.other, "Persona Ajena", "core");
    const notFound = (attempt: Promise<unknown>) =>
      expect(attempt).rejects.toMatchObject({ status: 404 });
    await notFound(requireEventAccess(s.t.database.db, s.other.orgId, event.id));
    await notFound(addRole(s.t.deps, s.other, event.id, { personId: stranger.id, role: "lead" }));
    await notFound(removePlanItem(s.t.deps, s.other, event.id, "role", role.id));
    await notFound(
      setAttendance(s.t.deps, s.other, event.id, { personId: stranger.id, status: "going" }),
    );
    const left = await s.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM action_roles WHERE event_id = ${event.id}`,
    );
    expect(Number(left.rows[0]?.n)).toBe(1);
  });
});

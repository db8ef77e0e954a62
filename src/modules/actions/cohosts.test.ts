import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEvent, makePerson } from "../../../test/support/actions";
import { createOrg, createTestApp, type TestApp } from "../../../test/support/app";
import { STORES } from "../../../test/support/stores";
import type { Actor } from "../../platform/actor";
import { searchPeople } from "../people/search-people";
import { addCohost } from "./add-cohost";
import { addMaterial } from "./add-material";
import { addRole } from "./add-role";
import { listCohostInvitations } from "./cohost-invitations";
import { requireEventAccess } from "./event-record";
import { listEvents } from "./list-events";
import { loadPlan } from "./load-plan";
import { removeCohost } from "./remove-cohost";
import { removePlanItem } from "./remove-plan-item";
import { respondCohostInvitation } from "./respond-cohost-invitation";
import { setAttendance } from "./set-attendance";
import { updateEvent } from "./update-event";

// Co-hosting (docs/decisions/055-action-cohosts.md), proved from both sides.
describe.each(STORES)("co-hosted actions on %s", (store) => {
  let t: TestApp;
  let host: Actor;
  let cohost: Actor;
  let outsider: Actor;
  let cohostSlug: string;

  beforeAll(async () => {
    t = await createTestApp(store);
    host = (await createOrg(t, "Comité Anfitrión")).actor;
    const c = await createOrg(t, "Unión de Inquilinas");
    cohost = c.actor;
    cohostSlug = c.slug;
    outsider = (await createOrg(t, "Grupo Ajeno")).actor;
  });
  afterAll(() => t.close());

  const planFor = async (eventId: string, a: Actor) =>
    loadPlan(t.database.db, a.orgId, await requireEventAccess(t.database.db, a.orgId, eventId));

  it("each side plans with its own people and sees only names of the other's", async () => {
    const event = await makeEvent(t.deps, host);
    const invitation = await addCohost(t.deps, host, event.id, { orgSlug: cohostSlug });
    await respondCohostInvitation(t.deps, cohost, invitation.id, "accepted");
    await addCohost(t.deps, host, event.id, { name: "Red de Iglesias (no está en Amparo)" });
    const hostLead = await makePerson(t.deps, host, "Lupe Anfitriona", "leader", {
      phones: [{ number: "555-010-1111" }],
    });
    const cohostMarshal = await makePerson(t.deps, cohost, "Rosa Coanfitriona", "core", {
      phones: [{ number: "555-010-2222" }],
    });
    await addRole(t.deps, host, event.id, { personId: hostLead.id, role: "lead" });
    const theirRole = await addRole(t.deps, cohost, event.id, {
      personId: cohostMarshal.id,
      role: "marshal",
    });
    await addMaterial(t.deps, cohost, event.id, {
      item: "Botiquín",
      quantity: 1,
      bringerPersonId: cohostMarshal.id,
    });
    await setAttendance(t.deps, cohost, event.id, { personId: cohostMarshal.id, status: "going" });

    // The co-host can't put the host's people on its rows, nor the host the co-host's.
    await expect(
      addRole(t.deps, cohost, event.id, { personId: hostLead.id, role: "medic" }),
    ).rejects.toMatchObject({
      fields: { personId: "person_not_found" },
    });
    await expect(
      addRole(t.deps, host, event.id, { personId: cohostMarshal.id, role: "medic" }),
    ).rejects.toMatchObject({
      fields: { personId: "person_not_found" },
    });

    const fromHost = await planFor(event.id, host);
    const fromCohost = await planFor(event.id, cohost);
    expect(fromHost.isHost).toBe(true);
    expect(fromCohost.isHost).toBe(false);
    expect(fromHost.cohosts.map((c) => c.name).sort()).toEqual([
      "Red de Iglesias (no está en Amparo)",
      "Unión de Inquilinas",
    ]);
    expect(fromHost.roles).toHaveLength(2);
    expect(fromCohost.roles).toHaveLength(2);
    // Names only across the line: no phone, not "own".
    expect(fromHost.people.get(cohostMarshal.id)).toMatchObject({
      displayName: "Rosa Coanfitriona",
      own: false,
      phone: null,
    });
    expect(fromCohost.people.get(hostLead.id)).toMatchObject({
      displayName: "Lupe Anfitriona",
      own: false,
      phone: null,
    });
    expect(fromHost.people.get(hostLead.id)?.phone).toBe("555-010-1111");
    expect(fromHost.counts.going).toBe(1);
    // Both see it listed; the co-host's list marks it as not theirs to edit.
    const listed = await listEvents(t.database.db, cohost.orgId, {});
    expect(listed.items.map((e) => [e.id, e.isHost])).toContainEqual([event.id, false]);

    // Neither reaches the other's people database.
    const hostSearch = await searchPeople(t.database.db, host, { q: "Rosa", page: 1, perPage: 25 });
    expect(hostSearch.people).toEqual([]);
    const cohostSearch = await searchPeople(t.database.db, cohost, {
      q: "Lupe",
      page: 1,
      perPage: 25,
    });
    expect(cohostSearch.people).toEqual([]);

    // Each changes only its own rows; only the host changes the action itself.
    await expect(
      removePlanItem(t.deps, host, event.id, "role", theirRole.id),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      updateEvent(t.deps, cohost, event.id, { ...(await hostInput(event.id)) }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await removePlanItem(t.deps, cohost, event.id, "role", theirRole.id);

    // A third organization sees nothing; a removed co-host loses access.
    await expect(requireEventAccess(t.database.db, outsider.orgId, event.id)).rejects.toMatchObject(
      { status: 404 },
    );
    const cohostRow = fromHost.cohosts.find((c) => c.cohostOrgId === cohost.orgId);
    if (!cohostRow) throw new Error("co-host row missing");
    await removeCohost(t.deps, host, event.id, cohostRow.id);
    await expect(requireEventAccess(t.database.db, cohost.orgId, event.id)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("refuses an unknown organization, the host itself, and a co-host twice", async () => {
    const event = await makeEvent(t.deps, host);
    const hostSlug = (await createOrg(t)).slug;
    await expect(
      addCohost(t.deps, host, event.id, { orgSlug: "no-existe-esta" }),
    ).rejects.toMatchObject({
      fields: { orgSlug: "invalid" },
    });
    await addCohost(t.deps, host, event.id, { orgSlug: cohostSlug });
    await expect(addCohost(t.deps, host, event.id, { orgSlug: cohostSlug })).rejects.toMatchObject({
      fields: { orgSlug: "invalid" },
    });
    await expect(addCohost(t.deps, cohost, event.id, { orgSlug: hostSlug })).rejects.toMatchObject({
      status: 404,
    });
    await expect(addCohost(t.deps, host, event.id, {})).rejects.toMatchObject({
      fields: { name: "required" },
    });
  });

  it("an invited organization sees nothing of the plan until one of its organizers accepts", async () => {
    const event = await makeEvent(t.deps, host, { titleEs: "Marcha con invitación" });
    const lead = await makePerson(t.deps, host, "Marta Anfitriona", "leader", {
      phones: [{ number: "555-010-3333" }],
    });
    await addRole(t.deps, host, event.id, { personId: lead.id, role: "lead" });
    const invitation = await addCohost(t.deps, host, event.id, { orgSlug: cohostSlug });
    const shut = async () => {
      await expect(requireEventAccess(t.database.db, cohost.orgId, event.id)).rejects.toMatchObject(
        { status: 404 },
      );
      const listed = await listEvents(t.database.db, cohost.orgId, { when: "all" });
      expect(listed.items.map((e) => e.id)).not.toContain(event.id);
      const member = await makePerson(t.deps, cohost, `Invitada ${Math.random()}`, "core");
      await expect(
        addRole(t.deps, cohost, event.id, { personId: member.id, role: "marshal" }),
      ).rejects.toMatchObject({ status: 404 });
      await expect(
        setAttendance(t.deps, cohost, event.id, { personId: member.id, status: "going" }),
      ).rejects.toMatchObject({ status: 404 });
    };
    // Invited: what it may know is who invites it and the title, nothing of the plan.
    await shut();
    const open = await listCohostInvitations(t.database.db, cohost.orgId);
    const mine = open.find((i) => i.id === invitation.id);
    expect(mine).toMatchObject({ hostName: "Comité Anfitrión" });
    expect(JSON.stringify(mine)).not.toContain("Marta");
    // The host sees it as pending; no one else may answer for the invited organization.
    const hostPlan = await loadPlan(
      t.database.db,
      host.orgId,
      await requireEventAccess(t.database.db, host.orgId, event.id),
    );
    expect(hostPlan.cohosts.map((c) => c.status)).toEqual(["invited"]);
    for (const who of [host, outsider])
      await expect(
        respondCohostInvitation(t.deps, who, invitation.id, "accepted"),
      ).rejects.toMatchObject({ status: 404 });
    await shut();
    // Declined: still nothing, and it can't be answered again.
    await respondCohostInvitation(t.deps, cohost, invitation.id, "declined");
    await shut();
    await expect(
      respondCohostInvitation(t.deps, cohost, invitation.id, "accepted"),
    ).rejects.toMatchObject({ status: 404 });
    expect(
      (await listCohostInvitations(t.database.db, cohost.orgId)).map((i) => i.id),
    ).not.toContain(invitation.id);
    // Invited again and accepted: now it sees the plan (the host's people by name only).
    const hostView = await loadPlan(
      t.database.db,
      host.orgId,
      await requireEventAccess(t.database.db, host.orgId, event.id),
    );
    const declinedRow = hostView.cohosts.find((c) => c.cohostOrgId === cohost.orgId);
    if (!declinedRow) throw new Error("co-host row missing");
    expect(declinedRow.status).toBe("declined");
    await removeCohost(t.deps, host, event.id, declinedRow.id);
    const again = await addCohost(t.deps, host, event.id, { orgSlug: cohostSlug });
    await respondCohostInvitation(t.deps, cohost, again.id, "accepted");
    const seen = await planFor(event.id, cohost);
    expect(seen.people.get(lead.id)).toMatchObject({
      displayName: "Marta Anfitriona",
      phone: null,
    });
  });

  async function hostInput(eventId: string) {
    const { event } = await requireEventAccess(t.database.db, host.orgId, eventId);
    return {
      slug: event.slug,
      kind: event.kind,
      titleEs: "Cambiado por la coanfitriona",
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: event.timeZone,
    };
  }
});

import { describe, expect, it } from "vitest";
import { hostAndCohost, makeEvent, makePerson } from "../../../test/support/actions";
import { createOrg } from "../../../test/support/app";
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
  let outsider: Actor;
  const s = hostAndCohost(store, async ({ t }) => {
    outsider = (await createOrg(t, "Grupo Ajeno")).actor;
  });

  const planFor = async (eventId: string, a: Actor) =>
    loadPlan(s.t.database.db, a.orgId, await requireEventAccess(s.t.database.db, a.orgId, eventId));

  it("each side plans with its own people and sees only names of the other's", async () => {
    const event = await makeEvent(s.t.deps, s.host);
    const invitation = await addCohost(s.t.deps, s.host, event.id, { orgSlug: s.cohostSlug });
    await respondCohostInvitation(s.t.deps, s.cohost, invitation.id, "accepted");
    await addCohost(s.t.deps, s.host, event.id, { name: "Red de Iglesias (no está en Amparo)" });
    const hostLead = await makePerson(s.t.deps, s.host, "Lupe Anfitriona", "leader", {
      phones: [{ number: "555-010-1111" }],
    });
    const cohostMarshal = await makePerson(s.t.deps, s.cohost, "Rosa Coanfitriona", "core", {
      phones: [{ number: "555-010-2222" }],
    });
    await addRole(s.t.deps, s.host, event.id, { personId: hostLead.id, role: "lead" });
    const theirRole = await addRole(s.t.deps, s.cohost, event.id, {
      personId: cohostMarshal.id,
      role: "marshal",
    });
    await addMaterial(s.t.deps, s.cohost, event.id, {
      item: "Botiquín",
      quantity: 1,
      bringerPersonId: cohostMarshal.id,
    });
    await setAttendance(s.t.deps, s.cohost, event.id, {
      personId: cohostMarshal.id,
      status: "going",
    });

    // The co-host can't put the host's people on its rows, nor the host the co-host's.
    await expect(
      addRole(s.t.deps, s.cohost, event.id, { personId: hostLead.id, role: "medic" }),
    ).rejects.toMatchObject({
      fields: { personId: "person_not_found" },
    });
    await expect(
      addRole(s.t.deps, s.host, event.id, { personId: cohostMarshal.id, role: "medic" }),
    ).rejects.toMatchObject({
      fields: { personId: "person_not_found" },
    });

    const fromHost = await planFor(event.id, s.host);
    const fromCohost = await planFor(event.id, s.cohost);
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
    const listed = await listEvents(s.t.database.db, s.cohost.orgId, {});
    expect(listed.items.map((e) => [e.id, e.isHost])).toContainEqual([event.id, false]);

    // Neither reaches the other's people database.
    const hostSearch = await searchPeople(s.t.database.db, s.host, {
      q: "Rosa",
      page: 1,
      perPage: 25,
    });
    expect(hostSearch.people).toEqual([]);
    const cohostSearch = await searchPeople(s.t.database.db, s.cohost, {
      q: "Lupe",
      page: 1,
      perPage: 25,
    });
    expect(cohostSearch.people).toEqual([]);

    // Each changes only its own rows; only the host changes the action itself.
    await expect(
      removePlanItem(s.t.deps, s.host, event.id, "role", theirRole.id),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      updateEvent(s.t.deps, s.cohost, event.id, { ...(await hostInput(event.id)) }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await removePlanItem(s.t.deps, s.cohost, event.id, "role", theirRole.id);

    // A third organization sees nothing; a removed co-host loses access.
    await expect(
      requireEventAccess(s.t.database.db, outsider.orgId, event.id),
    ).rejects.toMatchObject({ status: 404 });
    const cohostRow = fromHost.cohosts.find((c) => c.cohostOrgId === s.cohost.orgId);
    if (!cohostRow) throw new Error("co-host row missing");
    await removeCohost(s.t.deps, s.host, event.id, cohostRow.id);
    await expect(
      requireEventAccess(s.t.database.db, s.cohost.orgId, event.id),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it("refuses an unknown organization, the host itself, and a co-host twice", async () => {
    const event = await makeEvent(s.t.deps, s.host);
    const hostSlug = (await createOrg(s.t)).slug;
    await expect(
      addCohost(s.t.deps, s.host, event.id, { orgSlug: "no-existe-esta" }),
    ).rejects.toMatchObject({
      fields: { orgSlug: "invalid" },
    });
    await addCohost(s.t.deps, s.host, event.id, { orgSlug: s.cohostSlug });
    await expect(
      addCohost(s.t.deps, s.host, event.id, { orgSlug: s.cohostSlug }),
    ).rejects.toMatchObject({
      fields: { orgSlug: "invalid" },
    });
    await expect(
      addCohost(s.t.deps, s.cohost, event.id, { orgSlug: hostSlug }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(addCohost(s.t.deps, s.host, event.id, {})).rejects.toMatchObject({
      fields: { name: "required" },
    });
  });

  it("an invited organization sees nothing of the plan until one of its organizers accepts", async () => {
    const event = await makeEvent(s.t.deps, s.host, { titleEs: "Marcha con invitación" });
    const lead = await makePerson(s.t.deps, s.host, "Marta Anfitriona", "leader", {
      phones: [{ number: "555-010-3333" }],
    });
    await addRole(s.t.deps, s.host, event.id, { personId: lead.id, role: "lead" });
    const invitation = await addCohost(s.t.deps, s.host, event.id, { orgSlug: s.cohostSlug });
    const shut = async () => {
      await expect(
        requireEventAccess(s.t.database.db, s.cohost.orgId, event.id),
      ).rejects.toMatchObject({ status: 404 });
      const listed = await listEvents(s.t.database.db, s.cohost.orgId, { when: "all" });
      expect(listed.items.map((e) => e.id)).not.toContain(event.id);
      const member = await makePerson(s.t.deps, s.cohost, `Invitada ${Math.random()}`, "core");
      await expect(
        addRole(s.t.deps, s.cohost, event.id, { personId: member.id, role: "marshal" }),
      ).rejects.toMatchObject({ status: 404 });
      await expect(
        setAttendance(s.t.deps, s.cohost, event.id, { personId: member.id, status: "going" }),
      ).rejects.toMatchObject({ status: 404 });
    };
    // Invited: what it may know is who invites it and the title, nothing of the plan.
    await shut();
    const open = await listCohostInvitations(s.t.database.db, s.cohost.orgId);
    const mine = open.find((i) => i.id === invitation.id);
    expect(mine).toMatchObject({ hostName: "Comité Anfitrión" });
    expect(JSON.stringify(mine)).not.toContain("Marta");
    // The host sees it as pending; no one else may answer for the invited organization.
    const hostPlan = await loadPlan(
      s.t.database.db,
      s.host.orgId,
      await requireEventAccess(s.t.database.db, s.host.orgId, event.id),
    );
    expect(hostPlan.cohosts.map((c) => c.status)).toEqual(["invited"]);
    for (const who of [s.host, outsider])
      await expect(
        respondCohostInvitation(s.t.deps, who, invitation.id, "accepted"),
      ).rejects.toMatchObject({ status: 404 });
    await shut();
    // Declined: still nothing, and it can't be answered again.
    await respondCohostInvitation(s.t.deps, s.cohost, invitation.id, "declined");
    await shut();
    await expect(
      respondCohostInvitation(s.t.deps, s.cohost, invitation.id, "accepted"),
    ).rejects.toMatchObject({ status: 404 });
    expect(
      (await listCohostInvitations(s.t.database.db, s.cohost.orgId)).map((i) => i.id),
    ).not.toContain(invitation.id);
    // Invited again and accepted: now it sees the plan (the host's people by name only).
    const hostView = await loadPlan(
      s.t.database.db,
      s.host.orgId,
      await requireEventAccess(s.t.database.db, s.host.orgId, event.id),
    );
    const declinedRow = hostView.cohosts.find((c) => c.cohostOrgId === s.cohost.orgId);
    if (!declinedRow) throw new Error("co-host row missing");
    expect(declinedRow.status).toBe("declined");
    await removeCohost(s.t.deps, s.host, event.id, declinedRow.id);
    const again = await addCohost(s.t.deps, s.host, event.id, { orgSlug: s.cohostSlug });
    await respondCohostInvitation(s.t.deps, s.cohost, again.id, "accepted");
    const seen = await planFor(event.id, s.cohost);
    expect(seen.people.get(lead.id)).toMatchObject({
      displayName: "Marta Anfitriona",
      phone: null,
    });
  });

  async function hostInput(eventId: string) {
    const { event } = await requireEventAccess(s.t.database.db, s.host.orgId, eventId);
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

import { randomBytes } from "node:crypto";
import { acceptInvitation, inviteUser } from "../../src/modules/accounts/invitations";
import type { Actor } from "../../src/platform/actor";
import type { Role } from "../../src/platform/platform.schema";
import { apiClient } from "./api";
import { apiTokenFor, PASSWORD, type TestApp } from "./app";

/** Another user of the owner's organization with `role`, joined through a real invitation. */
export async function addMember(t: TestApp, owner: Actor, role: Role, name = `Miembro ${role}`) {
  const email = `${role}-${randomBytes(4).toString("hex")}@example.org`;
  const { token } = await inviteUser(t.database.db, owner, { email, role });
  const { userId } = await acceptInvitation(t.database.db, token, { name, password: PASSWORD });
  const actor: Actor = { orgId: owner.orgId, userId, role };
  return { actor, email, userId, name };
}

/** The JSON API as another user of the owner's organization with `role` (see addMember). */
export async function roleApi(t: TestApp, owner: Actor, role: Role, name?: string) {
  const { actor } = await addMember(t, owner, role, name);
  return apiClient(t, await apiTokenFor(t, actor));
}

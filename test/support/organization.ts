import type { Db } from "../../src/db/client";
import { setupOrganization } from "../../src/modules/accounts/setup-organization";
import type { Actor } from "../../src/platform/actor";

/**
 * The invented organization of a store written to directly (no test app around it: a store
 * a spawned server or a store move will open), and its owner as an actor.
 */
export async function inventedOrganization(db: Db, slug = "prueba") {
  const org = await setupOrganization(
    db,
    {
      org_name: "Comité de Prueba",
      slug,
      time_zone: "America/Los_Angeles",
      default_language: "es",
      owner_name: "Dueña Inventada",
      email: "owner@example.org",
      password: "una frase larga secreta",
    },
    { onlyIfFirst: false },
  );
  const actor: Actor = { orgId: org.orgId, userId: org.userId, role: "owner" };
  return { ...org, actor };
}

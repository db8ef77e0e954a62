import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { notFound } from "../../platform/errors";
import { people } from "./people.schema";

/** Removes the person and their emails (cascade). The audit keeps only the id. */
export async function deletePerson(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(people)
      .where(and(eq(people.orgId, actor.orgId), eq(people.id, id)))
      .returning({ id: people.id });
    if (deleted.length === 0) throw notFound();
    await audit(tx, actor, "person.deleted", { type: "person", id });
  });
}

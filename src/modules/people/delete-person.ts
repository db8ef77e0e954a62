import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { people } from "./people.schema";

/** Removes the person and their emails (cascade). The audit keeps only the id. */
export function deletePerson(deps: Deps, actor: Actor, id: string): Promise<void> {
  return runOperation(deps, actor, async (op) => {
    const deleted = await op.tx
      .delete(people)
      .where(ownRow(people, actor.orgId, id))
      .returning({ id: people.id });
    if (deleted.length === 0) throw notFound();
    await op.audit("person.deleted", { type: "person", id });
  });
}

import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { getPerson } from "../people/person-record";
import { updatePerson } from "../people/update-person";
import { rank } from "./leadership";
import "./reviews.errors";

// An organizer confirms a suggested engagement level: the only way a suggestion changes a
// person (nothing changes silently). `from` guards against a page left open while someone
// else changed the level.

const LEVEL = z.enum(["contact", "supporter", "active", "core", "leader"], "invalid_choice");
export const ConfirmEngagementSchema = z.object({ from: LEVEL, to: LEVEL });
export type ConfirmEngagement = z.infer<typeof ConfirmEngagementSchema>;

export async function confirmEngagement(
  deps: Deps,
  actor: Actor,
  personId: string,
  input: ConfirmEngagement,
): Promise<void> {
  const person = await getPerson(deps.db, actor.orgId, personId);
  if (!person) throw notFound();
  if (person.engagementLevel !== input.from) throw new AppError("level_changed");
  if (rank(input.to) <= rank(input.from)) throw new AppError("bad_request");
  await runOperation(deps, actor, async (op) => {
    // The people module's own operation, inside this transaction (a savepoint).
    await updatePerson({ ...op.deps, db: op.tx }, actor, personId, { engagementLevel: input.to });
    await op.audit(
      "leadership.level_confirmed",
      { type: "person", id: personId },
      {
        from: input.from,
        to: input.to,
      },
    );
  });
}

import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { oneCase } from "./case-keys";
import { actorSeesSensitive, teamCandidates } from "./case-record";
import { cases, caseTeam } from "./defense.schema";

/**
 * Replaces a case's team. Only someone who already has sensitive access (an owner or a
 * team member) may change it, so nobody can add themselves to reach the A-number.
 * Every user must be a member of this organization who may read cases.
 */
export const setCaseTeam = (
  deps: Deps,
  actor: Actor,
  caseId: string,
  userIds: readonly string[],
): Promise<void> =>
  runOperation(deps, actor, async (op) => {
    const tx = op.tx;
    // Locked: two team changes at once apply one after the other.
    const [exists] = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(oneCase(actor.orgId, caseId))
      .for("update");
    if (!exists) throw notFound();
    if (!(await actorSeesSensitive(tx, actor, caseId))) throw new AppError("forbidden");
    const allowed = new Set((await teamCandidates(tx, actor.orgId)).map((u) => u.userId));
    const wanted = [...new Set(userIds)];
    if (wanted.some((id) => !allowed.has(id))) throw notFound();
    const before = (
      await tx
        .select({ userId: caseTeam.userId })
        .from(caseTeam)
        .where(and(eq(caseTeam.orgId, actor.orgId), eq(caseTeam.caseId, caseId)))
    ).map((r) => r.userId);
    await tx
      .delete(caseTeam)
      .where(and(eq(caseTeam.orgId, actor.orgId), eq(caseTeam.caseId, caseId)));
    if (wanted.length > 0) {
      await tx
        .insert(caseTeam)
        .values(wanted.map((userId) => ({ orgId: actor.orgId, caseId, userId })));
    }
    await op.audit(
      "case.team_changed",
      { type: "case", id: caseId },
      {
        added: wanted.filter((id) => !before.includes(id)),
        removed: before.filter((id) => !wanted.includes(id)),
      },
    );
  });

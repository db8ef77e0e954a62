import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { definedOnly } from "../../platform/fields";
import { runOperation } from "../../platform/operation";
import { type Case, type CaseFields, caseSearchText } from "./case";
import { encryptCaseSensitive, sensitiveFieldsIn } from "./case-crypto";
import { oneCase } from "./case-keys";
import { actorSeesSensitive, getCase } from "./case-record";
import { cases } from "./defense.schema";
import "./defense.events";
import { requireOwnFacilities } from "./facility-record";

/**
 * Changes the fields present in `patch`. The person a case belongs to never changes.
 * Sensitive fields (undefined keeps, null clears) need the owner or the case team.
 * The audit lists the names of the fields that changed, never their values.
 */
export const updateCase = (
  deps: Deps,
  actor: Actor,
  id: string,
  patch: Partial<Omit<CaseFields, "personId">>,
): Promise<Case> =>
  runOperation(deps, actor, async (op) => {
    const tx = op.tx;
    // Read inside the transaction, locked: two edits at once apply one after the other.
    const current = await getCase(tx, actor.orgId, id, { forUpdate: true });
    if (!current) throw notFound();
    const sensitive = sensitiveFieldsIn(patch);
    if (sensitive.length > 0 && !(await actorSeesSensitive(tx, actor, id))) {
      throw new AppError("forbidden");
    }
    if (patch.facilityId) await requireOwnFacilities(tx, actor.orgId, [patch.facilityId]);
    const set = definedOnly({
      status: patch.status,
      facilityId: patch.facilityId,
      detainedOn: patch.detainedOn,
      lawyerName: patch.lawyerName,
      lawyerContact: patch.lawyerContact,
      bondCents: patch.bondCents,
      bondCurrency: patch.bondCurrency,
      needs: patch.needs,
      public: patch.public,
      publicStoryEs: patch.publicStoryEs,
      publicStoryEn: patch.publicStoryEn,
    });
    await tx
      .update(cases)
      .set({
        ...set,
        ...encryptCaseSensitive(deps.cipher, id, patch),
        searchText: caseSearchText({
          personDisplayName: current.personDisplayName,
          lawyerName: patch.lawyerName !== undefined ? patch.lawyerName : current.lawyerName,
        }),
        updatedAt: new Date(),
        lastActivityAt: new Date(),
      })
      .where(oneCase(actor.orgId, id));
    await op.audit(
      "case.updated",
      { type: "case", id },
      { fields: [...Object.keys(set), ...sensitive] },
    );
    const updated = await getCase(tx, actor.orgId, id);
    if (!updated) throw notFound();
    const shown = (c: Case) => JSON.stringify([c.public, c.publicStory.es, c.publicStory.en]);
    if (shown(updated) !== shown(current)) {
      op.emit("defense.case_public_changed", { orgId: actor.orgId, caseId: id });
    }
    return updated;
  });

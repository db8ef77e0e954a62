import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { getPersonNames } from "../people/person-names";
import { type Case, type CaseFields, caseSearchText } from "./case";
import { encryptCaseSensitive, sensitiveFieldsIn } from "./case-crypto";
import { getCase } from "./case-record";
import { cases, caseTeam } from "./defense.schema";
import { requireOwnFacilities } from "./facility-record";

/**
 * Opens a case for a person of this organization. Whoever opens it joins its team, so
 * they can see the sensitive fields they just typed. An unknown person or facility is 404.
 */
export const createCase = (deps: Deps, actor: Actor, input: CaseFields): Promise<Case> =>
  runOperation(deps, actor, async (op) => {
    const tx = op.tx;
    // Only the name is needed (for search), never the person's whole record.
    const personDisplayName = (await getPersonNames(tx, actor.orgId, [input.personId])).get(
      input.personId,
    );
    if (personDisplayName === undefined) throw notFound();
    await requireOwnFacilities(tx, actor.orgId, [input.facilityId]);
    const id = randomUUID();
    await tx.insert(cases).values({
      id,
      orgId: actor.orgId,
      personId: input.personId,
      status: input.status,
      facilityId: input.facilityId,
      detainedOn: input.detainedOn,
      lawyerName: input.lawyerName,
      lawyerContact: input.lawyerContact,
      bondCents: input.bondCents,
      bondCurrency: input.bondCurrency,
      needs: input.needs,
      public: input.public,
      publicStoryEs: input.publicStoryEs,
      publicStoryEn: input.publicStoryEn,
      ...encryptCaseSensitive(deps.cipher, id, input),
      searchText: caseSearchText({ personDisplayName, lawyerName: input.lawyerName }),
      createdBy: actor.userId,
    });
    if (actor.userId) {
      await tx.insert(caseTeam).values({ orgId: actor.orgId, caseId: id, userId: actor.userId });
    }
    await op.audit(
      "case.created",
      { type: "case", id },
      { person_id: input.personId, sensitive_fields: sensitiveFieldsIn(input) },
    );
    const created = await getCase(tx, actor.orgId, id);
    if (!created) throw notFound();
    return created;
  });

import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { facilities } from "./defense.schema";
import { type Facility, type FacilityFields, facilitySearchText } from "./facility";
import { getFacility } from "./facility-record";

export const updateFacility = (
  deps: Deps,
  actor: Actor,
  id: string,
  input: FacilityFields,
): Promise<Facility> =>
  runOperation(deps, actor, async (op) => {
    const rows = await op.tx
      .update(facilities)
      .set({ ...input, searchText: facilitySearchText(input), updatedAt: new Date() })
      .where(ownRow(facilities, actor.orgId, id))
      .returning({ id: facilities.id });
    if (rows.length === 0) throw notFound();
    await op.audit("facility.updated", { type: "facility", id });
    const facility = await getFacility(op.tx, actor.orgId, id);
    if (!facility) throw notFound();
    return facility;
  });

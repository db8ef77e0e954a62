import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { facilities } from "./defense.schema";
import { type Facility, type FacilityFields, facilitySearchText } from "./facility";
import { getFacility } from "./facility-record";

export const createFacility = (
  deps: Deps,
  actor: Actor,
  input: FacilityFields,
): Promise<Facility> =>
  runOperation(deps, actor, async (op) => {
    const [row] = await op.tx
      .insert(facilities)
      .values({ orgId: actor.orgId, ...input, searchText: facilitySearchText(input) })
      .returning({ id: facilities.id });
    if (!row) throw new Error("insert returned nothing");
    await op.audit("facility.created", { type: "facility", id: row.id });
    const facility = await getFacility(op.tx, actor.orgId, row.id);
    if (!facility) throw notFound();
    return facility;
  });

import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { notFound } from "../../platform/errors";
import { facilities } from "./defense.schema";
import { type Facility, type FacilityFields, facilitySearchText } from "./facility";
import { getFacility } from "./facility-record";

export async function createFacility(
  deps: Deps,
  actor: Actor,
  input: FacilityFields,
): Promise<Facility> {
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(facilities)
      .values({ orgId: actor.orgId, ...input, searchText: facilitySearchText(input) })
      .returning({ id: facilities.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, "facility.created", { type: "facility", id: row.id });
    return row.id;
  });
  const facility = await getFacility(deps.db, actor.orgId, id);
  if (!facility) throw notFound();
  return facility;
}

import { and, eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { notFound } from "../../platform/errors";
import { facilities } from "./defense.schema";
import { type Facility, type FacilityFields, facilitySearchText } from "./facility";
import { getFacility } from "./facility-record";

export async function updateFacility(
  deps: Deps,
  actor: Actor,
  id: string,
  input: FacilityFields,
): Promise<Facility> {
  await deps.db.transaction(async (tx) => {
    const rows = await tx
      .update(facilities)
      .set({ ...input, searchText: facilitySearchText(input), updatedAt: new Date() })
      .where(and(eq(facilities.orgId, actor.orgId), eq(facilities.id, id)))
      .returning({ id: facilities.id });
    if (rows.length === 0) throw notFound();
    await audit(tx, actor, "facility.updated", { type: "facility", id });
  });
  const facility = await getFacility(deps.db, actor.orgId, id);
  if (!facility) throw notFound();
  return facility;
}

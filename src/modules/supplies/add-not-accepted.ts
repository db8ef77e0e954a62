import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { invalid } from "../../platform/errors";
import { LIMITS } from "./drive";
import { changeDrive } from "./drive-change";
import { getDrivePoint } from "./drive-record";
import { supplyNotAccepted } from "./supplies.schema";

/** "Please don't bring": for the whole drive, or for one drop-off point. */
export async function addNotAccepted(
  deps: Deps,
  actor: Actor,
  driveId: string,
  input: { text: { es: string; en: string }; pointId: string | null },
): Promise<{ id: string }> {
  const es = input.text.es.trim();
  const en = input.text.en.trim();
  if (!es) throw invalid({ text_es: "required" });
  if (es.length > LIMITS.notAccepted) throw invalid({ text_es: "too_long" });
  if (en.length > LIMITS.notAccepted) throw invalid({ text_en: "too_long" });
  return changeDrive(deps, actor, driveId, async (op, drive) => {
    if (input.pointId && !(await getDrivePoint(op.tx, actor.orgId, drive.id, input.pointId))) {
      throw invalid({ pointId: "invalid_choice" });
    }
    const id = randomUUID();
    await op.tx.insert(supplyNotAccepted).values({
      id,
      orgId: actor.orgId,
      driveId: drive.id,
      pointId: input.pointId,
      textEs: es,
      textEn: en || es,
    });
    await op.audit(
      "supply_not_accepted.added",
      { type: "supply_not_accepted", id },
      { drive_id: drive.id },
    );
    return { id };
  });
}

import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { invalid, isUniqueViolation, notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { checkDriveCase, driveColumns } from "./create-drive";
import type { DriveFields } from "./drive";
import { type Drive, getDrive, lockDrive } from "./drive-record";
import { supplyDrives } from "./supplies.schema";
import { DRIVE_CHANGED } from "./supplies-events";

export async function updateDrive(
  deps: Deps,
  actor: Actor,
  id: string,
  input: DriveFields,
): Promise<Drive> {
  await checkDriveCase(deps, actor, input);
  try {
    return await runOperation(deps, actor, async (op) => {
      const before = await lockDrive(op.tx, actor.orgId, id);
      if (!before) throw notFound();
      await op.tx
        .update(supplyDrives)
        .set({ ...driveColumns(input), updatedAt: new Date() })
        .where(ownRow(supplyDrives, actor.orgId, id));
      await op.audit(
        "supply_drive.updated",
        { type: "supply_drive", id },
        {
          public: input.public,
          open: input.open,
        },
      );
      op.emit(DRIVE_CHANGED, { orgId: actor.orgId, driveId: id });
      const drive = await getDrive(op.tx, actor.orgId, id);
      if (!drive) throw new Error("updated drive vanished");
      return drive;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ slug: "slug_taken" });
    throw error;
  }
}

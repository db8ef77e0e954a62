import { ownRow } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { slugTakenOnClash } from "../../platform/errors";
import { checkDriveCase, driveColumns } from "./create-drive";
import type { DriveFields } from "./drive";
import { changeDrive } from "./drive-change";
import { type Drive, getDrive } from "./drive-record";
import { supplyDrives } from "./supplies.schema";

export async function updateDrive(
  deps: Deps,
  actor: Actor,
  id: string,
  input: DriveFields,
): Promise<Drive> {
  await checkDriveCase(deps, actor, input);
  return slugTakenOnClash(() =>
    changeDrive(deps, actor, id, async (op) => {
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
      const drive = await getDrive(op.tx, actor.orgId, id);
      if (!drive) throw new Error("updated drive vanished");
      return drive;
    }),
  );
}

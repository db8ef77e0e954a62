import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { type Operation, runOperation } from "../../platform/operation";
import { type Drive, lockDrive } from "./drive-record";
import { DRIVE_CHANGED } from "./supplies-events";

/**
 * A write to one of the organization's drives, through runOperation: the drive row locked
 * first (writers to one drive go one after the other), 404 when it is not the
 * organization's, and its public page told it changed once the write has committed
 * (nothing is said when `write` throws).
 */
export function changeDrive<T>(
  deps: Deps,
  actor: Actor,
  driveId: string,
  write: (op: Operation, drive: Drive) => Promise<T>,
): Promise<T> {
  return runOperation(deps, actor, async (op) => {
    const drive = await lockDrive(op.tx, actor.orgId, driveId);
    if (!drive) throw notFound();
    const result = await write(op, drive);
    op.emit(DRIVE_CHANGED, { orgId: actor.orgId, driveId: drive.id });
    return result;
  });
}

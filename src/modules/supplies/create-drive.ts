import { randomUUID } from "node:crypto";
import type { Actor, Deps } from "../../platform/actor";
import { slugTakenOnClash } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { fold } from "../../platform/text";
import { requireLinkedCase } from "../defense/case-lookup";
import type { DriveFields } from "./drive";
import { type Drive, getDrive } from "./drive-record";
import { supplyDrives } from "./supplies.schema";
import { DRIVE_CHANGED } from "./supplies-events";

export const driveSearchText = (d: Pick<DriveFields, "slug" | "title">) =>
  fold([d.title.es, d.title.en, d.slug].join(" "));

/** The drive's columns as create and update both write them. */
export const driveColumns = (input: DriveFields) => ({
  slug: input.slug,
  titleEs: input.title.es,
  titleEn: input.title.en,
  descriptionEs: input.description.es || null,
  descriptionEn: input.description.en || null,
  serves: input.serves,
  servesNote: input.servesNote,
  caseId: input.caseId,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  open: input.open,
  public: input.public,
  searchText: driveSearchText(input),
});

/** A drive may name one of the organization's own cases; another id is a field error. */
export async function checkDriveCase(deps: Deps, actor: Actor, input: DriveFields) {
  if (input.caseId) await requireLinkedCase(deps.db, actor.orgId, input.caseId);
}

export async function createDrive(deps: Deps, actor: Actor, input: DriveFields): Promise<Drive> {
  await checkDriveCase(deps, actor, input);
  return slugTakenOnClash(() =>
    runOperation(deps, actor, async (op) => {
      const id = randomUUID();
      await op.tx
        .insert(supplyDrives)
        .values({ id, orgId: actor.orgId, ...driveColumns(input), createdBy: actor.userId });
      // The audit row never carries the titles: they may name the family a drive serves.
      await op.audit(
        "supply_drive.created",
        { type: "supply_drive", id },
        { public: input.public },
      );
      op.emit(DRIVE_CHANGED, { orgId: actor.orgId, driveId: id });
      const drive = await getDrive(op.tx, actor.orgId, id);
      if (!drive) throw new Error("created drive vanished");
      return drive;
    }),
  );
}

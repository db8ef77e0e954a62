import { AppError, type FieldErrors } from "../../platform/errors";
import { type AppContext, requireUuidParam } from "../../platform/http";
import { pageView } from "../../platform/ui/view";
import { DriveDashboardPage } from "./drive.page";
import { loadNeedFigures } from "./drive-figures";
import { drivePath } from "./drive-public.page";
import { type Drive, getDrive, listNotAccepted, listPoints } from "./drive-record";
import { latestMovements } from "./movement-record";
import { suppliesText } from "./supplies.messages";

// What the staff route groups share: the view props, the drive in the URL, notices.

export const view = pageView;

export async function requireDrive(c: AppContext): Promise<Drive> {
  const drive = await getDrive(c.get("deps").db, c.var.signedIn.org.id, requireUuidParam(c));
  if (!drive) throw new AppError("not_found");
  return drive;
}

const NOTICES = {
  created: "created",
  saved: "saved",
  need: "need_added",
  point: "point_added",
  not_accepted: "not_accepted_added",
  undone: "undone",
  pledge: "pledge_done",
  deposit: "deposit_done",
} as const;

export function notice(c: AppContext): string | undefined {
  const key = c.req.query("done");
  return key && key in NOTICES
    ? suppliesText[c.get("lang")][NOTICES[key as keyof typeof NOTICES]]
    : undefined;
}

/** The dashboard, optionally with one of its forms filled in and marked (after a failed post). */
export async function dashboard(
  c: AppContext,
  drive: Drive,
  forms?: Parameters<typeof DriveDashboardPage>[0]["forms"],
) {
  const auth = c.var.signedIn;
  const db = c.get("deps").db;
  const [needs, points, notAccepted, movements] = [
    await loadNeedFigures(db, auth.org.id, drive.id, new Date()),
    await listPoints(db, auth.org.id, drive.id),
    await listNotAccepted(db, auth.org.id, drive.id),
    await latestMovements(db, auth.org.id, drive.id, 20),
  ];
  return (
    <DriveDashboardPage
      {...view(c)}
      drive={drive}
      needs={needs}
      points={points}
      notAccepted={notAccepted}
      movements={movements}
      publicUrl={drivePath(auth.org.slug, drive.slug)}
      forms={forms}
      notice={notice(c)}
    />
  );
}

/** Field paths of the domain ("title.es") as the forms name their fields ("title_es"). */
export function formErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, key] of Object.entries(errors)) out[path.replaceAll(".", "_")] = key;
  return out;
}

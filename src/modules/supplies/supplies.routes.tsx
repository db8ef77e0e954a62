import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import type { FieldErrors } from "../../platform/errors";
import { fieldErrorsOf, parseWith, readForm } from "../../platform/form-input";
import { type AppEnv, render, requireUuidParam } from "../../platform/http";
import { fold, searchQuery } from "../../platform/text";
import { dayInZone } from "../../platform/time";
import { emptyForm } from "../../platform/ui/forms";
import { getPersonNames } from "../people/person-names";
import { cancelPledge } from "./cancel-pledge";
import { createDrive } from "./create-drive";
import { DriveFieldsSchema } from "./drive";
import { needsCsv } from "./drive-export";
import { loadNeedFigures } from "./drive-figures";
import { DriveFormPage, driveToForm, formToDrive } from "./drive-form.page";
import { listDrives } from "./drive-record";
import { PledgesDuePage } from "./pledges.page";
import { receivePledge } from "./receive-pledge";
import { dashboard, formErrors, notice, requireDrive, view } from "./supplies-http";
import { SuppliesListPage } from "./supplies-list.page";
import { lowStock, pledgesDue } from "./supplies-today";
import { updateDrive } from "./update-drive";

// Staff pages for supply drives. Each route: parse -> allow -> one operation -> render.

export const suppliesRoutes = new Hono<AppEnv>();

suppliesRoutes.get("/supplies", allow("supplies.read"), async (c) => {
  const auth = c.var.signedIn;
  const db = c.get("deps").db;
  const q = searchQuery(c.req.query("q"));
  const today = dayInZone(new Date(), auth.org.timeZone);
  const { drives } = await listDrives(db, auth.org.id, { q: fold(q) });
  const due = await pledgesDue(db, auth.org.id, today, new Date());
  const low = await lowStock(db, auth.org.id);
  return render(
    c,
    <SuppliesListPage
      {...view(c)}
      drives={drives}
      q={q}
      dueToday={due.length}
      lowStock={low}
      notice={notice(c)}
    />,
  );
});

suppliesRoutes.get("/supplies/new", allow("supplies.manage"), (c) =>
  render(c, <DriveFormPage {...view(c)} form={emptyForm({ serves: "other", open: "on" })} />),
);

suppliesRoutes.post("/supplies", allow("supplies.manage"), async (c) => {
  const values = await readForm(c);
  const again = (errors: FieldErrors) =>
    render(c, <DriveFormPage {...view(c)} form={{ values, errors: formErrors(errors) }} />, 422);
  const parsed = parseWith(DriveFieldsSchema, formToDrive(values));
  if (!parsed.ok) return again(parsed.errors);
  try {
    const drive = await createDrive(c.get("deps"), c.var.actor, parsed.data);
    return c.redirect(`/supplies/${drive.id}?done=created`, 303);
  } catch (error) {
    return again(fieldErrorsOf(error));
  }
});

suppliesRoutes.get("/supplies/pledges", allow("supplies.read"), async (c) => {
  const auth = c.var.signedIn;
  const db = c.get("deps").db;
  const pledges = await pledgesDue(
    db,
    auth.org.id,
    dayInZone(new Date(), auth.org.timeZone),
    new Date(),
  );
  const names = await getPersonNames(
    db,
    auth.org.id,
    pledges.flatMap((p) => (p.personId ? [p.personId] : [])),
  );
  return render(
    c,
    <PledgesDuePage {...view(c)} pledges={pledges} names={names} notice={notice(c)} />,
  );
});

suppliesRoutes.post("/supplies/pledges/:id/arrived", allow("supplies.receive"), async (c) => {
  await receivePledge(c.get("deps"), c.var.actor, requireUuidParam(c));
  return c.redirect("/supplies/pledges?done=pledge", 303);
});

suppliesRoutes.post("/supplies/pledges/:id/cancel", allow("supplies.receive"), async (c) => {
  await cancelPledge(c.get("deps"), c.var.actor, requireUuidParam(c));
  return c.redirect("/supplies/pledges?done=pledge", 303);
});

suppliesRoutes.get("/supplies/:id", allow("supplies.read"), async (c) => {
  const drive = await requireDrive(c);
  return render(c, await dashboard(c, drive));
});

suppliesRoutes.get("/supplies/:id/edit", allow("supplies.manage"), async (c) => {
  const drive = await requireDrive(c);
  return render(
    c,
    <DriveFormPage {...view(c)} drive={drive} form={emptyForm(driveToForm(drive))} />,
  );
});

suppliesRoutes.post("/supplies/:id", allow("supplies.manage"), async (c) => {
  const drive = await requireDrive(c);
  const values = await readForm(c);
  const again = (errors: FieldErrors) =>
    render(
      c,
      <DriveFormPage {...view(c)} drive={drive} form={{ values, errors: formErrors(errors) }} />,
      422,
    );
  const parsed = parseWith(DriveFieldsSchema, formToDrive(values));
  if (!parsed.ok) return again(parsed.errors);
  try {
    await updateDrive(c.get("deps"), c.var.actor, drive.id, parsed.data);
    return c.redirect(`/supplies/${drive.id}?done=saved`, 303);
  } catch (error) {
    return again(fieldErrorsOf(error));
  }
});

suppliesRoutes.get("/supplies/:id/export.csv", allow("supplies.read"), async (c) => {
  const drive = await requireDrive(c);
  const needs = await loadNeedFigures(
    c.get("deps").db,
    c.var.signedIn.org.id,
    drive.id,
    new Date(),
  );
  // The slug names the file: the title might name the family the drive serves.
  return c.body(needsCsv(needs, c.get("lang")), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${drive.slug}.csv"`,
  });
});

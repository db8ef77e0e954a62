import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { AppError, type FieldErrors, fieldsFromZod } from "../../platform/errors";
import { fieldErrorsOf, readForm } from "../../platform/form-input";
import { type AppEnv, render, requireUuidParam } from "../../platform/http";
import { addDropOffPoint, setPointActive } from "./add-drop-off-point";
import { addNeed } from "./add-need";
import { addNotAccepted } from "./add-not-accepted";
import { NeedFieldsSchema } from "./drive";
import { UndoMovementPage } from "./drive.page";
import { loadNeedFigures } from "./drive-figures";
import { getMovementLine } from "./movement-record";
import { reverseMovement } from "./reverse-movement";
import { suppliesText } from "./supplies.messages";
import type { ReceivingHours } from "./supplies.schema";
import { dashboard, formErrors, requireDrive, view } from "./supplies-http";
import { amountText, itemLabel } from "./units";

// The dashboard's own forms (needs, drop-off points, "not accepted") and corrections.
// A failed form comes back on the dashboard with what was typed and the message beside it.

export const driveEditRoutes = new Hono<AppEnv>();

driveEditRoutes.post("/supplies/:id/needs", allow("supplies.manage"), async (c) => {
  const drive = await requireDrive(c);
  const values = await readForm(c);
  const again = async (errors: FieldErrors) =>
    render(c, await dashboard(c, drive, { need: { values, errors: needErrors(errors) } }), 422);
  const parsed = NeedFieldsSchema.safeParse(
    {
      item: { es: values.item_es ?? "", en: values.item_en ?? "" },
      unit: values.unit || "piece",
      quantity: values.quantity ?? "",
      urgent: values.urgent === "on",
      variant: values.variant ?? "",
      condition: values.condition || "any",
      neededBy: values.neededBy ?? "",
    },
    { reportInput: true },
  );
  if (!parsed.success) return again(fieldsFromZod(parsed.error));
  try {
    await addNeed(c.get("deps"), c.var.actor, drive.id, parsed.data);
    return c.redirect(`/supplies/${drive.id}?done=need`, 303);
  } catch (error) {
    return again(fieldErrorsOf(error));
  }
});

/** Quantity problems have their own keys in the domain; the form shows the common wording. */
function needErrors(errors: FieldErrors): FieldErrors {
  const out = formErrors(errors);
  if (out.item) out.item_es = out.item;
  return out;
}

driveEditRoutes.post("/supplies/:id/points", allow("supplies.manage"), async (c) => {
  const drive = await requireDrive(c);
  const values = await readForm(c);
  const hours: ReceivingHours[] = [];
  let partial = false;
  for (let day = 1; day <= 7; day++) {
    const opens = (values[`opens.${day}`] ?? "").trim();
    const closes = (values[`closes.${day}`] ?? "").trim();
    if (opens && closes) hours.push({ day, opens, closes });
    else if (opens || closes) partial = true;
  }
  const again = async (errors: FieldErrors) =>
    render(c, await dashboard(c, drive, { point: { values, errors } }), 422);
  if (partial) return again({ hours: "invalid" });
  try {
    await addDropOffPoint(c.get("deps"), c.var.actor, drive.id, {
      name: values.name ?? "",
      address: values.address ?? null,
      hours,
    });
    return c.redirect(`/supplies/${drive.id}?done=point`, 303);
  } catch (error) {
    return again(fieldErrorsOf(error));
  }
});

driveEditRoutes.post(
  "/supplies/:id/points/:pointId/active",
  allow("supplies.manage"),
  async (c) => {
    const drive = await requireDrive(c);
    const values = await readForm(c);
    await setPointActive(
      c.get("deps"),
      c.var.actor,
      drive.id,
      requireUuidParam(c, "pointId"),
      values.active === "yes",
    );
    return c.redirect(`/supplies/${drive.id}?done=saved`, 303);
  },
);

driveEditRoutes.post("/supplies/:id/not-accepted", allow("supplies.manage"), async (c) => {
  const drive = await requireDrive(c);
  const values = await readForm(c);
  const pointId = values.pointId || null;
  try {
    if (pointId !== null && !/^[0-9a-f-]{36}$/i.test(pointId))
      throw new AppError("validation_failed", { pointId: "invalid_choice" });
    await addNotAccepted(c.get("deps"), c.var.actor, drive.id, {
      text: { es: values.text_es ?? "", en: values.text_en ?? "" },
      pointId,
    });
    return c.redirect(`/supplies/${drive.id}?done=not_accepted`, 303);
  } catch (error) {
    if (error instanceof AppError && error.fields) {
      return render(
        c,
        await dashboard(c, drive, { notAccepted: { values, errors: formErrors(error.fields) } }),
        422,
      );
    }
    throw error;
  }
});

driveEditRoutes.get(
  "/supplies/:id/movements/:movementId/undo",
  allow("supplies.receive"),
  async (c) => {
    const drive = await requireDrive(c);
    const auth = c.var.signedIn;
    const db = c.get("deps").db;
    const movementId = requireUuidParam(c, "movementId");
    const movement = await getMovementLine(db, auth.org.id, drive.id, movementId);
    if (!movement) throw new AppError("not_found");
    const [need] = await loadNeedFigures(db, auth.org.id, drive.id, new Date(), movement.needId);
    const t = suppliesText[c.get("lang")];
    const label = need
      ? `${t[`kind_${movement.kind}`]}: ${amountText(movement.quantity, need.unit, c.get("lang"))} · ${itemLabel(need.item, need.variant, c.get("lang"))}`
      : t[`kind_${movement.kind}`];
    return render(
      c,
      <UndoMovementPage {...view(c)} driveId={drive.id} movement={movement} label={label} />,
    );
  },
);

driveEditRoutes.post(
  "/supplies/:id/movements/:movementId/undo",
  allow("supplies.receive"),
  async (c) => {
    const drive = await requireDrive(c);
    await reverseMovement(c.get("deps"), c.var.actor, drive.id, requireUuidParam(c, "movementId"));
    return c.redirect(`/supplies/${drive.id}?done=undone`, 303);
  },
);

import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { readForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../platform/http";
import { fold, searchQuery } from "../../platform/text";
import type { FormState } from "../../platform/ui/forms";
import { compareNeeds } from "./drive";
import { loadNeedFigures } from "./drive-figures";
import type { Drive } from "./drive-record";
import { listPoints } from "./drive-record";
import { QuantityPage, ReceivePage, type ReceiveState, receiveQuery } from "./receive.page";
import { recordMovement } from "./record-movement";
import { MOVEMENT_KINDS, type MovementKind } from "./stock";
import { suppliesText } from "./supplies.messages";
import { requireDrive, view } from "./supplies-http";
import { amountText, itemLabel } from "./units";

// The drop-off screen: GET lists the drive's items (searchable), GET .../{need} offers
// quantities, POST records the movement and comes back to the list with "Done".

export const receiveRoutes = new Hono<AppEnv>();

async function stateOf(c: AppContext, drive: Drive) {
  const kindParam = c.req.query("kind") ?? "received";
  const kind: MovementKind = (MOVEMENT_KINDS as readonly string[]).includes(kindParam)
    ? (kindParam as MovementKind)
    : "received";
  const points = (await listPoints(c.get("deps").db, c.var.signedIn.org.id, drive.id)).filter(
    (p) => p.active,
  );
  const wanted = c.req.query("point");
  // One drop-off point: no tap needed to pick it.
  const pointId =
    points.find((p) => p.id === wanted)?.id ??
    (points.length === 1 ? (points[0]?.id ?? null) : null);
  const state: ReceiveState = { kind, pointId, q: searchQuery(c.req.query("q")) };
  return { state, points };
}

receiveRoutes.get("/supplies/:id/receive", allow("supplies.receive"), async (c) => {
  const drive = await requireDrive(c);
  const { state, points } = await stateOf(c, drive);
  const all = await loadNeedFigures(c.get("deps").db, c.var.signedIn.org.id, drive.id, new Date());
  const terms = fold(state.q).split(/\s+/).filter(Boolean);
  const needs = all
    .filter((n) =>
      terms.every((t) => fold(`${n.item.es} ${n.item.en} ${n.variant ?? ""}`).includes(t)),
    )
    .sort(compareNeeds);
  const lang = c.get("lang");
  const done = c.req.query("done");
  const recorded = done ? /^(\d+(?:\.\d+)?):([0-9a-f-]{36})$/.exec(done) : null;
  const need = recorded ? all.find((n) => n.id === recorded[2]) : undefined;
  const note =
    recorded && need
      ? suppliesText[lang].recorded(
          amountText(Math.round(Number(recorded[1]) * 1000) as never, need.unit, lang),
          itemLabel(need.item, need.variant, lang),
        )
      : undefined;
  return render(
    c,
    <ReceivePage
      {...view(c)}
      drive={drive}
      needs={needs}
      points={points}
      state={state}
      notice={note}
    />,
  );
});

async function needOf(c: AppContext, drive: Drive) {
  const needId = requireUuidParam(c, "needId");
  const [need] = await loadNeedFigures(
    c.get("deps").db,
    c.var.signedIn.org.id,
    drive.id,
    new Date(),
    needId,
  );
  if (!need) throw new AppError("not_found");
  return need;
}

/** The drive, the screen's state and the need of a quantity step. */
async function quantityStep(c: AppContext) {
  const drive = await requireDrive(c);
  const { state } = await stateOf(c, drive);
  return { drive, state, need: await needOf(c, drive) };
}

type QuantityStep = Awaited<ReturnType<typeof quantityStep>>;

const quantityPage = (
  c: AppContext,
  step: QuantityStep,
  form: FormState,
  status: 200 | 409 | 422 = 200,
) =>
  render(
    c,
    <QuantityPage
      {...view(c)}
      drive={step.drive}
      need={step.need}
      state={step.state}
      form={form}
    />,
    status,
  );

receiveRoutes.get("/supplies/:id/receive/:needId", allow("supplies.receive"), async (c) =>
  quantityPage(c, await quantityStep(c), { values: {}, errors: {} }),
);

receiveRoutes.post("/supplies/:id/receive/:needId", allow("supplies.receive"), async (c) => {
  const step = await quantityStep(c);
  const { drive, state, need } = step;
  const values = await readForm(c);
  // A quick button sends "quantity"; the "other" box wins when it was filled in.
  const quantity = (values.other ?? "").trim() || (values.quantity ?? "").trim();
  const method = state.kind === "received" ? null : values.method || null;
  try {
    const moved = await recordMovement(c.get("deps"), c.var.actor, drive.id, {
      needId: need.id,
      kind: state.kind,
      quantity,
      pointId: state.pointId,
      pledgeId: null,
      method: method as never,
    });
    const done = `${moved.quantity / 1000}:${need.id}`;
    return c.redirect(
      `/supplies/${drive.id}/receive${receiveQuery({ ...state, q: "" }, { done })}`,
      303,
    );
  } catch (error) {
    if (error instanceof AppError && error.fields) {
      return quantityPage(c, step, { values, errors: error.fields }, error.status as 409 | 422);
    }
    throw error;
  }
});

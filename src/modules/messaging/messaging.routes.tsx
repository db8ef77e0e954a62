import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { AppError } from "../../platform/errors";
import { readForm, submitForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../platform/http";
import { can } from "../../platform/permissions";
import { emptyForm, type FormState } from "../../platform/ui/forms";
import { paged } from "../../platform/ui/list-page";
import { listQuery, pageView } from "../../platform/ui/view";
import { pastActions } from "../actions";
import { approveBroadcast } from "./approve-broadcast";
import { BroadcastInputSchema } from "./broadcast";
import { getBroadcast } from "./broadcast-record";
import { createBroadcast } from "./create-broadcast";
import { messagingText } from "./messaging.messages";
import { BroadcastFormPage, BroadcastPreviewPage, OutboxPage } from "./messaging.pages";
import { OUTBOX_STATUSES, type OutboxStatus } from "./messaging.schema";
import { listOutbox } from "./outbox-list";
import { sendBroadcast } from "./send-broadcast";
import "./messaging.errors";

// Staff pages: the outbox, and a broadcast from draft to preview to send.
export const messagingRoutes = new Hono<AppEnv>();
const PER_PAGE = 50;

messagingRoutes.get("/messages", allow("messaging.outbox"), async (c) => {
  const { q, page } = listQuery(c);
  const raw = c.req.query("status") ?? "";
  const status = (OUTBOX_STATUSES as readonly string[]).includes(raw) ? (raw as OutboxStatus) : "";
  const view = pageView(c);
  const { items, total } = await listOutbox(c.var.deps.db, view.auth.org.id, {
    status: status || undefined,
    q,
    limit: PER_PAGE,
    offset: (page - 1) * PER_PAGE,
  });
  const config = c.var.config;
  return render(
    c,
    <OutboxPage
      {...view}
      items={items}
      {...paged({ total, page, perPage: PER_PAGE }, "/messages", { q, status })}
      q={q}
      status={status}
      timeZone={view.auth.org.timeZone}
      sendingOn={Boolean(config.mail || config.twilio)}
      notice={
        c.req.query("done") === "queued"
          ? messagingText[view.lang].queued(Number(c.req.query("n") ?? 0))
          : undefined
      }
    />,
  );
});

/** The broadcast form with what it picks from: past actions for "came to an action". */
async function broadcastForm(c: AppContext, form: FormState, alert?: string) {
  const view = pageView(c);
  const past = await pastActions(c.var.deps.db, view.auth.org.id);
  return (
    <BroadcastFormPage
      {...view}
      form={form}
      alert={alert}
      pastActions={past}
      timeZone={view.auth.org.timeZone}
    />
  );
}

messagingRoutes.get("/messages/broadcasts/new", allow("messaging.broadcast"), async (c) =>
  render(c, await broadcastForm(c, emptyForm({ channel: "email" }))),
);

/** The form's flat fields as the API's broadcast shape. */
function toInput(v: Record<string, string>) {
  const tags = (v.tags ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const email = v.channel === "email";
  const attended = v.attended ?? "";
  return {
    segment: {
      ...(tags.length ? { tags } : {}),
      ...(v.language ? { languages: [v.language] } : {}),
      ...(v.level ? { engagement_levels: [v.level] } : {}),
      ...(/^d\d{1,4}$/.test(attended)
        ? { attended: { days: Number(attended.slice(1)) } }
        : attended
          ? { attended: { action_id: attended } }
          : {}),
    },
    channel: v.channel,
    ...(email ? { subject: { es: v.subject_es ?? "", en: v.subject_en ?? "" } } : {}),
    body: { es: v.body_es ?? "", en: v.body_en ?? "" },
  };
}
const FIELD_NAMES: Record<string, string> = {
  "segment.tags": "tags",
  "segment.languages": "language",
  "segment.engagement_levels": "level",
  "segment.attended": "attended",
  "segment.attended.days": "attended",
  "segment.attended.action_id": "attended",
  "subject.es": "subject_es",
  "subject.en": "subject_en",
  subject: "subject_es",
  "body.es": "body_es",
  "body.en": "body_en",
  body: "body_es",
};

messagingRoutes.post("/messages/broadcasts", allow("messaging.broadcast"), async (c) => {
  const values = await readForm(c);
  const view = pageView(c);
  try {
    const outcome = await submitForm({
      values,
      schema: BroadcastInputSchema,
      input: toInput(values),
      run: (input) => createBroadcast(c.var.deps, c.var.actor, input),
      mapErrors: (errors) =>
        Object.fromEntries(
          Object.entries(errors).map(([k, v]) => [FIELD_NAMES[k] ?? k.replace(/\..*/, ""), v]),
        ),
    });
    if (!outcome.ok) return render(c, await broadcastForm(c, outcome.form), 422);
    return c.redirect(`/messages/broadcasts/${outcome.result.id}`, 303);
  } catch (error) {
    if (error instanceof AppError && error.code === "no_recipients") {
      return render(
        c,
        await broadcastForm(c, { values, errors: {} }, messagingText[view.lang].no_recipients),
        422,
      );
    }
    throw error;
  }
});

async function previewPage(c: AppContext, alert?: string, notice?: string) {
  const view = pageView(c);
  const broadcast = await getBroadcast(c.var.deps.db, view.auth.org.id, requireUuidParam(c));
  if (!broadcast) throw new AppError("not_found");
  const canApprove =
    can(view.auth.role, "messaging.approve") &&
    !broadcast.approvedBy &&
    broadcast.createdBy !== view.auth.user.id;
  return render(
    c,
    <BroadcastPreviewPage
      {...view}
      broadcast={broadcast}
      canApprove={canApprove}
      alert={alert}
      notice={notice}
    />,
    alert ? 409 : 200,
  );
}

messagingRoutes.get("/messages/broadcasts/:id", allow("messaging.broadcast"), (c) =>
  previewPage(c),
);

messagingRoutes.post("/messages/broadcasts/:id/send", allow("messaging.broadcast"), async (c) => {
  const t = messagingText[c.get("lang")];
  try {
    const { queued } = await sendBroadcast(c.var.deps, c.var.actor, requireUuidParam(c));
    return c.redirect(`/messages?done=queued&n=${queued}`, 303);
  } catch (error) {
    if (error instanceof AppError && error.code === "approval_required")
      return previewPage(c, t.needs_approval);
    if (error instanceof AppError && error.code === "no_recipients")
      return previewPage(c, t.no_recipients);
    throw error;
  }
});

messagingRoutes.post("/messages/broadcasts/:id/approve", allow("messaging.approve"), async (c) => {
  await approveBroadcast(c.var.deps, c.var.actor, requireUuidParam(c));
  return previewPage(c, undefined, messagingText[c.get("lang")].approved_by_other);
});

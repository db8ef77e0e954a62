import { Hono } from "hono";
import type { Db } from "../../db/client";
import type { Actor } from "../../platform/actor";
import { allow } from "../../platform/authorize";
import { pick } from "../../platform/bilingual";
import { AppError, type FieldErrors } from "../../platform/errors";
import { fieldErrorsOf, parseWith, readForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../platform/http";
import type { Lang } from "../../platform/i18n";
import { dayInZone } from "../../platform/time";
import { emptyForm, type FormState } from "../../platform/ui/forms";
import { listQuery, pageView } from "../../platform/ui/view";
import { getEvent, listEvents } from "../actions/index";
import { getPersonNames } from "../people/person-names";
import { searchPeople } from "../people/search-people";
import { addSignUp, SignUpSchema } from "./add-sign-up";
import { createShift } from "./create-shift";
import { deleteShift } from "./delete-shift";
import { outreachText } from "./outreach.messages";
import { OutreachListPage } from "./outreach-list.page";
import { ShiftFieldsSchema, totalsByEvent, totalsByMonth, totalsOf } from "./shift";
import { DeleteShiftPage, ShiftPage } from "./shift.page";
import { formToShift, shiftErrorsForForm, shiftToForm } from "./shift-form";
import { ShiftFormPage } from "./shift-form.page";
import { getShift, listShifts, shiftsForTotals } from "./shift-record";
import { updateShift } from "./update-shift";

// Outreach shifts: list with search and totals, form, shift page with sign-ups.

export const outreachRoutes = new Hono<AppEnv>();

const PER_PAGE = 25;

const view = pageView;

async function requireShift(c: AppContext) {
  const shift = await getShift(c.get("deps").db, c.var.signedIn.org.id, requireUuidParam(c));
  if (!shift) throw new AppError("not_found");
  return shift;
}

const NOTICES = ["created", "saved", "deleted", "signed_up"] as const;
function notice(c: AppContext): string | undefined {
  const done = c.req.query("done");
  const t = outreachText[c.get("lang")];
  return NOTICES.find((n) => n === done) ? t[done as (typeof NOTICES)[number]] : undefined;
}

outreachRoutes.get("/outreach", allow("outreach.read"), async (c) => {
  const auth = c.var.signedIn;
  const db = c.get("deps").db;
  const lang = c.get("lang");
  const { q, page } = listQuery(c);
  const { items, total } = await listShifts(db, auth.org.id, { q, page, perPage: PER_PAGE });
  const rows = await shiftsForTotals(db, auth.org.id, auth.org.timeZone);
  const byEvent = totalsByEvent(rows);
  const titles = new Map<string, string>();
  for (const id of new Set([
    ...byEvent.keys(),
    ...items.flatMap((s) => (s.eventId ? [s.eventId] : [])),
  ])) {
    const event = await getEvent(db, auth.org.id, id);
    if (event) titles.set(id, pick(event.title, lang).text);
  }
  return render(
    c,
    <OutreachListPage
      {...view(c)}
      items={items}
      total={total}
      page={page}
      perPage={PER_PAGE}
      q={q}
      all={totalsOf(rows)}
      byMonth={totalsByMonth(rows)}
      byAction={[...byEvent].map(([eventId, totals]) => ({
        eventId,
        title: titles.get(eventId) ?? "—",
        totals,
      }))}
      eventTitles={titles}
      notice={notice(c)}
    />,
  );
});

/** What the form offers: the organization's recent and coming actions, and its organizers. */
async function formChoices(db: Db, actor: Actor, lang: Lang) {
  const events = (await listEvents(db, actor.orgId, { when: "all", perPage: 50 })).items
    .filter((e) => e.isHost)
    .map((e) => ({ id: e.id, title: pick(e.title, lang).text }));
  const team = [];
  for (const level of ["active", "core", "leader"] as const) {
    const found = await searchPeople(db, actor, { level, page: 1, perPage: 200 });
    team.push(...found.people.map((p) => ({ id: p.id, displayName: p.displayName })));
  }
  team.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return { events, team };
}

async function renderForm(
  c: AppContext,
  form: FormState,
  shiftId?: string,
  status: 200 | 422 = 200,
) {
  const auth = c.var.signedIn;
  const choices = await formChoices(c.get("deps").db, auth.actor, c.get("lang"));
  return render(
    c,
    <ShiftFormPage {...view(c)} shiftId={shiftId} form={form} {...choices} />,
    status,
  );
}

outreachRoutes.get("/outreach/new", allow("outreach.write"), (c) => {
  const auth = c.var.signedIn;
  const eventId = c.req.query("event") ?? "";
  return renderForm(
    c,
    emptyForm({
      kind: "flyering",
      date: dayInZone(new Date(), auth.org.timeZone),
      event_id: /^[0-9a-f-]{36}$/i.test(eventId) ? eventId : "",
      flyers: "0",
      conversations: "0",
      receptive: "0",
      neutral: "0",
      not_interested: "0",
    }),
  );
});

async function saveShift(c: AppContext, shiftId?: string) {
  const auth = c.var.signedIn;
  const values = await readForm(c);
  const again = (errors: FieldErrors) =>
    renderForm(c, { values, errors: shiftErrorsForForm(errors) }, shiftId, 422);
  const parsed = parseWith(ShiftFieldsSchema, formToShift(values, auth.org.timeZone));
  if (!parsed.ok) return again(parsed.errors);
  try {
    if (shiftId) {
      await updateShift(c.get("deps"), auth.actor, shiftId, parsed.data);
      return c.redirect(`/outreach/${shiftId}?done=saved`, 303);
    }
    const { id } = await createShift(c.get("deps"), auth.actor, parsed.data);
    return c.redirect(`/outreach/${id}?done=created`, 303);
  } catch (error) {
    return again(fieldErrorsOf(error));
  }
}

outreachRoutes.post("/outreach", allow("outreach.write"), (c) => saveShift(c));

async function renderShift(c: AppContext, signUpForm?: FormState, status: 200 | 409 | 422 = 200) {
  const auth = c.var.signedIn;
  const db = c.get("deps").db;
  const shift = await requireShift(c);
  const event = shift.eventId ? await getEvent(db, auth.org.id, shift.eventId) : null;
  return render(
    c,
    <ShiftPage
      {...view(c)}
      shift={shift}
      eventTitle={event ? pick(event.title, c.get("lang")).text : null}
      names={await getPersonNames(db, auth.org.id, [...shift.team, ...shift.signUps])}
      signUpForm={signUpForm ?? emptyForm({ language: c.get("lang") })}
      notice={notice(c)}
    />,
    status,
  );
}

outreachRoutes.get("/outreach/:id", allow("outreach.read"), (c) => renderShift(c));

outreachRoutes.get("/outreach/:id/edit", allow("outreach.write"), async (c) => {
  const shift = await requireShift(c);
  return renderForm(c, emptyForm(shiftToForm(shift)), shift.id);
});

outreachRoutes.post("/outreach/:id", allow("outreach.write"), async (c) => {
  const shift = await requireShift(c);
  return saveShift(c, shift.id);
});

outreachRoutes.post("/outreach/:id/sign-ups", allow("outreach.write"), async (c) => {
  const auth = c.var.signedIn;
  const shiftId = requireUuidParam(c);
  const values = await readForm(c);
  const again = (errors: FieldErrors, status: 409 | 422 = 422) =>
    renderShift(c, { values, errors }, status);
  const parsed = parseWith(SignUpSchema, {
    name: values.name ?? "",
    email: values.email ?? "",
    phone: values.phone ?? "",
    language: values.language === "en" || values.language === "es" ? values.language : null,
    consent: values.consent === "on",
  });
  if (!parsed.ok) return again(parsed.errors);
  try {
    await addSignUp(c.get("deps"), auth.actor, shiftId, parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.fields)
      return again(error.fields, error.status === 409 ? 409 : 422);
    throw error;
  }
  return c.redirect(`/outreach/${shiftId}?done=signed_up`, 303);
});

outreachRoutes.get("/outreach/:id/delete", allow("outreach.write"), async (c) =>
  render(c, <DeleteShiftPage {...view(c)} shift={await requireShift(c)} />),
);

outreachRoutes.post("/outreach/:id/delete", allow("outreach.write"), async (c) => {
  await deleteShift(c.get("deps"), c.var.signedIn.actor, requireUuidParam(c));
  return c.redirect("/outreach?done=deleted", 303);
});

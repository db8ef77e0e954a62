import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { type FieldErrors, invalid } from "../../platform/errors";
import { fieldErrorsOf, parseWith, readForm } from "../../platform/form-input";
import {
  type AppContext,
  type AppEnv,
  render,
  requireUuidParam,
  type SignedIn,
} from "../../platform/http";
import { formatDateTime } from "../../platform/i18n";
import { isUuid } from "../../platform/ids";
import { can } from "../../platform/permissions";
import { searchQuery } from "../../platform/text";
import { instantToZoned } from "../../platform/time";
import { emptyForm } from "../../platform/ui/forms";
import { listQuery } from "../../platform/ui/view";
import { upcomingHearings } from "../defense/case-dashboard";
import { getPersonNames } from "../people/person-names";
import { actionsText } from "./actions.messages";
import { ActionsListPage } from "./actions-list.page";
import {
  type ActionsRouteOptions,
  canManage,
  canPlan,
  noticeFor,
  pickersFor,
  planFor,
  view,
} from "./actions-routes-support";
import { CancelActionPage } from "./cancel-action.page";
import { checkIn } from "./check-in";
import { CheckInPage } from "./check-in.page";
import { checkInList, checkInTimes } from "./check-in-list";
import { listCohostInvitations } from "./cohost-invitations";
import { createEvent } from "./create-event";
import { DaySheetPage } from "./day-sheet.page";
import { type EventFieldsInput, EventFieldsSchema } from "./event-fields";
import { eventErrorsForForm, eventToForm, formToEventInput } from "./event-form";
import { EventFormPage, type HearingOption } from "./event-form.page";
import { requireEventAccess, requireHostedEvent } from "./event-record";
import { type EventWhen, listEvents } from "./list-events";
import { noOpenLessons } from "./load-plan";
import { PlanPage } from "./plan.page";
import { planFormRoutes } from "./plan-forms.routes";
import { setEventStatus } from "./set-event-status";
import { turnoutByHour } from "./turnout";
import { updateEvent } from "./update-event";

// Staff pages of actions: list, create and edit, the plan, the day sheet, check-in.
// Forms that add to a plan are in plan-forms.routes.tsx.

const randomSuffix = () => randomBytes(3).toString("hex");

/** When the times can't be read, still report every other bad field at once. */
function alsoSchemaErrors(input: EventFieldsInput, formErrors: FieldErrors): FieldErrors {
  const parsed = parseWith(EventFieldsSchema, input);
  return { ...(parsed.ok ? {} : parsed.errors), ...formErrors };
}

export function actionsRoutes(options: Partial<ActionsRouteOptions> = {}): Hono<AppEnv> {
  const opts: ActionsRouteOptions = {
    openLessons: options.openLessons ?? noOpenLessons,
    publicUrl: options.publicUrl ?? "",
  };
  const routes = new Hono<AppEnv>();

  routes.get("/actions", allow("actions.read"), async (c) => {
    const auth = c.var.signedIn;
    const { q, page } = listQuery(c);
    const whenRaw = c.req.query("when");
    const when: EventWhen = whenRaw === "past" || whenRaw === "all" ? whenRaw : "upcoming";
    const result = await listEvents(
      c.get("deps").db,
      auth.org.id,
      { q, when, page },
      { openLessons: opts.openLessons },
    );
    return render(
      c,
      <ActionsListPage
        {...view(c, auth)}
        path={c.req.url.slice(c.req.url.indexOf("/actions"))}
        result={result}
        filters={{ q, when }}
        notice={noticeFor(c)}
        invitations={
          can(auth.role, "actions.manage")
            ? await listCohostInvitations(c.get("deps").db, auth.org.id)
            : []
        }
      />,
    );
  });

  async function hearingOptions(c: AppContext, auth: SignedIn): Promise<HearingOption[]> {
    if (!can(auth.role, "cases.read")) return [];
    const hearings = await upcomingHearings(c.get("deps").db, auth.org.id, {
      days: 120,
      limit: 50,
    });
    const lang = c.get("lang");
    return hearings.map((h) => ({
      id: h.eventId,
      label: [formatDateTime(h.at, lang, auth.org.timeZone), h.court].filter(Boolean).join(" · "),
    }));
  }

  routes.get("/actions/new", allow("actions.manage"), async (c) => {
    const auth = c.var.signedIn;
    const tomorrow = instantToZoned(new Date(Date.now() + 86_400_000), auth.org.timeZone).date;
    const form = emptyForm({
      kind: c.req.query("kind") ?? "rally",
      start_date: tomorrow,
      start_time: "18:00",
      end_date: tomorrow,
      end_time: "20:00",
      time_zone: auth.org.timeZone,
      public: "",
    });
    return render(
      c,
      <EventFormPage {...view(c, auth)} form={form} hearings={await hearingOptions(c, auth)} />,
    );
  });

  routes.post("/actions", allow("actions.manage"), async (c) => {
    const auth = c.var.signedIn;
    const values = await readForm(c);
    const { input, errors, autoSlug } = formToEventInput(values);
    const again = async (e: FieldErrors) =>
      render(
        c,
        <EventFormPage
          {...view(c, auth)}
          form={{ values, errors: { ...eventErrorsForForm(e), ...errors } }}
          hearings={await hearingOptions(c, auth)}
        />,
        422,
      );
    try {
      if (Object.keys(errors).length > 0) throw invalid(alsoSchemaErrors(input, errors));
      const event = await createEvent(c.get("deps"), auth.actor, input).catch((error: unknown) => {
        // Two actions with the same title on the same day: a made-up slug gets a suffix.
        if (autoSlug && fieldErrorsOf(error).slug === "slug_taken") {
          return createEvent(c.get("deps"), auth.actor, {
            ...input,
            slug: `${input.slug}-${randomSuffix()}`,
          });
        }
        throw error;
      });
      return c.redirect(`/actions/${event.id}?done=created`, 303);
    } catch (error) {
      return again(fieldErrorsOf(error));
    }
  });

  routes.get("/actions/:id", allow("actions.read"), async (c) => {
    const auth = c.var.signedIn;
    const plan = await planFor(c, auth, opts);
    const publicUrl =
      plan.isHost && plan.event.public && plan.event.status !== "draft"
        ? `/p/${auth.org.slug}/e/${plan.event.slug}`
        : null;
    return render(
      c,
      <PlanPage
        {...view(c, auth)}
        plan={plan}
        pickers={await pickersFor(c, auth, plan)}
        forms={{}}
        canManage={canManage(auth, plan)}
        canPlan={canPlan(auth, plan)}
        publicUrl={publicUrl}
        notice={noticeFor(c)}
      />,
    );
  });

  routes.get("/actions/:id/edit", allow("actions.manage"), async (c) => {
    const auth = c.var.signedIn;
    const event = await requireHostedEvent(c.get("deps").db, auth.org.id, requireUuidParam(c));
    return render(
      c,
      <EventFormPage
        {...view(c, auth)}
        eventId={event.id}
        form={emptyForm(eventToForm(event))}
        hearings={await hearingOptions(c, auth)}
      />,
    );
  });

  routes.post("/actions/:id/edit", allow("actions.manage"), async (c) => {
    const auth = c.var.signedIn;
    const event = await requireHostedEvent(c.get("deps").db, auth.org.id, requireUuidParam(c));
    const values = await readForm(c);
    const { input, errors } = formToEventInput(values);
    try {
      if (Object.keys(errors).length > 0) throw invalid(alsoSchemaErrors(input, errors));
      await updateEvent(c.get("deps"), auth.actor, event.id, input);
      return c.redirect(`/actions/${event.id}?done=saved`, 303);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      return render(
        c,
        <EventFormPage
          {...view(c, auth)}
          eventId={event.id}
          form={{ values, errors: { ...eventErrorsForForm(fields), ...errors } }}
          hearings={await hearingOptions(c, auth)}
        />,
        422,
      );
    }
  });

  routes.post("/actions/:id/status", allow("actions.manage"), async (c) => {
    const auth = c.var.signedIn;
    const id = requireUuidParam(c);
    const values = await readForm(c);
    await setEventStatus(c.get("deps"), auth.actor, id, values.status);
    return c.redirect(`/actions/${id}?done=status`, 303);
  });

  routes.get("/actions/:id/cancel", allow("actions.manage"), async (c) => {
    const auth = c.var.signedIn;
    const event = await requireHostedEvent(c.get("deps").db, auth.org.id, requireUuidParam(c));
    return render(c, <CancelActionPage {...view(c, auth)} event={event} />);
  });

  routes.post("/actions/:id/cancel", allow("actions.manage"), async (c) => {
    const auth = c.var.signedIn;
    const id = requireUuidParam(c);
    await setEventStatus(c.get("deps"), auth.actor, id, "cancelled");
    return c.redirect(`/actions/${id}?done=status`, 303);
  });

  routes.get("/actions/:id/sheet", allow("actions.read"), async (c) => {
    const auth = c.var.signedIn;
    const plan = await planFor(c, auth, opts);
    return render(c, <DaySheetPage {...view(c, auth)} plan={plan} />);
  });

  async function checkInPage(c: AppContext, q: string, notice?: string) {
    const auth = c.var.signedIn;
    const db = c.get("deps").db;
    const { event } = await requireEventAccess(db, auth.org.id, requireUuidParam(c));
    const [rows, times] = await Promise.all([
      checkInList(db, auth.org.id, event.id, q),
      checkInTimes(db, event.id),
    ]);
    const hourKey = (d: Date) => {
      const { date, time } = instantToZoned(d, event.timeZone);
      return `${date}T${time.slice(0, 2)}`;
    };
    return render(
      c,
      <CheckInPage
        {...view(c, auth)}
        event={event}
        q={q}
        rows={rows}
        turnout={turnoutByHour(times, hourKey)}
        arrived={times.length}
        canCheckIn={can(auth.role, "actions.plan") && event.status !== "cancelled"}
        notice={notice}
      />,
    );
  }

  routes.get("/actions/:id/check-in", allow("actions.read"), async (c) => {
    const auth = c.var.signedIn;
    const done = c.req.query("done");
    const person = c.req.query("person") ?? "";
    let notice: string | undefined;
    if ((done === "in" || done === "again") && isUuid(person)) {
      const name = (
        await getPersonNames(c.get("deps").db, auth.org.id, [person.toLowerCase()])
      ).get(person.toLowerCase());
      const t = actionsText[c.get("lang")];
      if (name) notice = done === "in" ? t.checkin_done(name) : t.checkin_again(name);
    }
    return checkInPage(c, searchQuery(c.req.query("q")), notice);
  });

  routes.post("/actions/:id/check-in", allow("actions.plan"), async (c) => {
    const auth = c.var.signedIn;
    const id = requireUuidParam(c);
    const values = await readForm(c);
    const result = await checkIn(c.get("deps"), auth.actor, id, {
      personId: values.person_id ?? "",
    });
    const params = new URLSearchParams({
      q: values.q ?? "",
      done: result.first ? "in" : "again",
      person: result.personId,
    });
    return c.redirect(`/actions/${id}/check-in?${params}`, 303);
  });

  routes.route("/", planFormRoutes(opts));
  return routes;
}

import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import type { FieldErrors } from "../../platform/errors";
import { fieldErrorsOf, parseWith, readForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../platform/http";
import { fold, searchQuery } from "../../platform/text";
import type { FormState } from "../../platform/ui/forms";
import { pageView } from "../../platform/ui/view";
import { acknowledgeLesson } from "./acknowledge-lesson";
import { kindLabel, kindOptions, roleOptions } from "./actions-port";
import { AdoptLessonSchema, adoptLesson } from "./adopt-lesson";
import { closeLesson } from "./close-lesson";
import { membersAt } from "./leadership-data";
import { isPendingFor } from "./lesson";
import { LessonsPage } from "./lessons.page";
import { PlanLessonsPage } from "./plan-lessons.page";
import { listLessons } from "./review-record";
import { reviewsText } from "./reviews.messages";
import { type PageOutcome, routeEvent } from "./reviews-http";

// Lessons in a plan (acknowledge, or adopt as a material, role or step) and the index of all
// lessons (close the ones adopted in three plans).

export const lessonsRoutes = new Hono<AppEnv>();

const view = pageView;

async function renderPlanLessons(
  c: AppContext,
  opts: PageOutcome & {
    failed?: { lessonId: string; as: string; form: FormState };
  } = {},
) {
  const { auth, db, event } = await routeEvent(c);
  const lessons = await listLessons(db, auth.org.id, { kind: event.kind });
  return render(
    c,
    <PlanLessonsPage
      {...view(c)}
      event={event}
      pending={lessons.filter((l) => isPendingFor(l, event.id))}
      handled={lessons.filter((l) => l.uses.some((u) => u.eventId === event.id))}
      people={await membersAt(db, auth.actor, ["active", "core", "leader"])}
      roleLabels={roleOptions(c.get("lang"))}
      failed={opts.failed}
      notice={opts.notice}
    />,
    opts.status ?? 200,
  );
}

lessonsRoutes.get("/actions/:id/lessons", allow("reviews.read"), (c) => {
  const t = reviewsText[c.get("lang")];
  const done = c.req.query("done");
  return renderPlanLessons(c, {
    notice: done === "acknowledged" ? t.acknowledged : done === "adopted" ? t.adopted : undefined,
  });
});

lessonsRoutes.post(
  "/actions/:id/lessons/:lessonId/acknowledge",
  allow("lessons.manage"),
  async (c) => {
    const auth = c.var.signedIn;
    const eventId = requireUuidParam(c);
    await acknowledgeLesson(c.get("deps"), auth.actor, requireUuidParam(c, "lessonId"), eventId);
    return c.redirect(`/actions/${eventId}/lessons?done=acknowledged`, 303);
  },
);

lessonsRoutes.post("/actions/:id/lessons/:lessonId/adopt", allow("lessons.manage"), async (c) => {
  const auth = c.var.signedIn;
  const eventId = requireUuidParam(c);
  const lessonId = requireUuidParam(c, "lessonId");
  const raw = await readForm(c);
  const prefix = raw.prefix ?? "";
  // Field names carry the lesson's prefix so ids stay unique on the page; strip it.
  const values = Object.fromEntries(
    Object.entries(raw)
      .filter(([k]) => k.startsWith(`${prefix}-`))
      .map(([k, v]) => [k.slice(prefix.length + 1), v]),
  );
  const as = raw.as ?? "";
  const input =
    as === "material"
      ? {
          as,
          item: values.item ?? "",
          quantity: /^\d{1,6}$/.test(values.quantity ?? "")
            ? Number(values.quantity)
            : values.quantity,
        }
      : as === "role"
        ? { as, personId: values.person ?? "", role: values.role ?? "" }
        : { as, date: values.date ?? "", time: values.time ?? "", title: values.title ?? "" };
  const again = (errors: FieldErrors, status: 409 | 422 = 422) =>
    renderPlanLessons(c, {
      failed: {
        lessonId,
        as,
        form: {
          values,
          errors: Object.fromEntries(
            Object.entries(errors).map(([k, v]) => [k === "personId" ? "person" : k, v]),
          ),
        },
      },
      status,
    });
  const parsed = parseWith(AdoptLessonSchema, input);
  if (!parsed.ok) return again(parsed.errors);
  try {
    await adoptLesson(c.get("deps"), auth.actor, lessonId, eventId, parsed.data);
  } catch (error) {
    return again(fieldErrorsOf(error));
  }
  return c.redirect(`/actions/${eventId}/lessons?done=adopted`, 303);
});

lessonsRoutes.get("/lessons", allow("reviews.read"), async (c) => {
  const auth = c.var.signedIn;
  const lang = c.get("lang");
  const q = searchQuery(c.req.query("q"));
  const kinds = kindOptions(lang);
  const kind = kinds.some((k) => k.value === c.req.query("kind"))
    ? (c.req.query("kind") ?? "")
    : "";
  const closed = c.req.query("closed") === "1";
  const all = await listLessons(c.get("deps").db, auth.org.id, {
    ...(kind ? { kind } : {}),
    includeClosed: closed,
  });
  const terms = fold(q).split(/\s+/).filter(Boolean);
  const lessons = all.filter((l) => terms.every((term) => fold(l.text).includes(term)));
  return render(
    c,
    <LessonsPage
      {...view(c)}
      lessons={lessons}
      kinds={kinds}
      kindLabel={kindLabel}
      filters={{ q, kind, closed }}
      notice={c.req.query("done") === "closed" ? reviewsText[lang].lesson_closed : undefined}
    />,
  );
});

lessonsRoutes.post("/lessons/:id/close", allow("lessons.manage"), async (c) => {
  await closeLesson(c.get("deps"), c.var.signedIn.actor, requireUuidParam(c));
  return c.redirect("/lessons?done=closed", 303);
});

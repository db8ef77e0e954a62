import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import { AppError, type FieldErrors } from "../../platform/errors";
import { fieldErrorsOf, parseWith, readForm } from "../../platform/form-input";
import {
  type AppContext,
  type AppEnv,
  render,
  requireUuidParam,
  safeNext,
} from "../../platform/http";
import { can } from "../../platform/permissions";
import { emptyForm, type FormState } from "../../platform/ui/forms";
import { pageView } from "../../platform/ui/view";
import { addFollowUp } from "./add-follow-up";
import { completeFollowUp } from "./complete-follow-up";
import { FollowUpFieldsSchema, ReviewFieldsSchema } from "./review";
import { ReviewPage } from "./review.page";
import { formToReview, reviewErrorsForForm, reviewToForm } from "./review-form";
import {
  followUpsOfReview,
  getFollowUp,
  getReviewForEvent,
  lessonsOfReview,
  teamMembers,
} from "./review-record";
import { reviewsText } from "./reviews.messages";
import { type PageOutcome, routeEvent } from "./reviews-http";
import { saveReview } from "./save-review";

// The review of a finished action, and its follow-ups. Thin: parse, allow, operate, render.

export const reviewsRoutes = new Hono<AppEnv>();

const view = pageView;

async function renderReview(
  c: AppContext,
  opts: PageOutcome & {
    form?: FormState | null;
    followUpForm?: FormState;
  } = {},
) {
  const { auth, db, event } = await routeEvent(c);
  const review = await getReviewForEvent(db, auth.org.id, event.id);
  const editing =
    opts.form !== undefined
      ? opts.form
      : !review || c.req.query("edit") === "1"
        ? emptyForm(review ? reviewToForm(review) : {})
        : null;
  return render(
    c,
    <ReviewPage
      {...view(c)}
      event={event}
      review={review}
      lessons={review ? await lessonsOfReview(db, auth.org.id, review.id, review.change) : []}
      followUps={review ? await followUpsOfReview(db, auth.org.id, review.id) : []}
      team={await teamMembers(db, auth.org.id)}
      form={can(auth.role, "reviews.write") && event.status === "done" ? editing : null}
      followUpForm={opts.followUpForm ?? emptyForm({ owner: auth.user.id })}
      notice={opts.notice}
    />,
    opts.status ?? 200,
  );
}

function notice(c: AppContext): string | undefined {
  const t = reviewsText[c.get("lang")];
  const done = c.req.query("done");
  if (done === "saved") {
    const n = Number(c.req.query("lessons") ?? 0);
    const extra = n > 0 ? t.lessons_added(n) : "";
    return [t.review_saved, extra].filter(Boolean).join(" ");
  }
  if (done === "follow_up") return t.follow_up_added;
  if (done === "follow_up_done") return t.follow_up_done;
  return undefined;
}

reviewsRoutes.get("/actions/:id/review", allow("reviews.read"), (c) =>
  renderReview(c, { notice: notice(c) }),
);

reviewsRoutes.post("/actions/:id/review", allow("reviews.write"), async (c) => {
  const auth = c.var.signedIn;
  const eventId = requireUuidParam(c);
  const values = await readForm(c);
  const authors = Object.keys(values)
    .filter((k) => k.startsWith("author_") && values[k] === "on")
    .map((k) => k.slice("author_".length));
  const again = (errors: FieldErrors, status: 409 | 422 = 422) =>
    renderReview(c, {
      form: {
        values: { ...values, authors: authors.join(",") },
        errors: reviewErrorsForForm(errors),
      },
      status,
    });
  const parsed = parseWith(ReviewFieldsSchema, formToReview(values));
  if (!parsed.ok) return again(parsed.errors);
  try {
    const saved = await saveReview(c.get("deps"), auth.actor, eventId, parsed.data, authors);
    return c.redirect(`/actions/${eventId}/review?done=saved&lessons=${saved.lessonsAdded}`, 303);
  } catch (error) {
    return again(fieldErrorsOf(error));
  }
});

reviewsRoutes.post("/actions/:id/review/follow-ups", allow("reviews.write"), async (c) => {
  const auth = c.var.signedIn;
  const eventId = requireUuidParam(c);
  const values = await readForm(c);
  const parsed = parseWith(FollowUpFieldsSchema, {
    text: values.text ?? "",
    ownerUserId: values.owner ?? "",
    dueOn: values.due_on ?? "",
  });
  const again = (errors: FieldErrors) =>
    renderReview(c, {
      followUpForm: {
        values,
        errors: Object.fromEntries(
          Object.entries(errors).map(([k, v]) => [
            k === "ownerUserId" ? "owner" : k === "dueOn" ? "due_on" : k,
            v,
          ]),
        ),
      },
      status: 422,
    });
  if (!parsed.ok) return again(parsed.errors);
  try {
    await addFollowUp(c.get("deps"), auth.actor, eventId, parsed.data);
  } catch (error) {
    return again(fieldErrorsOf(error));
  }
  return c.redirect(`/actions/${eventId}/review?done=follow_up`, 303);
});

// The owner of a follow-up marks it done from their home page; reviewers from the review.
reviewsRoutes.post("/follow-ups/:id/done", allow("reviews.read"), async (c) => {
  const auth = c.var.signedIn;
  const id = requireUuidParam(c);
  const item = await getFollowUp(c.get("deps").db, auth.org.id, id);
  if (!item) throw new AppError("not_found");
  if (item.ownerUserId !== auth.user.id && !can(auth.role, "reviews.write")) {
    throw new AppError("forbidden");
  }
  const values = await readForm(c);
  await completeFollowUp(c.get("deps"), auth.actor, id, values.done !== "0");
  const back = safeNext(values.back, "/");
  return c.redirect(back === "/" ? "/" : `${back}?done=follow_up_done`, 303);
});

import { z } from "zod";
import {
  apiFieldPath,
  jsonResponse,
  tokenApiRouter,
  validateApiInput,
} from "../../platform/api-router";
import { apiRoutes, found, withIdAndBody } from "../../platform/api-routes";
import { requireUuidParam } from "../../platform/http";
import { LESSON_STATUSES } from "./lesson";
import { LIMITS, ReviewFieldsSchema } from "./review";
import { getReviewForEvent, lessonsOfReview } from "./review-record";
import { saveReview } from "./save-review";

// PUT /api/v1/events/{id}/review: write (or rewrite) the review of a finished action. Each
// "change" item becomes an open lesson for that kind of action.

export const reviewsApi = tokenApiRouter("/api/v1/events/:id/review");
const route = apiRoutes("events");

const items = z.array(z.string().max(LIMITS.item)).max(LIMITS.items);
const text = (max: number) => z.string().max(max).nullable().optional();

const ApiReviewInputSchema = z
  .object({
    planned: text(LIMITS.story),
    happened: text(LIMITS.story),
    went_well: items.optional(),
    went_wrong: items.optional(),
    main_cause: text(LIMITS.cause),
    secondary_causes: items.optional(),
    keep: items.optional(),
    change: items.optional().describe("Each item becomes an open lesson for this kind of action"),
  })
  .strict();

const ApiReviewSchema = z.object({
  id: z.uuid(),
  event_id: z.uuid(),
  event_kind: z.string(),
  planned: z.string().nullable(),
  happened: z.string().nullable(),
  went_well: z.array(z.string()),
  went_wrong: z.array(z.string()),
  main_cause: z.string().nullable(),
  secondary_causes: z.array(z.string()),
  keep: z.array(z.string()),
  change: z.array(z.string()),
  lessons: z.array(z.object({ id: z.uuid(), text: z.string(), status: z.enum(LESSON_STATUSES) })),
  created_date: z.string(),
  modified_date: z.string(),
});

const API_FIELDS: Record<string, string> = {
  wentWell: "went_well",
  wentWrong: "went_wrong",
  mainCause: "main_cause",
  secondaryCauses: "secondary_causes",
};

reviewsApi.openapi(
  route.put("/api/v1/events/{id}/review", "reviews.write", {
    summary: "Write the review of a finished action (refused with 409 before it is done)",
    request: withIdAndBody(ApiReviewInputSchema),
    responses: {
      200: jsonResponse("The review, rewritten", ApiReviewSchema),
      201: jsonResponse("The review, written for the first time", ApiReviewSchema),
    },
  }),
  async (c) => {
    const actor = c.var.actor;
    const eventId = requireUuidParam(c);
    const body = c.req.valid("json");
    const fields = validateApiInput(
      ReviewFieldsSchema,
      {
        planned: body.planned ?? null,
        happened: body.happened ?? null,
        wentWell: body.went_well ?? [],
        wentWrong: body.went_wrong ?? [],
        mainCause: body.main_cause ?? null,
        secondaryCauses: body.secondary_causes ?? [],
        keep: body.keep ?? [],
        change: body.change ?? [],
      },
      apiFieldPath(API_FIELDS),
    );
    const saved = await saveReview(c.var.deps, actor, eventId, fields);
    const db = c.var.deps.db;
    const review = found(await getReviewForEvent(db, actor.orgId, eventId));
    const lessons = await lessonsOfReview(db, actor.orgId, review.id, review.change);
    return c.json(
      {
        id: review.id,
        event_id: review.eventId,
        event_kind: review.eventKind,
        planned: review.planned,
        happened: review.happened,
        went_well: review.wentWell,
        went_wrong: review.wentWrong,
        main_cause: review.mainCause,
        secondary_causes: review.secondaryCauses,
        keep: review.keep,
        change: review.change,
        lessons: lessons.map((l) => ({ id: l.id, text: l.text, status: l.status })),
        created_date: review.createdAt.toISOString(),
        modified_date: review.updatedAt.toISOString(),
      },
      saved.created ? 201 : 200,
    );
  },
);

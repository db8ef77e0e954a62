import { z } from "zod";
import { optionalText, orNull, slugText } from "../../platform/fields";
import { isValidTimeZone } from "../../platform/time";
import { EVENT_KINDS, SLUG_PATTERN } from "./action";
import { actionsErrors } from "./actions.errors";

// What an event is made of, as the operations take it: instants already resolved from the
// form's wall-clock date and time (or the API's ISO text) at the edge. Pure.

export const EVENT_LIMITS = { title: 200, description: 5000, place: 300, slug: 80 };

const optionalId = (message: "case_not_found" | "invalid") =>
  orNull(z.uuid(message).transform((v) => v.toLowerCase()));

const titleText = z
  .string("wrong_type")
  .max(EVENT_LIMITS.title, "too_long")
  .transform((v) => v.trim());

export const EventFieldsSchema = z
  .object({
    slug: slugText().max(EVENT_LIMITS.slug, "too_long").regex(SLUG_PATTERN, "invalid_slug"),
    kind: z.enum(EVENT_KINDS, "invalid_choice"),
    titleEs: titleText.default(""),
    titleEn: titleText.default(""),
    descriptionEs: optionalText(EVENT_LIMITS.description),
    descriptionEn: optionalText(EVENT_LIMITS.description),
    startsAt: z.date("invalid_date"),
    endsAt: z.date("invalid_date"),
    timeZone: z.string("required").refine(isValidTimeZone, "invalid_time_zone"),
    placeName: optionalText(EVENT_LIMITS.place),
    placeAddress: optionalText(EVENT_LIMITS.place),
    meetingPoint: optionalText(EVENT_LIMITS.place),
    expectedTurnout: z
      .number("wrong_type")
      .int("wrong_type")
      .min(0, "invalid")
      .max(1_000_000, "too_long")
      .nullable()
      .default(null),
    public: z.boolean("wrong_type").default(false),
    caseId: optionalId("case_not_found"),
    campaignId: optionalId("invalid"),
    hearingId: optionalId("invalid"),
  })
  .superRefine((v, ctx) => {
    // One title is enough: the page shows the other language's when one is empty.
    if (!v.titleEs && !v.titleEn) {
      ctx.addIssue({ code: "custom", path: ["titleEs"], message: "required" });
    }
    if (v.endsAt.getTime() < v.startsAt.getTime()) {
      ctx.addIssue({
        code: "custom",
        path: ["endsAt"],
        message: actionsErrors.field.end_before_start,
      });
    }
  });

export type EventFields = z.output<typeof EventFieldsSchema>;
export type EventFieldsInput = z.input<typeof EventFieldsSchema>;

import type { Lang } from "../../platform/i18n";
import { zonedToInstant } from "../../platform/time";
import type { ApiEventInput } from "./actions.api-schema";
import type { EventFieldsInput } from "./event-fields";
import type { ActionEvent } from "./event-record";
import type { Plan } from "./load-plan";
import type { Missing } from "./readiness";
import { missingMessage } from "./readiness-list";

// API JSON <-> domain. Times: ISO text with an offset is an instant; without one, a wall
// clock in the event's zone (resolved through platform/time).

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::00(?:\.0+)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function apiInstant(text: string, timeZone: string): Date | null {
  const local = LOCAL.exec(text.trim());
  if (local) return zonedToInstant(local[1] ?? "", local[2] ?? "", timeZone);
  if (!WITH_OFFSET.test(text.trim())) return null;
  const d = new Date(text.trim());
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Unreadable dates become an invalid value the schema reports as `invalid_date`. */
export function apiToEventInput(body: ApiEventInput): EventFieldsInput {
  const startsAt = apiInstant(body.start_date, body.timezone);
  const endsAt = apiInstant(body.end_date, body.timezone);
  return {
    slug: body.slug,
    kind: body.kind,
    titleEs: body.title.es,
    titleEn: body.title.en,
    descriptionEs: body.description?.es ?? null,
    descriptionEn: body.description?.en ?? null,
    startsAt: startsAt ?? new Date(Number.NaN),
    endsAt: endsAt ?? new Date(Number.NaN),
    timeZone: body.timezone,
    placeName: body.location?.name ?? null,
    placeAddress: body.location?.address ?? null,
    meetingPoint: body.location?.meeting_point ?? null,
    expectedTurnout: body.expected_turnout ?? null,
    public: body.public ?? false,
    hearingId: body.hearing_id ?? null,
  };
}

export function eventToApi(e: ActionEvent, host: boolean) {
  return {
    id: e.id,
    slug: e.slug,
    kind: e.kind,
    status: e.status,
    title: e.title,
    description: e.description,
    start_date: e.startsAt.toISOString(),
    end_date: e.endsAt.toISOString(),
    timezone: e.timeZone,
    location: { name: e.placeName, address: e.placeAddress, meeting_point: e.meetingPoint },
    expected_turnout: e.expectedTurnout,
    public: e.public,
    hearing_id: e.hearingId,
    host,
  };
}

export function missingToApi(m: Missing, plan: Plan, lang: Lang) {
  const message = missingMessage(m, plan, lang);
  switch (m.code) {
    case "role_missing":
    case "newcomer_unpaired":
      return { code: m.code, message, person_id: m.personId };
    case "material_unassigned":
      return { code: m.code, message, material_id: m.materialId, item: m.item };
    case "marshals_short":
      return { code: m.code, message, needed: m.needed, have: m.have };
    case "chant_leader_missing":
      return { code: m.code, message, chant_id: m.chantId };
    case "open_lesson":
      return { code: m.code, message, lesson_id: m.lessonId, text: m.text };
    default:
      return { code: m.code, message };
  }
}

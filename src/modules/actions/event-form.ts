import type { FieldErrors } from "../../platform/errors";
import { errorsByInput } from "../../platform/form-input";
import { instantToZoned, zonedToInstant } from "../../platform/time";
import { slugify } from "./action";
import type { EventFieldsInput } from "./event-fields";
import type { ActionEvent } from "./event-record";

// The event form's strings <-> the operation's fields. Dates and times are typed on the
// wall clock of the chosen zone and become instants here, through platform/time.

const FORM_NAMES: Record<string, string> = {
  titleEs: "title_es",
  titleEn: "title_en",
  descriptionEs: "description_es",
  descriptionEn: "description_en",
  startsAt: "start_date",
  endsAt: "end_date",
  timeZone: "time_zone",
  placeName: "place_name",
  placeAddress: "place_address",
  meetingPoint: "meeting_point",
  expectedTurnout: "expected_turnout",
  caseId: "hearing_id",
  hearingId: "hearing_id",
};

export function eventErrorsForForm(errors: FieldErrors): FieldErrors {
  return errorsByInput(errors, (path) => FORM_NAMES[path] ?? path);
}

/** `autoSlug`: none was typed, one was made from the title and date (may need a suffix). */
export type FormResult = { input: EventFieldsInput; errors: FieldErrors; autoSlug: boolean };

/** Form strings to fields; wall-clock times that can't be read are field errors here. */
export function formToEventInput(form: Record<string, string>): FormResult {
  const errors: FieldErrors = {};
  const zone = (form.time_zone ?? "").trim();
  const startDate = (form.start_date ?? "").trim();
  const endDate = (form.end_date ?? "").trim() || startDate;
  const startsAt = zonedToInstant(startDate, (form.start_time ?? "").trim(), zone);
  const endsAt = zonedToInstant(endDate, (form.end_time ?? "").trim(), zone);
  if (!startsAt) errors.start_date = "invalid_date";
  if (!endsAt) errors.end_date = "invalid_date";
  const turnoutText = (form.expected_turnout ?? "").trim();
  const turnout = turnoutText === "" ? null : Number(turnoutText);
  if (turnout !== null && !Number.isInteger(turnout)) errors.expected_turnout = "invalid";
  const title = form.title_es?.trim() || form.title_en?.trim() || "";
  const typedSlug = (form.slug ?? "").trim();
  return {
    autoSlug: !typedSlug,
    input: {
      slug: typedSlug || slugify(`${title.slice(0, 60)} ${startDate}`) || "accion",
      kind: (form.kind ?? "") as EventFieldsInput["kind"],
      titleEs: form.title_es ?? "",
      titleEn: form.title_en ?? "",
      descriptionEs: form.description_es ?? "",
      descriptionEn: form.description_en ?? "",
      startsAt: startsAt ?? new Date(0),
      endsAt: endsAt ?? new Date(0),
      timeZone: zone,
      placeName: form.place_name ?? "",
      placeAddress: form.place_address ?? "",
      meetingPoint: form.meeting_point ?? "",
      expectedTurnout: turnout !== null && Number.isInteger(turnout) ? turnout : null,
      public: form.public === "on",
      hearingId: form.hearing_id?.trim() || null,
    },
    errors,
  };
}

export function eventToForm(e: ActionEvent): Record<string, string> {
  const start = instantToZoned(e.startsAt, e.timeZone);
  const end = instantToZoned(e.endsAt, e.timeZone);
  return {
    slug: e.slug,
    kind: e.kind,
    title_es: e.title.es,
    title_en: e.title.en,
    description_es: e.description.es,
    description_en: e.description.en,
    start_date: start.date,
    start_time: start.time,
    end_date: end.date,
    end_time: end.time,
    time_zone: e.timeZone,
    place_name: e.placeName ?? "",
    place_address: e.placeAddress ?? "",
    meeting_point: e.meetingPoint ?? "",
    expected_turnout: e.expectedTurnout === null ? "" : String(e.expectedTurnout),
    public: e.public ? "on" : "",
    hearing_id: e.hearingId ?? "",
  };
}

import type { FieldErrors } from "../../platform/errors";
import { errorsByInput, inputOfHead } from "../../platform/form-input";
import { instantToZoned } from "../../platform/time";
import type { Shift } from "./shift-record";

// Between the shift form's strings and the shift's fields.

const COUNTS = {
  flyers: "flyers",
  conversations: "conversations",
  receptive: "receptive",
  neutral: "neutral",
  not_interested: "notInterested",
} as const;

const number = (v: string | undefined) => {
  const text = (v ?? "").trim();
  if (text === "") return 0;
  return /^\d{1,9}$/.test(text) ? Number(text) : text;
};

export function formToShift(values: Record<string, string>, timeZone: string) {
  const team = Object.keys(values)
    .filter((k) => k.startsWith("team_") && values[k] === "on")
    .map((k) => k.slice("team_".length));
  return {
    kind: values.kind ?? "",
    area: values.area ?? "",
    date: values.date ?? "",
    startTime: values.start_time ?? "",
    endTime: values.end_time ?? "",
    timeZone,
    eventId: values.event_id ? values.event_id : null,
    team,
    notes: values.notes ?? "",
    ...Object.fromEntries(
      Object.entries(COUNTS).map(([field, key]) => [key, number(values[field])]),
    ),
  };
}

export function shiftToForm(s: Shift): Record<string, string> {
  const start = instantToZoned(s.startsAt, s.timeZone);
  const end = instantToZoned(s.endsAt, s.timeZone);
  const form: Record<string, string> = {
    kind: s.kind,
    area: s.area,
    date: start.date,
    start_time: start.time,
    end_time: end.time,
    event_id: s.eventId ?? "",
    notes: s.notes ?? "",
  };
  for (const [field, key] of Object.entries(COUNTS)) form[field] = String(s[key]);
  for (const id of s.team) form[`team_${id}`] = "on";
  return form;
}

const FIELD_OF: Record<string, string> = {
  startTime: "start_time",
  endTime: "end_time",
  eventId: "event_id",
  notInterested: "not_interested",
  timeZone: "date",
};

export function shiftErrorsForForm(errors: FieldErrors): FieldErrors {
  return errorsByInput(errors, inputOfHead(FIELD_OF));
}

import type { FieldErrors } from "../../platform/errors";
import { errorsByInput } from "../../platform/form-input";
import { instantToZoned, zonedToInstant } from "../../platform/time";
import { ENGAGEMENT_LEVELS } from "../people/eligible-people";
import type { Election } from "./election-record";

// The organizer's form (flat field names, one office at a time) <-> the API's shape, so
// the same schema and operations check both.
export const OFFICE_FIELDS = ["office_name_es", "office_name_en", "seats", "method"] as const;

export function officeFromForm(form: Record<string, string>) {
  const candidates = Object.keys(form)
    .filter((k) => k.startsWith("cand_") && form[k] === "on")
    .map((k) => k.slice("cand_".length));
  return {
    name: { es: form.office_name_es ?? "", en: form.office_name_en ?? "" },
    seats: /^\d{1,3}$/.test(form.seats ?? "") ? Number(form.seats) : form.seats,
    method: form.method ?? "",
    candidates,
  };
}

const instant = (date: string | undefined, time: string | undefined, zone: string) => {
  const at = zonedToInstant(date ?? "", time ?? "", zone);
  return at ? at.toISOString() : "";
};

export function electionFromForm(form: Record<string, string>, zone: string) {
  return {
    title: { es: form.title_es ?? "", en: form.title_en ?? "" },
    description: { es: form.description_es ?? "", en: form.description_en ?? "" },
    offices: [officeFromForm(form)],
    opens_at: instant(form.opens_date, form.opens_time, zone),
    closes_at: instant(form.closes_date, form.closes_time, zone),
    eligibility: {
      engagement_levels: ENGAGEMENT_LEVELS.filter((l) => form[`level_${l}`] === "on"),
      tags: (form.tags ?? "")
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    },
    ballot_tracker: form.tracker === "on",
  };
}

/** The existing draft as API input, plus one more office from the form. */
export function withOffice(e: Election, form: Record<string, string>) {
  return {
    title: e.title,
    description: e.description,
    offices: [
      ...e.offices.map((o) => ({
        name: o.name,
        seats: o.seats,
        method: o.method,
        candidates: o.candidates.map((c) => ({ person_id: c.personId, statement: c.statement })),
      })),
      officeFromForm(form),
    ],
    opens_at: e.opensAt.toISOString(),
    closes_at: e.closesAt.toISOString(),
    eligibility: {
      engagement_levels: e.eligibility.levels,
      tags: e.eligibility.tags,
      ...(e.eligibility.cutoff ? { cutoff: e.eligibility.cutoff.toISOString() } : {}),
    },
    ballot_tracker: e.ballotTracker,
  };
}

/** API error paths -> the form's field names. */
export function formErrors(fields: FieldErrors, officeIndex = 0): FieldErrors {
  const office = `offices.${officeIndex}.`;
  return errorsByInput(fields, (path) => {
    let name = path;
    if (path.startsWith("title.")) name = `title_${path.slice(6, 8)}`;
    else if (path.startsWith("description.")) name = `description_${path.slice(12, 14)}`;
    else if (path.startsWith(`${office}name.`))
      name = `office_name_${path.slice(office.length + 5, office.length + 7)}`;
    else if (path.startsWith(`${office}seats`)) name = "seats";
    else if (path.startsWith(`${office}method`)) name = "method";
    else if (path.startsWith(`${office}candidates`)) name = "candidates";
    else if (path === "opens_at") name = "opens_date";
    else if (path === "closes_at") name = "closes_date";
    else if (path.startsWith("eligibility.tags")) name = "tags";
    else if (path.startsWith("offices")) name = "candidates";
    return name;
  });
}

/** Sensible defaults: opens tomorrow at 09:00, closes a week later at 20:00. */
export function defaultTimes(now: Date, zone: string) {
  const tomorrow = instantToZoned(new Date(now.getTime() + 86_400_000), zone).date;
  const week = instantToZoned(new Date(now.getTime() + 8 * 86_400_000), zone).date;
  return { opens_date: tomorrow, opens_time: "09:00", closes_date: week, closes_time: "20:00" };
}

import type { FieldErrors } from "../../platform/errors";
import { errorsByInput } from "../../platform/form-input";
import { itemsToLines, linesToItems, type ReviewContent } from "./review";

// Between the review form's strings and the review's fields: lists are one item per line.

const LISTS = {
  went_well: "wentWell",
  went_wrong: "wentWrong",
  secondary_causes: "secondaryCauses",
  keep: "keep",
  change: "change",
} as const;

export function formToReview(values: Record<string, string>) {
  const lists = Object.fromEntries(
    Object.entries(LISTS).map(([field, key]) => [key, linesToItems(values[field] ?? "")]),
  );
  return {
    planned: values.planned ?? "",
    happened: values.happened ?? "",
    mainCause: values.main_cause ?? "",
    ...lists,
  };
}

export function reviewToForm(r: ReviewContent): Record<string, string> {
  const form: Record<string, string> = {
    planned: r.planned ?? "",
    happened: r.happened ?? "",
    main_cause: r.mainCause ?? "",
  };
  for (const [field, key] of Object.entries(LISTS)) form[field] = itemsToLines(r[key]);
  return form;
}

/** Field errors keyed by the domain name ("wentWell.3") -> the form's field ("went_well"). */
export function reviewErrorsForForm(errors: FieldErrors): FieldErrors {
  const byKey: Record<string, string> = {
    planned: "planned",
    happened: "happened",
    mainCause: "main_cause",
    authors: "authors",
    ...Object.fromEntries(Object.entries(LISTS).map(([field, key]) => [key, field])),
  };
  return errorsByInput(errors, (path) => byKey[path.split(".")[0] ?? path] ?? "went_well");
}

import type { Election } from "./election-record";
import "./elections.errors";

// The ballot form (plain HTML, no script) -> { office id: [person ids, in order] }.
// Ranked offices send r.{office}.{person} = "1".."n"; others m.{office}.{person} = "on"
// (checkboxes) or p.{office} = person (a single radio choice).
export function formToChoices(
  election: Election,
  form: Record<string, string>,
): { choices: Record<string, string[]>; errors: Record<string, string> } {
  const choices: Record<string, string[]> = {};
  const errors: Record<string, string> = {};
  for (const office of election.offices) {
    const ranked = office.method === "irv" || office.method === "stv";
    if (ranked) {
      const ranks = office.candidates
        .map((c) => ({ id: c.personId, rank: Number(form[`r.${office.id}.${c.personId}`] ?? "") }))
        .filter((r) => Number.isInteger(r.rank) && r.rank >= 1);
      if (new Set(ranks.map((r) => r.rank)).size !== ranks.length)
        errors[office.id] = "duplicate_rank";
      choices[office.id] = ranks.sort((a, b) => a.rank - b.rank).map((r) => r.id);
    } else {
      const single = form[`p.${office.id}`];
      choices[office.id] = office.candidates
        .map((c) => c.personId)
        .filter((id) => form[`m.${office.id}.${id}`] === "on" || single === id);
      if (office.method === "plurality" && choices[office.id]!.length > office.seats) {
        errors[office.id] = "too_many_marks";
      }
    }
  }
  return { choices, errors };
}

/** The review page's hidden copy of the ballot; anything malformed reads as blank. */
export function parseBallotField(text: string | undefined): Record<string, string[]> {
  try {
    const value: unknown = JSON.parse(text ?? "{}");
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    const out: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(value)) {
      if (Array.isArray(v))
        out[k] = v.filter((x): x is string => typeof x === "string").slice(0, 100);
    }
    return out;
  } catch {
    return {};
  }
}

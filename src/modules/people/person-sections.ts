import type { Child } from "hono/jsx";
import type { AppContext } from "../../platform/http";
import type { Person } from "./person";

// Sections other modules add to the person page (actions and roles held, ...), registered
// at the composition root (app.ts), so the people module imports none of them.
export type PersonSection = (c: AppContext, person: Person) => Promise<Child>;

const sections = new Map<PersonSection, "top" | "bottom">();

/**
 * Registering the same function twice (several apps in one process) adds it once. "top"
 * puts it under the title (the person's open case), "bottom" after the person's own details.
 */
export function addPersonSection(section: PersonSection, place: "top" | "bottom" = "bottom") {
  sections.set(section, place);
}

export async function personSections(
  c: AppContext,
  person: Person,
): Promise<{ top: Child[]; bottom: Child[] }> {
  const entries = [...sections];
  const rendered = await Promise.all(entries.map(([section]) => section(c, person)));
  return {
    top: rendered.filter((_, i) => entries[i]?.[1] === "top"),
    bottom: rendered.filter((_, i) => entries[i]?.[1] === "bottom"),
  };
}

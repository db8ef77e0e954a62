import type { Child } from "hono/jsx";
import type { AppContext } from "../../platform/http";
import type { Person } from "./person";

// Sections other modules add to the person page (actions and roles held, ...), registered
// at the composition root (app.ts), so the people module imports none of them.
export type PersonSection = (c: AppContext, person: Person) => Promise<Child>;

const sections = new Set<PersonSection>();

/** Registering the same function twice (several apps in one process) adds it once. */
export function addPersonSection(section: PersonSection): void {
  sections.add(section);
}

export function personSections(c: AppContext, person: Person): Promise<Child[]> {
  return Promise.all([...sections].map((section) => section(c, person)));
}

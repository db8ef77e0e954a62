import type { Actor, Deps } from "../../platform/actor";
import type { EngagementLevel } from "../people/person";
import { searchPeople } from "../people/search-people";

// The invented actions, election, shifts and drive take their people from those the demo
// already made, picked the same way by engagement level: the lookup is written once for all.

/** The ids of up to `count` of the organization's people at `level`, in the people list's order. */
export async function peopleAt(
  deps: Deps,
  actor: Actor,
  level: EngagementLevel,
  count: number,
): Promise<string[]> {
  const page = await searchPeople(deps.db, actor, { level, page: 1, perPage: count });
  return page.people.map((p) => p.id);
}

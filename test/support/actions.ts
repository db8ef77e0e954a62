import { beforeAll } from "vitest";
import { createEvent } from "../../src/modules/actions/create-event";
import type { EventFieldsInput } from "../../src/modules/actions/event-fields";
import { createPerson } from "../../src/modules/people/create-person";
import type { EngagementLevel } from "../../src/modules/people/person";
import { PersonFieldsSchema } from "../../src/modules/people/person";
import type { Actor, Deps } from "../../src/platform/actor";
import { createOrg, type TestApp } from "./app";
import type { StoreKind } from "./stores";
import { appSuite } from "./suites";

let n = 0;

/** An invented action, two weeks ahead, 18:00-20:00 UTC, with a unique slug. */
export function eventInput(overrides: Partial<EventFieldsInput> = {}): EventFieldsInput {
  n += 1;
  const start = new Date(Date.now() + 14 * 86_400_000);
  start.setUTCHours(18, 0, 0, 0);
  return {
    slug: `vigilia-prueba-${n}-${Math.random().toString(36).slice(2, 7)}`,
    kind: "vigil",
    titleEs: "Vigilia por las familias",
    titleEn: "Vigil for the families",
    startsAt: start,
    endsAt: new Date(start.getTime() + 2 * 3_600_000),
    timeZone: "America/Los_Angeles",
    placeName: "Plaza del Pueblo",
    expectedTurnout: 30,
    public: true,
    ...overrides,
  };
}

export async function makeEvent(
  deps: Deps,
  actor: Actor,
  overrides: Partial<EventFieldsInput> = {},
) {
  return createEvent(deps, actor, eventInput(overrides));
}

/** An invented person at an engagement level (active, core and leader count as organizers). */
export async function makePerson(
  deps: Deps,
  actor: Actor,
  displayName: string,
  engagementLevel: EngagementLevel = "contact",
  extra: Record<string, unknown> = {},
) {
  return createPerson(
    deps,
    actor,
    PersonFieldsSchema.parse({ displayName, engagementLevel, ...extra }),
  );
}

/** A host organization and a co-host one (decision 055) on a fresh app. */
export type HostAndCohost = { t: TestApp; host: Actor; cohost: Actor; cohostSlug: string };

/** The host's and the co-host's owners, built before the describe block's tests, closed after. */
export function hostAndCohost(
  store: StoreKind,
  more: (s: HostAndCohost) => Promise<void> = async () => {},
): HostAndCohost {
  const s: HostAndCohost = appSuite(store, async (t) => {
    const host = (await createOrg(t, "Comité Anfitrión")).actor;
    const c = await createOrg(t, "Unión de Inquilinas");
    return { host, cohost: c.actor, cohostSlug: c.slug };
  });
  beforeAll(() => more(s));
  return s;
}

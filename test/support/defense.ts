import { afterAll, beforeAll, expect } from "vitest";
import { CaseFieldsSchema } from "../../src/modules/defense/case";
import { CaseEventInputSchema } from "../../src/modules/defense/case-event";
import { createCase } from "../../src/modules/defense/create-case";
import { createFacility } from "../../src/modules/defense/create-facility";
import { FacilityFieldsSchema } from "../../src/modules/defense/facility";
import { recordCaseEvent } from "../../src/modules/defense/record-case-event";
import { createPerson } from "../../src/modules/people/create-person";
import { PersonFieldsSchema } from "../../src/modules/people/person";
import type { Actor } from "../../src/platform/actor";
import { type Client, createOrg, createTestApp, signedIn, type TestApp } from "./app";
import { addMember } from "./members";
import type { StoreKind } from "./stores";

/** A hearing on the case at `at` (in `court`, when given): its event's id. */
export const scheduleHearing = (
  t: TestApp,
  actor: Actor,
  caseId: string,
  at: Date,
  court?: string,
) =>
  recordCaseEvent(
    t.deps,
    actor,
    caseId,
    CaseEventInputSchema.parse({
      kind: "hearing_scheduled",
      occurredAt: at,
      ...(court === undefined ? {} : { court }),
    }),
  );

/** What the case pages' tests share: an app, one organization's users, another's records. */
export type CasePages = {
  t: TestApp;
  owner: Actor;
  /** The owner, in Spanish. */
  es: Client;
  /** A second owner with no saved language, so Accept-Language (English) decides. */
  en: Client;
  organizer: Client;
  member: Client;
  viewer: Client;
  /** A person of the organization, with HTML in the name. */
  personId: string;
  /** Another organization's case, facility, person and event. */
  theirs: { caseId: string; facilityId: string; personId: string; eventId: string };
  person(actor: Actor, displayName: string): ReturnType<typeof createPerson>;
  /** Opens a case for `personId` through the form; its id. */
  openCase(form?: Record<string, string>): Promise<string>;
};

/**
 * The case pages' world on `store`, built before the tests of the calling describe block and
 * closed after them. Its fields are there once the block's tests run.
 */
export function casePages(store: StoreKind): CasePages {
  const s = {} as CasePages;
  s.person = (actor, displayName) =>
    createPerson(s.t.deps, actor, PersonFieldsSchema.parse({ displayName }));
  s.openCase = async (form = {}) => {
    const res = await s.es.post("/cases", { person_id: s.personId, status: "open", ...form });
    expect(res.status).toBe(303);
    return (res.headers.get("location") ?? "").split("?")[0]?.split("/").pop() ?? "";
  };
  beforeAll(async () => {
    const t = await createTestApp(store);
    s.t = t;
    const org = await createOrg(t);
    const owner = org.actor;
    s.owner = owner;
    s.es = await signedIn(t, org.email, undefined, "es");
    const secondOwner = await addMember(t, owner, "owner", "Owner Two");
    s.en = await signedIn(t, secondOwner.email, undefined, "en");
    s.organizer = await signedIn(t, (await addMember(t, owner, "organizer")).email);
    s.member = await signedIn(t, (await addMember(t, owner, "member")).email);
    s.viewer = await signedIn(t, (await addMember(t, owner, "viewer")).email);
    s.personId = (await s.person(owner, "Doña <b>Inventada</b>")).id;

    const other = (await createOrg(t, "Otra")).actor;
    const theirPerson = await s.person(other, "Ajena");
    const facility = FacilityFieldsSchema.parse({ name: "Ajeno" });
    const theirFacility = await createFacility(t.deps, other, facility);
    const fields = CaseFieldsSchema.parse({ personId: theirPerson.id });
    const theirCase = await createCase(t.deps, other, fields);
    const note = CaseEventInputSchema.parse({ kind: "note", note: "x", occurredAt: new Date() });
    const eventId = await recordCaseEvent(t.deps, other, theirCase.id, note);
    s.theirs = {
      caseId: theirCase.id,
      facilityId: theirFacility.id,
      personId: theirPerson.id,
      eventId,
    };
  });
  afterAll(() => s.t.close());
  return s;
}

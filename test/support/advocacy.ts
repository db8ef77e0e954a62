// Helpers for the advocacy tests: invented people, cases, facilities and call campaigns.
import { addTarget } from "../../src/modules/advocacy/add-target";
import {
  type CallCampaignFields,
  CallCampaignFieldsSchema,
  TargetFieldsSchema,
} from "../../src/modules/advocacy/call-campaign";
import { createCallCampaign } from "../../src/modules/advocacy/create-call-campaign";
import { CaseFieldsSchema } from "../../src/modules/defense/case";
import { createCase } from "../../src/modules/defense/create-case";
import { createFacility } from "../../src/modules/defense/create-facility";
import { FacilityFieldsSchema } from "../../src/modules/defense/facility";
import { createPerson } from "../../src/modules/people/create-person";
import { PersonFieldsSchema } from "../../src/modules/people/person";
import type { Actor } from "../../src/platform/actor";
import type { TestApp } from "./app";

/** A person (invented) and a case for them: open, unless `fields` say otherwise. */
export async function newCase(
  t: TestApp,
  actor: Actor,
  displayName = "Doña Prueba (inventada)",
  fields: Record<string, unknown> = {},
) {
  const person = await createPerson(t.deps, actor, PersonFieldsSchema.parse({ displayName }));
  const caseFields = CaseFieldsSchema.parse({ personId: person.id, ...fields });
  return { person, kase: await createCase(t.deps, actor, caseFields) };
}

export const newFacility = (t: TestApp, actor: Actor, overrides: Record<string, unknown> = {}) =>
  createFacility(
    t.deps,
    actor,
    FacilityFieldsSchema.parse({
      name: "Centro Inventado de Prueba",
      address: "1 Calle Ficticia, Ciudad Ejemplo",
      phones: ["(555) 010-0101"],
      visitingHours: "Sábados 8:00–15:00",
      notes: "Nota interna del equipo: no publicar",
      ...overrides,
    }),
  );

export const callCampaignFields = (
  caseId: string,
  overrides: Record<string, unknown> = {},
): CallCampaignFields =>
  CallCampaignFieldsSchema.parse({
    caseId,
    titleEs: "Llamen al centro por Doña Prueba",
    titleEn: "Call the facility for Doña Prueba",
    askEs: "Pidan que la liberen bajo palabra.",
    askEn: "Ask for her release on parole.",
    scriptEs: "Hola, llamo para pedir la liberación de Doña Prueba.",
    scriptEn: "Hello, I'm calling to ask for Doña Prueba's release.",
    ...overrides,
  });

export const newCallCampaign = (
  t: TestApp,
  actor: Actor,
  caseId: string,
  overrides: Record<string, unknown> = {},
) => createCallCampaign(t.deps, actor, callCampaignFields(caseId, overrides));

export const addOffice = (
  t: TestApp,
  actor: Actor,
  campaignId: string,
  overrides: Record<string, unknown> = {},
) =>
  addTarget(t.deps, actor, campaignId, {
    from: "office",
    fields: TargetFieldsSchema.parse({
      name: "Oficina Inventada de la Congresista",
      phones: ["(555) 010-0199"],
      address: "2 Avenida Imaginaria",
      hours: "Lunes a viernes, 9:00–17:00",
      ...overrides,
    }),
  });

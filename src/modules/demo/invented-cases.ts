import type { Actor, Deps } from "../../platform/actor";
import { CaseFieldsSchema } from "../defense/case";
import { CaseEventInputSchema } from "../defense/case-event";
import { createCase } from "../defense/create-case";
import { createFacility } from "../defense/create-facility";
import { FacilityFieldsSchema } from "../defense/facility";
import { recordCaseEvent } from "../defense/record-case-event";
import { createPerson } from "../people/create-person";
import { PersonFieldsSchema } from "../people/person";

// Invented facilities and cases for the demo: no real names, places, numbers or case details.
// Phone numbers are in the 555-01xx range reserved for fiction.
const DAY = 86_400_000;

export async function loadDemoCases(deps: Deps, actor: Actor): Promise<{ cases: number }> {
  const at = (days: number, hour = 10) => {
    const d = new Date(Date.now() + days * DAY);
    d.setUTCHours(hour + 8, 0, 0, 0);
    return d;
  };
  const north = await createFacility(
    deps,
    actor,
    FacilityFieldsSchema.parse({
      name: "Centro de Detención Inventado del Norte",
      address: "100 Calle Ficticia, Ciudad Ejemplo",
      phones: ["(555) 010-0101"],
      visitingHours: "Sábados y domingos, 8:00–15:00. Llegar 30 minutos antes.",
      notes: "Piden identificación con foto a quien visita. No se permite llevar comida.",
    }),
  );
  const south = await createFacility(
    deps,
    actor,
    FacilityFieldsSchema.parse({
      name: "Centro de Procesamiento Inventado del Sur",
      address: "200 Avenida Imaginaria, Pueblo Modelo",
      phones: ["(555) 010-0102", "(555) 010-0103"],
      visitingHours: "Visitas con cita, de lunes a viernes.",
    }),
  );
  const person = (displayName: string) =>
    createPerson(deps, actor, PersonFieldsSchema.parse({ displayName, tags: ["caso de defensa"] }));
  const event = (caseId: string, input: Record<string, unknown>) =>
    recordCaseEvent(deps, actor, caseId, CaseEventInputSchema.parse(input));

  const lupe = await person("Doña Lupe (ejemplo)");
  const first = await createCase(
    deps,
    actor,
    CaseFieldsSchema.parse({
      personId: lupe.id,
      lawyerName: "Lic. Abogada de Ejemplo",
      lawyerContact: "(555) 010-0150",
      needs: "Renta de este mes y quien lleve a sus hijos a la escuela.",
      public: true,
      publicStoryEs: "Vendedora del mercado desde hace años. Su familia la espera en casa.",
      publicStoryEn: "A market vendor for years. Her family is waiting for her at home.",
    }),
  );
  await event(first.id, { kind: "detained", occurredAt: at(-20, 6), facilityId: north.id });
  await event(first.id, { kind: "transferred", occurredAt: at(-12), facilityId: south.id });
  await event(first.id, {
    kind: "bond_set",
    occurredAt: at(-5),
    amountCents: 750_000,
    currency: "USD",
  });
  await event(first.id, {
    kind: "hearing_scheduled",
    occurredAt: at(4, 9),
    hearingKind: "bond",
    court: "Corte de Inmigración de Ejemplo, sala 2",
  });

  const beto = await person("Beto R. (ejemplo)");
  const second = await createCase(
    deps,
    actor,
    CaseFieldsSchema.parse({ personId: beto.id, needs: "Despensa para la familia." }),
  );
  await event(second.id, { kind: "detained", occurredAt: at(-45, 7), facilityId: north.id });
  await event(second.id, {
    kind: "hearing_held",
    occurredAt: at(-40),
    hearingKind: "master",
    outcome: "Se pospuso; falta la nueva fecha.",
  });

  const caro = await person("Caro (ejemplo)");
  const third = await createCase(deps, actor, CaseFieldsSchema.parse({ personId: caro.id }));
  await event(third.id, { kind: "detained", occurredAt: at(-90), facilityId: south.id });
  await event(third.id, {
    kind: "bond_posted",
    occurredAt: at(-60),
    amountCents: 500_000,
    currency: "USD",
  });
  await event(third.id, { kind: "released", occurredAt: at(-59) });
  await event(third.id, {
    kind: "note",
    occurredAt: at(-30),
    note: "Volvió a vender en el mercado.",
  });
  return { cases: 3 };
}

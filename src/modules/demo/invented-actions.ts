import type { Actor, Deps } from "../../platform/actor";
import { addChant } from "../actions/add-chant";
import { addMaterial } from "../actions/add-material";
import { addRole } from "../actions/add-role";
import { addRunOfShowStep } from "../actions/add-step";
import { createEvent } from "../actions/create-event";
import { pairAutomatically } from "../actions/pair-automatically";
import { setAttendance } from "../actions/set-attendance";
import { setEventStatus } from "../actions/set-event-status";
import { ReviewFieldsSchema } from "../reviews/review";
import { saveReview } from "../reviews/save-review";
import { peopleAt } from "./demo-cast";

// Two invented actions for the demo, so the organizing cycle has something to show: a march
// three weeks ago, done and reviewed (one "change" became an open lesson for marches), and a
// march in twelve days, half planned, so its readiness list shows what is left to do —
// including that lesson. Places are invented; people are the demo's invented people.
const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONE = "America/Los_Angeles";

/** A day `days` from today at `hour`:00 in Los Angeles (UTC−8 in winter, near enough for a demo). */
function at(days: number, hour: number): Date {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour + 8, 0, 0, 0);
  return d;
}

export type DemoActions = { actions: number; pastId: string | null; nextId: string | null };

export async function loadDemoActions(deps: Deps, actor: Actor): Promise<DemoActions> {
  const core = await peopleAt(deps, actor, "core", 6);
  const active = await peopleAt(deps, actor, "active", 10);
  const newcomers = await peopleAt(deps, actor, "contact", 12);
  const [lead, deputy, marshalA, marshalB, chants, flyers] = [...core, ...active];
  if (!lead || !deputy || !marshalA || !marshalB || !chants || !flyers) {
    return { actions: 0, pastId: null, nextId: null };
  }

  // The march that happened: everyone's roles, who came, and an honest review.
  const past = await createEvent(deps, actor, {
    slug: "marcha-por-las-familias",
    kind: "march",
    titleEs: "Marcha por las familias (inventada)",
    titleEn: "March for the families (invented)",
    descriptionEs: "Del parque al edificio federal, para pedir que liberen a nuestros vecinos.",
    descriptionEn: "From the park to the federal building, to ask that our neighbors be freed.",
    startsAt: at(-21, 17),
    endsAt: at(-21, 19),
    timeZone: ZONE,
    placeName: "Parque Inventado",
    placeAddress: "100 Avenida de Ejemplo, Ciudad Ejemplo",
    meetingPoint: "Junto a la fuente",
    expectedTurnout: 60,
    public: false,
  });
  await addRole(deps, actor, past.id, { personId: lead, role: "lead" });
  await addRole(deps, actor, past.id, { personId: deputy, role: "deputy" });
  await addRole(deps, actor, past.id, { personId: marshalA, role: "marshal" });
  await addRole(deps, actor, past.id, { personId: chants, role: "chant_leader" });
  const cameToPast = [lead, deputy, marshalA, chants, flyers, ...newcomers.slice(0, 7)];
  for (const personId of cameToPast) {
    await setAttendance(deps, actor, past.id, { personId, status: "attended" });
  }
  await setEventStatus(deps, actor, past.id, "planned");
  await setEventStatus(deps, actor, past.id, "done");
  await saveReview(
    deps,
    actor,
    past.id,
    ReviewFieldsSchema.parse({
      planned: "Marchar del parque al edificio federal con 60 personas.",
      happened: "Llegamos unas 45. La marcha salió 20 minutos tarde.",
      wentWell: ["Los cantos en los dos idiomas", "Cada persona nueva tuvo con quién caminar"],
      wentWrong: ["Solo llevamos un megáfono y no se oía atrás", "Salimos tarde"],
      mainCause: "Nadie tenía asignado llevar el segundo megáfono.",
      keep: ["Cantos en los dos idiomas"],
      change: ["Llevar los dos megáfonos", "Salir a la hora anunciada"],
    }),
  );

  // The next march: half planned, so readiness has things to point at.
  const next = await createEvent(deps, actor, {
    slug: "marcha-de-diciembre",
    kind: "march",
    titleEs: "Marcha de diciembre: ¡Libertad para Doña Lupe! (inventada)",
    titleEn: "December march: Freedom for Doña Lupe! (invented)",
    descriptionEs: "Caminamos juntas para pedir su libertad. Traiga agua y ropa cómoda.",
    descriptionEn: "We walk together to ask for her release. Bring water and comfortable shoes.",
    startsAt: at(12, 17),
    endsAt: at(12, 19),
    timeZone: ZONE,
    placeName: "Parque Inventado",
    placeAddress: "100 Avenida de Ejemplo, Ciudad Ejemplo",
    meetingPoint: "Junto a la fuente",
    expectedTurnout: 80,
    public: true,
  });
  await setEventStatus(deps, actor, next.id, "planned");
  await addRole(deps, actor, next.id, { personId: lead, role: "lead" });
  await addRole(deps, actor, next.id, { personId: marshalA, role: "marshal" });
  await addRole(deps, actor, next.id, { personId: marshalB, role: "marshal" });
  await addRole(deps, actor, next.id, { personId: flyers, role: "flyers" });
  for (const personId of [lead, deputy, marshalA, marshalB, flyers, ...newcomers.slice(3)]) {
    await setAttendance(deps, actor, next.id, { personId, status: "going" });
  }
  await addRunOfShowStep(deps, actor, next.id, {
    at: new Date(next.startsAt.getTime() - HOUR),
    title: "Llegan las organizadoras y los marshals",
    ownerPersonId: lead,
  });
  await addRunOfShowStep(deps, actor, next.id, {
    at: new Date(next.startsAt.getTime() - HOUR / 2),
    title: "Repartir carteles y volantes",
    ownerPersonId: flyers,
  });
  await addRunOfShowStep(deps, actor, next.id, {
    at: next.startsAt,
    title: "Salida hacia el edificio federal",
    ownerPersonId: lead,
  });
  // Nobody brings these yet: readiness says so.
  await addMaterial(deps, actor, next.id, { item: "Manta grande", quantity: 1 });
  await addMaterial(deps, actor, next.id, { item: "Carteles", quantity: 40 });
  await addChant(deps, actor, next.id, {
    callEs: "¿Qué queremos?",
    responseEs: "¡Libertad!",
    callEn: "What do we want?",
    responseEn: "Freedom!",
    leaderPersonId: lead,
  });
  await pairAutomatically(deps, actor, next.id);
  return { actions: 2, pastId: past.id, nextId: next.id };
}

import type { Actor, Deps } from "../../platform/actor";
import { addDropOffPoint } from "../supplies/add-drop-off-point";
import { addNeed } from "../supplies/add-need";
import { addNotAccepted } from "../supplies/add-not-accepted";
import { createDrive } from "../supplies/create-drive";
import { createPledge } from "../supplies/create-pledge";
import { DriveFieldsSchema, MovementFieldsSchema, NeedFieldsSchema } from "../supplies/drive";
import { recordMovement } from "../supplies/record-movement";
import { peopleAt } from "./demo-cast";

// One invented winter drive for a shelter, so the supplies pages have something to show:
// five needs (two urgent), a drop-off point with hours, something not accepted, pledges,
// receipts and one delivery. The shelter and the parish are invented.
const NEEDS = [
  { es: "Cobijas", en: "Blankets", unit: "piece", quantity: 60, urgent: true, received: 22 },
  { es: "Calcetines", en: "Socks", unit: "pair", quantity: 120, urgent: true, received: 35 },
  { es: "Agua embotellada", en: "Bottled water", unit: "pack", quantity: 40, received: 40 },
  { es: "Kits de higiene", en: "Hygiene kits", unit: "piece", quantity: 50, received: 8 },
  { es: "Tarjetas telefónicas", en: "Phone cards", unit: "card", quantity: 30, received: 4 },
] as const;

export async function loadDemoSupplies(deps: Deps, actor: Actor): Promise<{ drives: number }> {
  const today = new Date().toISOString().slice(0, 10);
  const drive = await createDrive(
    deps,
    actor,
    DriveFieldsSchema.parse({
      slug: "colecta-de-invierno",
      title: { es: "Colecta de invierno para el albergue", en: "Winter drive for the shelter" },
      description: {
        es: "Juntamos lo que las familias del albergue necesitan para el frío. (Colecta inventada.)",
        en: "We collect what the families at the shelter need for the cold. (An invented drive.)",
      },
      serves: "shelter",
      startsOn: today,
      public: true,
    }),
  );
  const parish = await addDropOffPoint(deps, actor, drive.id, {
    name: "Parroquia Inventada",
    address: "200 Calle Ficticia, Ciudad Ejemplo",
    hours: [
      { day: 3, opens: "17:00", closes: "19:00" },
      { day: 6, opens: "09:00", closes: "13:00" },
    ],
  });
  await addNotAccepted(deps, actor, drive.id, {
    text: { es: "Ropa usada de verano", en: "Used summer clothes" },
    pointId: null,
  });
  const pledgers = await peopleAt(deps, actor, "supporter", 4);
  for (const [index, need] of NEEDS.entries()) {
    const { id } = await addNeed(
      deps,
      actor,
      drive.id,
      NeedFieldsSchema.parse({
        item: { es: need.es, en: need.en },
        unit: need.unit,
        quantity: need.quantity,
        urgent: "urgent" in need,
      }),
    );
    const move = (fields: Record<string, unknown>) =>
      recordMovement(deps, actor, drive.id, MovementFieldsSchema.parse({ needId: id, ...fields }));
    await move({ kind: "received", quantity: need.received, pointId: parish.id });
    const pledger = pledgers[index % Math.max(1, pledgers.length)] ?? null;
    if (index !== 2 && index < 4 && pledger) {
      await createPledge(deps, actor, drive.id, {
        needId: id,
        quantity: 10,
        pointId: parish.id,
        dueOn: null,
        source: "staff",
        personId: pledger,
      });
    }
    if (index === 2) await move({ kind: "delivered", quantity: 20, method: "delivery" });
  }
  return { drives: 1 };
}

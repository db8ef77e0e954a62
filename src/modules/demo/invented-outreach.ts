import type { Actor, Deps } from "../../platform/actor";
import { dayInZone } from "../../platform/time";
import { createShift } from "../outreach/create-shift";
import { ShiftFieldsSchema } from "../outreach/shift";
import { peopleAt } from "./demo-cast";

// Two invented flyering and canvass shifts for the demo: one the weekend before the past
// march, with its counts (no names for the not-interested, only numbers), and one planned
// for the coming march. Areas are invented.
const DAY = 86_400_000;
const ZONE = "America/Los_Angeles";

export async function loadDemoOutreach(
  deps: Deps,
  actor: Actor,
  actions: { pastId: string | null; nextId: string | null },
): Promise<{ shifts: number }> {
  const team = await peopleAt(deps, actor, "active", 4);
  const day = (days: number) => dayInZone(new Date(Date.now() + days * DAY), ZONE);
  await createShift(
    deps,
    actor,
    ShiftFieldsSchema.parse({
      kind: "flyering",
      area: "Mercado Inventado, calle 5",
      date: day(-25),
      startTime: "10:00",
      endTime: "12:30",
      timeZone: ZONE,
      eventId: actions.pastId,
      team: team.slice(0, 3),
      flyers: 180,
      conversations: 34,
      receptive: 19,
      neutral: 9,
      notInterested: 6,
      notes: "Mucha gente preguntó por la fianza de Doña Lupe. Faltaron volantes en inglés.",
    }),
  );
  await createShift(
    deps,
    actor,
    ShiftFieldsSchema.parse({
      kind: "canvassing",
      area: "Colonia Ejemplo, cuadras 1 a 6",
      date: day(9),
      startTime: "11:00",
      endTime: "14:00",
      timeZone: ZONE,
      eventId: actions.nextId,
      team: team.slice(1, 4),
    }),
  );
  return { shifts: 2 };
}

import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import { invalid } from "../../platform/errors";
import { requiredText } from "../../platform/fields";
import { runOperation } from "../../platform/operation";
import { isValidDate, isValidTime, zonedToInstant } from "../../platform/time";
import { addMaterialToPlan, addRoleToPlan, addStepToPlan, PLAN_ROLES } from "./actions-port";
import { lessonAndPlan, recordUse } from "./lesson-use";

// Turning a lesson, in one step, into part of the new plan: "bring both megaphones" -> a
// material with a quantity of 2; "name a second marshal" -> a role; "hand out signs at
// 17:30" -> a run-of-show step. The plan's part and the lesson's use commit together.

export const AdoptLessonSchema = z.discriminatedUnion(
  "as",
  [
    z.object({
      as: z.literal("material"),
      item: requiredText(200),
      quantity: z.number("wrong_type").int("wrong_type").min(1, "invalid").max(100_000, "too_long"),
    }),
    z.object({
      as: z.literal("role"),
      personId: z.uuid("required"),
      role: z.enum(PLAN_ROLES, "invalid_choice"),
    }),
    z.object({
      as: z.literal("step"),
      date: z.string("required").trim().refine(isValidDate, "invalid_date"),
      time: z.string("required").trim().refine(isValidTime, "invalid_clock"),
      title: requiredText(300),
    }),
  ],
  "invalid_choice",
);

export type AdoptLessonInput = z.infer<typeof AdoptLessonSchema>;

export async function adoptLesson(
  deps: Deps,
  actor: Actor,
  lessonId: string,
  eventId: string,
  input: AdoptLessonInput,
): Promise<{ partId: string }> {
  const how = input.as === "material" ? "material" : input.as === "role" ? "role" : "step";
  const { lesson, event } = await lessonAndPlan(deps.db, actor, lessonId, eventId, how);
  const at = input.as === "step" ? zonedToInstant(input.date, input.time, event.timeZone) : null;
  if (input.as === "step" && !at) throw invalid({ time: "invalid_clock" });
  return runOperation(deps, actor, async (op) => {
    // The actions module's own operation, run inside this transaction (a savepoint).
    const inner: Deps = { ...op.deps, db: op.tx };
    const partId =
      input.as === "material"
        ? await addMaterialToPlan(inner, actor, eventId, {
            item: input.item,
            quantity: input.quantity,
          })
        : input.as === "role"
          ? await addRoleToPlan(inner, actor, eventId, {
              personId: input.personId,
              role: input.role,
              notes: lesson.text,
            })
          : await addStepToPlan(inner, actor, eventId, { at: at as Date, title: input.title });
    await recordUse(op, lesson, eventId, how);
    return { partId };
  });
}

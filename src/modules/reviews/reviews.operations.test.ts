import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { makeEvent, makePerson } from "../../../test/support/actions";
import { STORES } from "../../../test/support/stores";
import { twoOrgs } from "../../../test/support/suites";
import type { Actor } from "../../platform/actor";
import { AppError } from "../../platform/errors";
import { getEventAccess, loadPlan } from "../actions/index";
import { setEventStatus } from "../actions/set-event-status";
import { acknowledgeLesson } from "./acknowledge-lesson";
import { addFollowUp } from "./add-follow-up";
import { adoptLesson } from "./adopt-lesson";
import { closeLesson } from "./close-lesson";
import { completeFollowUp } from "./complete-follow-up";
import { followUpsForHome } from "./follow-ups-home";
import { openLessonsForKind, openLessonsForPlan } from "./open-lessons";
import { ReviewFieldsSchema } from "./review";
import { getLesson, getReviewForEvent, lessonsOfReview } from "./review-record";
import { saveReview } from "./save-review";

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
};

describe.each(STORES)("reviews and lessons on %s", (store) => {
  const s = twoOrgs(store);

  const review = (change: string[], extra: Record<string, unknown> = {}) =>
    ReviewFieldsSchema.parse({ wentWell: ["Llegó mucha gente"], change, ...extra });

  async function plan(eventId: string) {
    const access = await getEventAccess(s.t.database.db, s.actor.orgId, eventId);
    if (!access) throw new Error("no such plan");
    return loadPlan(s.t.database.db, s.actor.orgId, access, openLessonsForPlan);
  }

  async function doneEvent(kind: "rally" | "vigil" | "march" = "rally", a = s.actor) {
    const event = await makeEvent(s.t.deps, a, { kind });
    await setEventStatus(s.t.deps, a, event.id, "done");
    return event;
  }

  it("refuses a review before the action is done, and another org's action is a 404", async () => {
    const event = await makeEvent(s.t.deps, s.actor, { kind: "rally" });
    expect(await code(saveReview(s.t.deps, s.actor, event.id, review(["Traer agua"])))).toBe(
      "action_not_done",
    );
    expect(await getReviewForEvent(s.t.database.db, s.actor.orgId, event.id)).toBeNull();
    const done = await doneEvent();
    expect(await code(saveReview(s.t.deps, s.other, done.id, review(["x"])))).toBe("not_found");
  });

  it("turns each change item into an open lesson for the kind, once, and keeps the authors", async () => {
    const event = await doneEvent("rally");
    const first = await saveReview(
      s.t.deps,
      s.actor,
      event.id,
      review(["Traer los dos megáfonos", "Llegar 30 minutos antes"], {
        wentWrong: ["Un megáfono se quedó en casa"],
        mainCause: "Nadie tenía asignado traerlo",
        secondaryCauses: ["La lista de materiales no tenía responsables"],
      }),
    );
    expect(first).toMatchObject({ created: true, lessonsAdded: 2 });
    const again = await saveReview(
      s.t.deps,
      s.actor,
      event.id,
      review(["traer los dos megáfonos", "Imprimir 200 volantes"]),
    );
    expect(again).toMatchObject({ reviewId: first.reviewId, created: false, lessonsAdded: 1 });
    const saved = await getReviewForEvent(s.t.database.db, s.actor.orgId, event.id);
    expect(saved?.authors.map((a) => a.userId)).toEqual([s.actor.userId]);
    expect(saved?.change).toEqual(["traer los dos megáfonos", "Imprimir 200 volantes"]);
    const lessons = await lessonsOfReview(
      s.t.database.db,
      s.actor.orgId,
      first.reviewId,
      saved?.change,
    );
    // "Llegar 30 minutos antes" was taken out before any plan used it: gone.
    expect(lessons.map((l) => [l.text, l.status, l.eventKind])).toEqual([
      ["Traer los dos megáfonos", "open", "rally"],
      ["Imprimir 200 volantes", "open", "rally"],
    ]);
    const audit = await s.t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE org_id = ${s.actor.orgId} AND subject_id = ${first.reviewId} ORDER BY created_at`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["review.created", "review.updated"]);
  });

  it("shows lessons in the next plan of the same kind until handled, then adopts them as a material", async () => {
    const past = await doneEvent("march");
    await saveReview(s.t.deps, s.actor, past.id, review(["Bring both megaphones"]));
    const next = await makeEvent(s.t.deps, s.actor, { kind: "march" });
    const vigil = await makeEvent(s.t.deps, s.actor, { kind: "vigil" });
    const db = s.t.database.db;
    const pending = await openLessonsForPlan({
      db,
      orgId: s.actor.orgId,
      eventId: next.id,
      kind: "march",
    });
    expect(pending.map((l) => l.text)).toEqual(["Bring both megaphones"]);
    expect(
      await openLessonsForPlan({ db, orgId: s.actor.orgId, eventId: vigil.id, kind: "vigil" }),
    ).toEqual([]);
    // The other organization sees none of them.
    expect(await openLessonsForKind(db, s.other.orgId, "march")).toEqual([]);
    const lessonId = pending[0]?.id as string;

    // Readiness of the new plan lists the lesson (as the app wires it).
    const before = await plan(next.id);
    expect(before.readiness.missing.filter((m) => m.code === "open_lesson")).toHaveLength(1);

    const { partId } = await adoptLesson(s.t.deps, s.actor, lessonId, next.id, {
      as: "material",
      item: "Megáfono",
      quantity: 2,
    });
    const after = await plan(next.id);
    expect(after.materials.find((m) => m.id === partId)).toMatchObject({
      item: "Megáfono",
      quantity: 2,
    });
    expect(after.readiness.missing.some((m) => m.code === "open_lesson")).toBe(false);
    expect((await getLesson(db, s.actor.orgId, lessonId))?.status).toBe("adopted");
    // Handled once per plan; another org can't touch it.
    expect(await code(acknowledgeLesson(s.t.deps, s.actor, lessonId, next.id))).toBe(
      "lesson_already_handled",
    );
    expect(await code(acknowledgeLesson(s.t.deps, s.other, lessonId, next.id))).toBe("not_found");
    // A lesson of another kind doesn't belong to this plan.
    expect(await code(acknowledgeLesson(s.t.deps, s.actor, lessonId, vigil.id))).toBe("not_found");
  });

  it("rolls the material back when the lesson can't be recorded, and refuses bad adoption input", async () => {
    const past = await doneEvent("vigil");
    await saveReview(s.t.deps, s.actor, past.id, review(["Velas para todos"]));
    const next = await makeEvent(s.t.deps, s.actor, { kind: "vigil" });
    const [lesson] = await openLessonsForKind(s.t.database.db, s.actor.orgId, "vigil");
    const stranger = await makePerson(s.t.deps, s.other, "Persona de Otra Org", "active");
    expect(
      await code(
        adoptLesson(s.t.deps, s.actor, lesson?.id as string, next.id, {
          as: "role",
          personId: stranger.id,
          role: "marshal",
        }),
      ),
    ).not.toBe("ok");
    expect((await plan(next.id)).roles).toHaveLength(0);
    expect((await getLesson(s.t.database.db, s.actor.orgId, lesson?.id as string))?.uses).toEqual(
      [],
    );
  });

  it("closes a lesson only after three plans adopted it", async () => {
    const past = await doneEvent("rally");
    const { reviewId } = await saveReview(
      s.t.deps,
      s.actor,
      past.id,
      review(["Hoja de cantos impresa"]),
    );
    const [lesson] = await lessonsOfReview(s.t.database.db, s.actor.orgId, reviewId);
    const id = lesson?.id as string;
    const plans = [];
    for (let i = 0; i < 3; i++) plans.push(await makeEvent(s.t.deps, s.actor, { kind: "rally" }));
    const ana = await makePerson(s.t.deps, s.actor, "Ana Cantos", "core");
    await adoptLesson(s.t.deps, s.actor, id, plans[0]!.id, {
      as: "role",
      personId: ana.id,
      role: "chant_leader",
    });
    await acknowledgeLesson(s.t.deps, s.actor, id, plans[1]!.id);
    expect(await code(closeLesson(s.t.deps, s.actor, id))).toBe("lesson_not_adopted_enough");
    const [d, tm] = ["2026-12-12", "17:30"];
    await adoptLesson(s.t.deps, s.actor, id, plans[2]!.id, {
      as: "step",
      date: d,
      time: tm,
      title: "Repartir cantos",
    });
    const fourth = await makeEvent(s.t.deps, s.actor, { kind: "rally" });
    await adoptLesson(s.t.deps, s.actor, id, fourth.id, {
      as: "material",
      item: "Hojas",
      quantity: 40,
    });
    await closeLesson(s.t.deps, s.actor, id);
    expect((await getLesson(s.t.database.db, s.actor.orgId, id))?.status).toBe("closed");
    const fifth = await makeEvent(s.t.deps, s.actor, { kind: "rally" });
    const open = await openLessonsForPlan({
      db: s.t.database.db,
      orgId: s.actor.orgId,
      eventId: fifth.id,
      kind: "rally",
    });
    expect(open.map((l) => l.id)).not.toContain(id);
    expect(await code(closeLesson(s.t.deps, s.actor, id))).toBe("lesson_closed");
  });

  it("keeps follow-ups on the owner's home until done", async () => {
    const event = await doneEvent("rally");
    const followUp = (owner: Actor, text = "x") =>
      addFollowUp(s.t.deps, s.actor, event.id, {
        text,
        ownerUserId: owner.userId as string,
        dueOn: "2026-12-01",
      });
    expect(await code(followUp(s.actor))).toBe("not_found");
    await saveReview(s.t.deps, s.actor, event.id, review([]));
    const { id } = await followUp(s.actor, "Devolver las bocinas prestadas");
    expect(await code(followUp(s.other))).toBe("validation_failed");
    const home = () =>
      followUpsForHome(
        s.t.database.db,
        s.actor.orgId,
        s.actor.userId,
        "America/Los_Angeles",
        new Date("2026-12-05T12:00:00Z"),
      );
    expect((await home()).map((f) => [f.text, f.overdue])).toEqual([
      ["Devolver las bocinas prestadas", true],
    ]);
    await completeFollowUp(s.t.deps, s.actor, id);
    await completeFollowUp(s.t.deps, s.actor, id);
    expect(await home()).toEqual([]);
    expect(await code(completeFollowUp(s.t.deps, s.other, id))).toBe("not_found");
  });
});

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEvent, makePerson } from "../../../test/support/actions";
import { createOrg, createTestApp, type TestApp } from "../../../test/support/app";
import { STORES } from "../../../test/support/stores";
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
  let t: TestApp;
  let actor: Actor;
  let other: Actor;

  beforeAll(async () => {
    t = await createTestApp(store);
    actor = (await createOrg(t)).actor;
    other = (await createOrg(t, "Otra Organización")).actor;
  });
  afterAll(() => t.close());

  const review = (change: string[], extra: Record<string, unknown> = {}) =>
    ReviewFieldsSchema.parse({ wentWell: ["Llegó mucha gente"], change, ...extra });

  async function plan(eventId: string) {
    const access = await getEventAccess(t.database.db, actor.orgId, eventId);
    if (!access) throw new Error("no such plan");
    return loadPlan(t.database.db, actor.orgId, access, openLessonsForPlan);
  }

  async function doneEvent(kind: "rally" | "vigil" | "march" = "rally", a = actor) {
    const event = await makeEvent(t.deps, a, { kind });
    await setEventStatus(t.deps, a, event.id, "done");
    return event;
  }

  it("refuses a review before the action is done, and another org's action is a 404", async () => {
    const event = await makeEvent(t.deps, actor, { kind: "rally" });
    expect(await code(saveReview(t.deps, actor, event.id, review(["Traer agua"])))).toBe(
      "action_not_done",
    );
    expect(await getReviewForEvent(t.database.db, actor.orgId, event.id)).toBeNull();
    const done = await doneEvent();
    expect(await code(saveReview(t.deps, other, done.id, review(["x"])))).toBe("not_found");
  });

  it("turns each change item into an open lesson for the kind, once, and keeps the authors", async () => {
    const event = await doneEvent("rally");
    const first = await saveReview(
      t.deps,
      actor,
      event.id,
      review(["Traer los dos megáfonos", "Llegar 30 minutos antes"], {
        wentWrong: ["Un megáfono se quedó en casa"],
        mainCause: "Nadie tenía asignado traerlo",
        secondaryCauses: ["La lista de materiales no tenía responsables"],
      }),
    );
    expect(first).toMatchObject({ created: true, lessonsAdded: 2 });
    const again = await saveReview(
      t.deps,
      actor,
      event.id,
      review(["traer los dos megáfonos", "Imprimir 200 volantes"]),
    );
    expect(again).toMatchObject({ reviewId: first.reviewId, created: false, lessonsAdded: 1 });
    const saved = await getReviewForEvent(t.database.db, actor.orgId, event.id);
    expect(saved?.authors.map((a) => a.userId)).toEqual([actor.userId]);
    expect(saved?.change).toEqual(["traer los dos megáfonos", "Imprimir 200 volantes"]);
    const lessons = await lessonsOfReview(
      t.database.db,
      actor.orgId,
      first.reviewId,
      saved?.change,
    );
    // "Llegar 30 minutos antes" was taken out before any plan used it: gone.
    expect(lessons.map((l) => [l.text, l.status, l.eventKind])).toEqual([
      ["Traer los dos megáfonos", "open", "rally"],
      ["Imprimir 200 volantes", "open", "rally"],
    ]);
    const audit = await t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE org_id = ${actor.orgId} AND subject_id = ${first.reviewId} ORDER BY created_at`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["review.created", "review.updated"]);
  });

  it("shows lessons in the next plan of the same kind until handled, then adopts them as a material", async () => {
    const past = await doneEvent("march");
    await saveReview(t.deps, actor, past.id, review(["Bring both megaphones"]));
    const next = await makeEvent(t.deps, actor, { kind: "march" });
    const vigil = await makeEvent(t.deps, actor, { kind: "vigil" });
    const db = t.database.db;
    const pending = await openLessonsForPlan({
      db,
      orgId: actor.orgId,
      eventId: next.id,
      kind: "march",
    });
    expect(pending.map((l) => l.text)).toEqual(["Bring both megaphones"]);
    expect(
      await openLessonsForPlan({ db, orgId: actor.orgId, eventId: vigil.id, kind: "vigil" }),
    ).toEqual([]);
    // The other organization sees none of them.
    expect(await openLessonsForKind(db, other.orgId, "march")).toEqual([]);
    const lessonId = pending[0]?.id as string;

    // Readiness of the new plan lists the lesson (as the app wires it).
    const before = await plan(next.id);
    expect(before.readiness.missing.filter((m) => m.code === "open_lesson")).toHaveLength(1);

    const { partId } = await adoptLesson(t.deps, actor, lessonId, next.id, {
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
    expect((await getLesson(db, actor.orgId, lessonId))?.status).toBe("adopted");
    // Handled once per plan; another org can't touch it.
    expect(await code(acknowledgeLesson(t.deps, actor, lessonId, next.id))).toBe(
      "lesson_already_handled",
    );
    expect(await code(acknowledgeLesson(t.deps, other, lessonId, next.id))).toBe("not_found");
    // A lesson of another kind doesn't belong to this plan.
    expect(await code(acknowledgeLesson(t.deps, actor, lessonId, vigil.id))).toBe("not_found");
  });

  it("rolls the material back when the lesson can't be recorded, and refuses bad adoption input", async () => {
    const past = await doneEvent("vigil");
    await saveReview(t.deps, actor, past.id, review(["Velas para todos"]));
    const next = await makeEvent(t.deps, actor, { kind: "vigil" });
    const [lesson] = await openLessonsForKind(t.database.db, actor.orgId, "vigil");
    const stranger = await makePerson(t.deps, other, "Persona de Otra Org", "active");
    expect(
      await code(
        adoptLesson(t.deps, actor, lesson?.id as string, next.id, {
          as: "role",
          personId: stranger.id,
          role: "marshal",
        }),
      ),
    ).not.toBe("ok");
    expect((await plan(next.id)).roles).toHaveLength(0);
    expect((await getLesson(t.database.db, actor.orgId, lesson?.id as string))?.uses).toEqual([]);
  });

  it("closes a lesson only after three plans adopted it", async () => {
    const past = await doneEvent("rally");
    const { reviewId } = await saveReview(
      t.deps,
      actor,
      past.id,
      review(["Hoja de cantos impresa"]),
    );
    const [lesson] = await lessonsOfReview(t.database.db, actor.orgId, reviewId);
    const id = lesson?.id as string;
    const plans = [];
    for (let i = 0; i < 3; i++) plans.push(await makeEvent(t.deps, actor, { kind: "rally" }));
    const ana = await makePerson(t.deps, actor, "Ana Cantos", "core");
    await adoptLesson(t.deps, actor, id, plans[0]!.id, {
      as: "role",
      personId: ana.id,
      role: "chant_leader",
    });
    await acknowledgeLesson(t.deps, actor, id, plans[1]!.id);
    expect(await code(closeLesson(t.deps, actor, id))).toBe("lesson_not_adopted_enough");
    const [d, tm] = ["2026-12-12", "17:30"];
    await adoptLesson(t.deps, actor, id, plans[2]!.id, {
      as: "step",
      date: d,
      time: tm,
      title: "Repartir cantos",
    });
    const fourth = await makeEvent(t.deps, actor, { kind: "rally" });
    await adoptLesson(t.deps, actor, id, fourth.id, {
      as: "material",
      item: "Hojas",
      quantity: 40,
    });
    await closeLesson(t.deps, actor, id);
    expect((await getLesson(t.database.db, actor.orgId, id))?.status).toBe("closed");
    const fifth = await makeEvent(t.deps, actor, { kind: "rally" });
    const open = await openLessonsForPlan({
      db: t.database.db,
      orgId: actor.orgId,
      eventId: fifth.id,
      kind: "rally",
    });
    expect(open.map((l) => l.id)).not.toContain(id);
    expect(await code(closeLesson(t.deps, actor, id))).toBe("lesson_closed");
  });

  it("keeps follow-ups on the owner's home until done", async () => {
    const event = await doneEvent("rally");
    expect(
      await code(
        addFollowUp(t.deps, actor, event.id, {
          text: "x",
          ownerUserId: actor.userId as string,
          dueOn: "2026-12-01",
        }),
      ),
    ).toBe("not_found");
    await saveReview(t.deps, actor, event.id, review([]));
    const { id } = await addFollowUp(t.deps, actor, event.id, {
      text: "Devolver las bocinas prestadas",
      ownerUserId: actor.userId as string,
      dueOn: "2026-12-01",
    });
    expect(
      await code(
        addFollowUp(t.deps, actor, event.id, {
          text: "x",
          ownerUserId: other.userId as string,
          dueOn: "2026-12-01",
        }),
      ),
    ).toBe("validation_failed");
    const home = () =>
      followUpsForHome(
        t.database.db,
        actor.orgId,
        actor.userId,
        "America/Los_Angeles",
        new Date("2026-12-05T12:00:00Z"),
      );
    expect((await home()).map((f) => [f.text, f.overdue])).toEqual([
      ["Devolver las bocinas prestadas", true],
    ]);
    await completeFollowUp(t.deps, actor, id);
    await completeFollowUp(t.deps, actor, id);
    expect(await home()).toEqual([]);
    expect(await code(completeFollowUp(t.deps, other, id))).toBe("not_found");
  });
});

import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { cents } from "../../platform/money";
import { runOperation } from "../../platform/operation";
import { instantToZoned } from "../../platform/time";
import { orgTimeZone } from "../accounts/organization-record";
import {
  type CaseEventInput,
  effectOfEvent,
  FACILITY_EVENT_KINDS,
  onlyKindFields,
  STATUS_EVENT_KINDS,
} from "./case-event";
import { newestEventOf, oneCase } from "./case-keys";
import { caseEvents, cases } from "./defense.schema";
import "./defense.events";
import { requireOwnFacilities } from "./facility-record";

/**
 * Adds an event to a case's timeline and applies what it implies (status, facility,
 * date detained, bond amount) when it is the newest of its kind. A transfer with no
 * "from" takes the case's current facility. The date detained is the event's date on the
 * organization's calendar. Returns the new event's id.
 */
export async function recordCaseEvent(
  deps: Deps,
  actor: Actor,
  caseId: string,
  raw: CaseEventInput,
): Promise<string> {
  const input = onlyKindFields(raw);
  return runOperation(deps, actor, async (op) => {
    const tx = op.tx;
    await requireOwnFacilities(tx, actor.orgId, [input.facilityId, input.fromFacilityId]);
    const [row] = await tx
      .select({
        status: cases.status,
        facilityId: cases.facilityId,
        detainedOn: cases.detainedOn,
        bondCents: cases.bondCents,
        bondCurrency: cases.bondCurrency,
      })
      .from(cases)
      .where(oneCase(actor.orgId, caseId))
      .for("update");
    if (!row) throw notFound();
    const timeZone = await orgTimeZone(tx, actor.orgId);
    const latest = async (kinds: typeof STATUS_EVENT_KINDS) =>
      (await newestEventOf(tx, actor.orgId, caseId, kinds))?.occurredAt ?? null;
    const state = {
      status: row.status,
      facilityId: row.facilityId,
      detainedOn: row.detainedOn,
      bondCents: row.bondCents === null ? null : cents(row.bondCents),
      bondCurrency: row.bondCurrency,
    };
    const change = effectOfEvent(state, input, {
      latestStatusAt: await latest(STATUS_EVENT_KINDS),
      latestFacilityAt: await latest(FACILITY_EVENT_KINDS),
      localDate: instantToZoned(input.occurredAt, timeZone).date,
    });
    const fromFacilityId =
      input.kind === "transferred" ? (input.fromFacilityId ?? row.facilityId) : null;
    const [event] = await tx
      .insert(caseEvents)
      .values({
        orgId: actor.orgId,
        caseId,
        kind: input.kind,
        occurredAt: input.occurredAt,
        facilityId: input.facilityId,
        fromFacilityId: fromFacilityId === input.facilityId ? null : fromFacilityId,
        hearingKind: input.hearingKind,
        court: input.court,
        outcome: input.outcome,
        amountCents: input.amountCents,
        currency: input.currency,
        note: input.note,
        recordedBy: actor.userId,
      })
      .returning({ id: caseEvents.id });
    if (!event) throw new Error("insert returned nothing");
    await tx
      .update(cases)
      .set({
        ...change,
        lastActivityAt: new Date(),
        updatedAt: new Date(),
      })
      .where(oneCase(actor.orgId, caseId));
    await op.audit(
      "case.event_recorded",
      { type: "case", id: caseId },
      { event_id: event.id, kind: input.kind, changed: Object.keys(change) },
    );
    if (input.kind === "hearing_scheduled") {
      op.emit("defense.hearing_changed", {
        orgId: actor.orgId,
        caseId,
        hearingId: event.id,
        change: "added",
        at: input.occurredAt,
      });
    }
    return event.id;
  });
}

import { z } from "zod";
import { optionalText } from "../../platform/fields";
import { uuidInput } from "../../platform/ids";
import { type Cents, CURRENCIES, type Currency, maxCents } from "../../platform/money";
import { type CaseStatus, optionalCents } from "./case";

// Pure domain: the case timeline and what an event changes on its case. No I/O.

export const CASE_EVENT_KINDS = [
  "detained",
  "transferred",
  "hearing_scheduled",
  "hearing_held",
  "bond_set",
  "bond_posted",
  "released",
  "removed",
  "note",
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

export const HEARING_KINDS = ["master", "individual", "bond", "other"] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];

export const EVENT_LIMITS = { court: 200, outcome: 1000, note: 5000 };

export type CaseEvent = {
  id: string;
  caseId: string;
  kind: CaseEventKind;
  occurredAt: Date;
  facility: { id: string; name: string } | null;
  fromFacility: { id: string; name: string } | null;
  hearingKind: HearingKind | null;
  court: string | null;
  outcome: string | null;
  amountCents: Cents | null;
  currency: Currency | null;
  note: string | null;
  recordedBy: { id: string; name: string } | null;
  createdAt: Date;
};

/** Every kind shares one shape; `checkEventFields` says which fields a kind needs. */
export const CaseEventInputSchema = z
  .object({
    kind: z.enum(CASE_EVENT_KINDS, "invalid_choice"),
    occurredAt: z.date("invalid_date"),
    facilityId: uuidInput("invalid_choice").nullable().default(null),
    fromFacilityId: uuidInput("invalid_choice").nullable().default(null),
    hearingKind: z.enum(HEARING_KINDS, "invalid_choice").nullable().default(null),
    court: optionalText(EVENT_LIMITS.court),
    outcome: optionalText(EVENT_LIMITS.outcome),
    amountCents: optionalCents,
    currency: z.enum(CURRENCIES, "invalid_choice").nullable().default(null),
    note: optionalText(EVENT_LIMITS.note),
  })
  .superRefine((e, ctx) => {
    const need = (path: string, ok: boolean, message = "required") => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (e.kind === "transferred") need("facilityId", e.facilityId !== null);
    if (e.kind === "transferred" && e.facilityId && e.facilityId === e.fromFacilityId) {
      need("facilityId", false, "invalid_choice");
    }
    if (e.kind === "bond_set") need("amountCents", e.amountCents !== null);
    if (e.kind === "note") need("note", e.note !== null);
    if (e.amountCents !== null && e.amountCents > maxCents(e.currency ?? "USD")) {
      need("amountCents", false, "invalid_amount");
    }
  });
export type CaseEventInput = z.infer<typeof CaseEventInputSchema>;

/** The fields each kind shows on the form and keeps; others are dropped on save. */
export const EVENT_FIELDS: Record<
  CaseEventKind,
  readonly ("facilityId" | "fromFacilityId" | "hearingKind" | "court" | "outcome" | "amount")[]
> = {
  detained: ["facilityId"],
  transferred: ["fromFacilityId", "facilityId"],
  hearing_scheduled: ["hearingKind", "court"],
  hearing_held: ["hearingKind", "court", "outcome"],
  bond_set: ["amount"],
  bond_posted: ["amount"],
  released: [],
  removed: [],
  note: [],
};

/** Keeps only the fields that belong to the event's kind. */
export function onlyKindFields(e: CaseEventInput): CaseEventInput {
  const keep = new Set(EVENT_FIELDS[e.kind]);
  return {
    ...e,
    facilityId: keep.has("facilityId") ? e.facilityId : null,
    fromFacilityId: keep.has("fromFacilityId") ? e.fromFacilityId : null,
    hearingKind: keep.has("hearingKind") ? e.hearingKind : null,
    court: keep.has("court") ? e.court : null,
    outcome: keep.has("outcome") ? e.outcome : null,
    amountCents: keep.has("amount") ? e.amountCents : null,
    currency: keep.has("amount") && e.amountCents !== null ? (e.currency ?? "USD") : null,
  };
}

const STATUS_FOR_EVENT: Partial<Record<CaseEventKind, CaseStatus>> = {
  detained: "detained",
  transferred: "detained",
  released: "released",
  removed: "removed",
};
export const STATUS_EVENT_KINDS: CaseEventKind[] = CASE_EVENT_KINDS.filter(
  (kind) => STATUS_FOR_EVENT[kind] !== undefined,
);
export const FACILITY_EVENT_KINDS: CaseEventKind[] = ["detained", "transferred"];

export type CaseState = {
  status: CaseStatus;
  facilityId: string | null;
  detainedOn: string | null;
  bondCents: Cents | null;
  bondCurrency: Currency;
};

/**
 * What recording `event` changes on its case. A backdated event never overrides a later
 * one: status and facility follow the newest event of their kind (`latest*At`, excluding
 * this one). `localDate` is the event's date on the organization's calendar.
 */
export function effectOfEvent(
  state: CaseState,
  event: CaseEventInput,
  context: { latestStatusAt: Date | null; latestFacilityAt: Date | null; localDate: string },
): Partial<CaseState> {
  const change: Partial<CaseState> = {};
  const newest = (latest: Date | null) => latest === null || event.occurredAt >= latest;
  const status = STATUS_FOR_EVENT[event.kind];
  if (status && newest(context.latestStatusAt) && status !== state.status) change.status = status;
  if (
    FACILITY_EVENT_KINDS.includes(event.kind) &&
    event.facilityId &&
    newest(context.latestFacilityAt) &&
    event.facilityId !== state.facilityId
  ) {
    change.facilityId = event.facilityId;
  }
  if (event.kind === "detained" && state.detainedOn === null) change.detainedOn = context.localDate;
  if (event.kind === "bond_set" && event.amountCents !== null) {
    change.bondCents = event.amountCents as Cents;
    change.bondCurrency = event.currency ?? "USD";
  }
  return change;
}

/**
 * The case's status once a timeline event is removed: when that event is what set the
 * current status (it was the newest status event and the status is still the one it set),
 * the status goes back to what the newest remaining status event says, or "open" when none
 * is left. A status someone set by hand afterwards, or one a later event set, stays.
 */
export function statusAfterRemoval(
  current: CaseStatus,
  removed: { kind: CaseEventKind; occurredAt: Date },
  newestRemaining: { kind: CaseEventKind; occurredAt: Date } | null,
): CaseStatus {
  const set = STATUS_FOR_EVENT[removed.kind];
  if (!set || set !== current) return current;
  if (newestRemaining && newestRemaining.occurredAt > removed.occurredAt) return current;
  return newestRemaining ? (STATUS_FOR_EVENT[newestRemaining.kind] ?? current) : "open";
}

/** The next hearing: the earliest scheduled one not yet past. */
export function nextHearing<T extends { kind: CaseEventKind; occurredAt: Date }>(
  events: readonly T[],
  now: Date,
): T | null {
  let best: T | null = null;
  for (const e of events) {
    if (e.kind !== "hearing_scheduled" || e.occurredAt < now) continue;
    if (!best || e.occurredAt < best.occurredAt) best = e;
  }
  return best;
}

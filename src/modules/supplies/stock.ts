// The supplies ledger: an append-only list of movements of goods (received at a drop-off
// point, delivered to the people the drive serves, discarded), corrected by reversal, never
// edited. Stock and "still needed" are computed from it, never stored. Pure: no I/O.
import { addMilli, type Milli, milli, ZERO } from "./quantity";

export const MOVEMENT_KINDS = ["received", "delivered", "discarded"] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface Movement {
  readonly id: string;
  readonly needId: string;
  /** Where the goods were received or left from; null when nobody said (API, old data). */
  readonly pointId: string | null;
  readonly kind: MovementKind;
  /** Always positive; a reversal carries the quantity of the movement it cancels. */
  readonly quantity: Milli;
  /** Set on a correction: the id of the movement this one cancels. */
  readonly reverses?: string | null;
  /** A receipt that fulfils (part of) a pledge. */
  readonly pledgeId?: string | null;
}

export interface Pledge {
  readonly id: string;
  readonly needId: string;
  readonly quantity: Milli;
  /** Epoch milliseconds; from then on the pledge no longer counts. */
  readonly expiresAt: number;
  readonly cancelled: boolean;
}

export interface Totals {
  received: Milli;
  delivered: Milli;
  discarded: Milli;
}

export interface NeedFigures extends Totals {
  needed: Milli;
  /** Open pledges: not cancelled, not expired, minus what was already received for them. */
  pledged: Milli;
  onHand: Milli;
  /** needed − received − pledged, never below zero. */
  stillNeeded: Milli;
}

export type StockError =
  | { code: "quantity_not_positive" }
  | { code: "not_enough_stock"; available: Milli }
  | { code: "movement_not_found"; movementId: string }
  | { code: "already_reversed"; movementId: string }
  | { code: "reversal_not_reversible"; movementId: string }
  | { code: "duplicate_id"; movementId: string };

const emptyTotals = (): Totals => ({ received: ZERO, delivered: ZERO, discarded: ZERO });

export const onHandOf = (t: Totals): Milli => milli(t.received - t.delivered - t.discarded);

const pointKey = (needId: string, pointId: string) => `${needId}\u0000${pointId}`;

/** +1 for a movement, −1 for the reversal of one. */
export const signOf = (m: Movement): 1 | -1 => (m.reverses ? -1 : 1);

/** Everything the ledger knows, built up one movement at a time. */
export interface StockState {
  readonly byNeed: ReadonlyMap<string, Totals>;
  /** need + drop-off point -> totals at that point (movements with no point are left out). */
  readonly byPoint: ReadonlyMap<string, Totals>;
  readonly movements: ReadonlyMap<string, Movement>;
  /** original id -> id of the reversal that cancels it */
  readonly reversedBy: ReadonlyMap<string, string>;
  /** pledge id -> net quantity received for it */
  readonly receivedForPledge: ReadonlyMap<string, Milli>;
}

interface MutableState extends StockState {
  byNeed: Map<string, Totals>;
  byPoint: Map<string, Totals>;
  movements: Map<string, Movement>;
  reversedBy: Map<string, string>;
  receivedForPledge: Map<string, Milli>;
}

export function emptyStock(): StockState {
  return {
    byNeed: new Map(),
    byPoint: new Map(),
    movements: new Map(),
    reversedBy: new Map(),
    receivedForPledge: new Map(),
  };
}

function bump(map: Map<string, Totals>, key: string, m: Movement): void {
  const t = { ...(map.get(key) ?? emptyTotals()) };
  const delta = milli(signOf(m) * m.quantity);
  t[m.kind] = addMilli(t[m.kind], delta);
  map.set(key, t);
}

// Trusts the movement: callers check it first (decideMovement), or it was checked when stored.
function applyInPlace(s: MutableState, m: Movement): void {
  bump(s.byNeed, m.needId, m);
  if (m.pointId) bump(s.byPoint, pointKey(m.needId, m.pointId), m);
  s.movements.set(m.id, m);
  if (m.reverses) s.reversedBy.set(m.reverses, m.id);
  if (m.pledgeId && m.kind === "received") {
    const before = s.receivedForPledge.get(m.pledgeId) ?? ZERO;
    s.receivedForPledge.set(m.pledgeId, milli(before + signOf(m) * m.quantity));
  }
}

/** The state after movements that were already accepted (loaded from storage). */
export function stockState(movements: Iterable<Movement>): StockState {
  const s = emptyStock() as MutableState;
  for (const m of movements) applyInPlace(s, m);
  return s;
}

/**
 * The state `decideMovement` needs for one need without its whole ledger: the need's sums
 * per drop-off point (pointId null: movements with no point), which the stores compute in
 * SQL, and the few movements a decision looks up (the one being reversed, and the reversal
 * that already cancels it, if any). Decides exactly as `stockState` of every movement.
 */
export function stockFromSums(
  needId: string,
  sums: ReadonlyArray<Totals & { pointId: string | null }>,
  known: Iterable<Movement>,
): StockState {
  const s = emptyStock() as MutableState;
  let total = emptyTotals();
  for (const { pointId, received, delivered, discarded } of sums) {
    total = {
      received: addMilli(total.received, received),
      delivered: addMilli(total.delivered, delivered),
      discarded: addMilli(total.discarded, discarded),
    };
    if (pointId) s.byPoint.set(pointKey(needId, pointId), { received, delivered, discarded });
  }
  s.byNeed.set(needId, total);
  for (const m of known) {
    s.movements.set(m.id, m);
    if (m.reverses) s.reversedBy.set(m.reverses, m.id);
  }
  return s;
}

export function totalsFor(s: StockState, needId: string): Totals {
  return s.byNeed.get(needId) ?? emptyTotals();
}

export function totalsAt(s: StockState, needId: string, pointId: string): Totals {
  return s.byPoint.get(pointKey(needId, pointId)) ?? emptyTotals();
}

/** What a movement takes out of stock, if it were accepted (reversing a receipt takes too). */
function outflow(m: Movement): boolean {
  return m.reverses ? m.kind === "received" : m.kind !== "received";
}

export type Proposal =
  | { op: "record"; movement: Omit<Movement, "reverses"> }
  | { op: "reverse"; id: string; target: string };

export type Decision = { ok: true; movement: Movement } | { ok: false; error: StockError };

/**
 * Checks one proposed movement against the ledger. Goods can't leave what was never
 * received: delivering or discarding more than is on hand (for the need, and at the
 * drop-off point when one is given) is refused, and so is reversing a receipt whose
 * goods already left.
 */
export function decideMovement(s: StockState, p: Proposal): Decision {
  const id = p.op === "record" ? p.movement.id : p.id;
  if (s.movements.has(id)) return { ok: false, error: { code: "duplicate_id", movementId: id } };
  let m: Movement;
  if (p.op === "record") {
    if (!Number.isSafeInteger(p.movement.quantity) || p.movement.quantity <= 0) {
      return { ok: false, error: { code: "quantity_not_positive" } };
    }
    m = { ...p.movement, reverses: null };
  } else {
    const target = s.movements.get(p.target);
    if (!target) return { ok: false, error: { code: "movement_not_found", movementId: p.target } };
    if (target.reverses)
      return { ok: false, error: { code: "reversal_not_reversible", movementId: p.target } };
    const by = s.reversedBy.get(p.target);
    if (by) return { ok: false, error: { code: "already_reversed", movementId: p.target } };
    m = { ...target, id: p.id, reverses: target.id };
  }
  if (outflow(m)) {
    const total = onHandOf(totalsFor(s, m.needId));
    const atPoint = m.pointId ? onHandOf(totalsAt(s, m.needId, m.pointId)) : total;
    const available = milli(Math.min(total, atPoint));
    if (m.quantity > available) {
      return {
        ok: false,
        error: { code: "not_enough_stock", available: milli(Math.max(0, available)) },
      };
    }
  }
  return { ok: true, movement: m };
}

/** Applies an accepted movement, returning a new state (the old one is left as it was). */
export function applyMovement(s: StockState, m: Movement): StockState {
  const next: MutableState = {
    byNeed: new Map(s.byNeed),
    byPoint: new Map(s.byPoint),
    movements: new Map(s.movements),
    reversedBy: new Map(s.reversedBy),
    receivedForPledge: new Map(s.receivedForPledge),
  };
  applyInPlace(next, m);
  return next;
}

/** What is still open on a pledge at `now`: zero once cancelled, expired or fully brought. */
export function openPledgeQuantity(p: Pledge, receivedForIt: Milli, now: number): Milli {
  if (p.cancelled || now >= p.expiresAt) return ZERO;
  return milli(Math.max(0, p.quantity - receivedForIt));
}

export function stillNeeded(needed: Milli, received: Milli, pledged: Milli): Milli {
  return milli(Math.max(0, needed - received - pledged));
}

/** The figures of one need from its totals and its pledges' open quantities. */
export function needFigures(needed: Milli, totals: Totals, pledged: Milli): NeedFigures {
  return {
    needed,
    ...totals,
    pledged,
    onHand: onHandOf(totals),
    stillNeeded: stillNeeded(needed, totals.received, pledged),
  };
}

/**
 * A full recount: every figure of every need from nothing but the needs, the whole movement
 * list and the pledges. The stores compute the same with SQL; tests hold both to this.
 */
export function recount(
  needs: ReadonlyArray<{ id: string; quantity: Milli }>,
  movements: Iterable<Movement>,
  pledges: Iterable<Pledge>,
  now: number,
): Map<string, NeedFigures> {
  const totals = new Map<string, Totals>();
  const forPledge = new Map<string, number>();
  for (const m of movements) {
    const t = totals.get(m.needId) ?? emptyTotals();
    t[m.kind] = milli(t[m.kind] + signOf(m) * m.quantity);
    totals.set(m.needId, t);
    if (m.pledgeId && m.kind === "received") {
      forPledge.set(m.pledgeId, (forPledge.get(m.pledgeId) ?? 0) + signOf(m) * m.quantity);
    }
  }
  const pledged = new Map<string, Milli>();
  for (const p of pledges) {
    const open = openPledgeQuantity(p, milli(forPledge.get(p.id) ?? 0), now);
    pledged.set(p.needId, addMilli(pledged.get(p.needId) ?? ZERO, open));
  }
  const out = new Map<string, NeedFigures>();
  for (const n of needs) {
    out.set(
      n.id,
      needFigures(n.quantity, totals.get(n.id) ?? emptyTotals(), pledged.get(n.id) ?? ZERO),
    );
  }
  return out;
}

/** Stock at one drop-off point for one need; what "low" means is decided by `isLowStock`. */
export interface PointStock {
  readonly needId: string;
  readonly pointId: string;
  readonly onHand: Milli;
}

/**
 * Low stock: a drop-off point that has received this need before and now holds less than a
 * tenth of what the drive needs of it (at least one unit), while some is still needed or
 * the need is urgent. Points that never stocked the item are not warnings.
 */
export function isLowStock(needed: Milli, atPoint: Totals): boolean {
  if (atPoint.received <= 0) return false;
  const threshold = Math.max(1000, Math.ceil(needed / 10));
  return onHandOf(atPoint) < threshold;
}

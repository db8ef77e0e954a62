import type { Db } from "../db/client";
import type { Actor, Deps } from "./actor";
import { audit } from "./audit";
import { type AppEvents, EventBus, type EventName } from "./events";

/** What an operation's body gets: the transaction, and audit and emit bound to it. */
export type Operation = {
  tx: Db;
  actor: Actor;
  deps: Deps;
  /** An audit row in the same transaction: it commits, or not, with the change. */
  audit(
    action: string,
    subject: { type: string; id?: string | null },
    detail?: Record<string, unknown>,
  ): Promise<void>;
  /** Queued; sent on the app's bus only once the transaction has committed. */
  emit<N extends EventName>(name: N, payload: AppEvents[N]): void;
  /**
   * Deps for calling another operation inside this one: its `runOperation` becomes a
   * savepoint of this transaction (it commits with this one, or not at all; when it throws,
   * only its own part is rolled back), and its events wait for this operation's commit.
   */
  inner(): Deps;
};

/** A bus that queues what inner operations emit into the outer operation's queue. */
class QueueBus extends EventBus {
  constructor(private readonly push: (name: EventName, payload: unknown) => void) {
    super();
  }
  override emit<N extends EventName>(name: N, payload: AppEvents[N]): void {
    this.push(name, payload);
  }
}

/**
 * Runs one operation: its body in a transaction with `audit` and `emit` bound, then the
 * queued events after commit (none if it threw). Every write operation goes through here.
 *
 *   export const createThing = (deps: Deps, actor: Actor, input: ThingFields) =>
 *     runOperation(deps, actor, async (op) => {
 *       const [row] = await op.tx.insert(things).values({ ...}).returning();
 *       await op.audit("thing.created", { type: "thing", id: row.id });
 *       op.emit("things.changed", { orgId: actor.orgId });
 *       return row;
 *     });
 */
export async function runOperation<T>(
  deps: Deps,
  actor: Actor,
  body: (op: Operation) => Promise<T>,
): Promise<T> {
  const queued: { name: EventName; payload: unknown }[] = [];
  const result = await deps.db.transaction((tx) =>
    body({
      tx,
      actor,
      deps,
      audit: (action, subject, detail) => audit(tx, actor, action, subject, detail),
      emit: (name, payload) => {
        queued.push({ name, payload });
      },
      inner: () => ({
        ...deps,
        db: tx,
        bus: new QueueBus((name, payload) => queued.push({ name, payload })),
      }),
    }),
  );
  for (const { name, payload } of queued) {
    deps.bus.emit(name, payload as AppEvents[typeof name]);
  }
  return result;
}

// One typed event bus per app instance: operations emit after their transaction commits
// (see operation.ts); caches and other modules listen. Each module declares its events by
// augmenting AppEvents beside its code:
//
//   declare module "../../platform/events" {
//     interface AppEvents { "funds.campaign_changed": { orgId: string; campaignId: string } }
//   }
//
// In-process only: a listener that serves several instances relays what it hears
// (NOTIFY on PostgreSQL, see the public page cache).

// biome-ignore lint/suspicious/noEmptyInterface: filled in by each module's declaration
export interface AppEvents {}

export type EventName = keyof AppEvents;
/** A listener may return a promise: the bus keeps it until it settles (see `settled`). */
type Listener<N extends EventName> = (payload: AppEvents[N]) => unknown;

export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();
  private readonly pending = new Set<Promise<unknown>>();

  /** Subscribe; returns the function that unsubscribes. */
  on<N extends EventName>(name: N, listener: Listener<N>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as Listener<EventName>);
    return () => {
      set.delete(listener as Listener<EventName>);
    };
  }

  emit<N extends EventName>(name: N, payload: AppEvents[N]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        const work = listener(payload);
        if (work instanceof Promise) this.track(name, work);
      } catch (error) {
        // A listener that fails (a cache that can't refresh) must not fail what already
        // committed. Log the event name only: payloads may name people.
        console.error(`event listener for ${String(name)} failed:`, (error as Error).message);
      }
    }
  }

  /**
   * Resolves once the work that listeners returned for events emitted so far has settled
   * (work started later is not waited for). A route calls it after an operation whose
   * listeners write something the answer shows (people's consent, recorded by messaging).
   * Never call it inside a transaction: the listeners may need the connection it holds.
   */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private track(name: EventName, work: Promise<unknown>) {
    const kept: Promise<unknown> = work
      .catch((error: unknown) => {
        console.error(`event listener for ${String(name)} failed:`, (error as Error).message);
      })
      .finally(() => this.pending.delete(kept));
    this.pending.add(kept);
  }
}

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
type Listener<N extends EventName> = (payload: AppEvents[N]) => void;

export class EventBus {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();

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
        listener(payload);
      } catch (error) {
        // A listener that fails (a cache that can't refresh) must not fail what already
        // committed. Log the event name only: payloads may name people.
        console.error(`event listener for ${String(name)} failed:`, (error as Error).message);
      }
    }
  }
}

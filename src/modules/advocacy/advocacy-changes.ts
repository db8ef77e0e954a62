// After-commit signal that what a case's public advocacy section shows has changed (a
// campaign's text, flags or targets), for whoever caches rendered public pages: the funds
// campaign pages of that case. In-process only, like funds/campaign-changes.ts; a listener
// that serves several instances relays it. Counted calls are not shown publicly, so
// counting one sends nothing.
export type AdvocacyChange = { orgId: string; caseId: string };
type Listener = (change: AdvocacyChange) => void;

const listeners = new Set<Listener>();

/** Subscribe; returns the function that unsubscribes. */
export function onAdvocacyChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Called by every advocacy operation that changes public content, once it has committed. */
export function advocacyChanged(change: AdvocacyChange): void {
  for (const listener of listeners) {
    try {
      listener(change);
    } catch {
      // A cache that fails to refresh must not fail the change itself.
    }
  }
}

// After-commit signal that a campaign or its ledger changed, for whoever caches what a
// campaign shows (the public page's rendered bytes). In-process only: a listener that
// serves several instances relays it (NOTIFY on PostgreSQL).
export type CampaignChange = { orgId: string; campaignId: string };
type Listener = (change: CampaignChange) => void;

const listeners = new Set<Listener>();

/** Subscribe; returns the function that unsubscribes. */
export function onCampaignChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Called by every funds operation once its transaction has committed. */
export function campaignChanged(change: CampaignChange): void {
  for (const listener of listeners) {
    try {
      listener(change);
    } catch {
      // A cache that fails to refresh must not undo or fail the money movement.
    }
  }
}

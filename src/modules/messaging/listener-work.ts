// The work a bus listener starts for what it hears (queueing messages after another
// module's commit): a failure is logged under the work's name, never thrown at the bus,
// and `idle` waits for everything started so far (tests).

export type ListenerWork = {
  /** Starts `work`; a failure is logged as "<name>: <message>". */
  track(name: string, work: () => Promise<unknown>): void;
  /** Resolves when everything started so far, and what it started, has settled. */
  idle(): Promise<void>;
};

export function listenerWork(log: (line: string) => void): ListenerWork {
  const pending = new Set<Promise<void>>();
  return {
    track(name, work) {
      const p: Promise<void> = work()
        .then(() => {})
        .catch((e: unknown) => log(`${name}: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

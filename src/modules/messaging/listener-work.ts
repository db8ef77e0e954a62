// What the messaging listeners on the app's bus share (they queue messages after another
// module's commit): the work each starts is tracked, a failure is logged under the work's
// name and never thrown at the bus, and `idle` waits for everything started so far (tests).

/** A listener's clock and log; tests pass their own. */
export type ListenerOptions = { now?: () => Date; log?: (line: string) => void };

export type MessageListener = {
  /** Resolves when everything heard so far is queued (tests). */
  idle(): Promise<void>;
  stop(): void;
};

export type ListenerWork = {
  now: () => Date;
  log: (line: string) => void;
  /** Starts `work`; a failure is logged as "<name>: <message>". */
  track(name: string, work: () => Promise<unknown>): void;
  /** Resolves when everything started so far, and what it started, has settled. */
  idle(): Promise<void>;
};

export function listenerWork(options: ListenerOptions): ListenerWork {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.error(line));
  const pending = new Set<Promise<void>>();
  return {
    now,
    log,
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

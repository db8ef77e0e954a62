// Group commit (decision 108): requests that arrive while earlier statements are still in
// flight wait, and are then sent together as ONE statement, each answered with its own
// result. An idle server sends a request at once (after the current turn of the event loop,
// so requests parsed in the same turn share it); a busy one shares the statement's fixed
// costs (parse/bind, executor start, commit and its WAL flush) among the requests.
//
// Nothing is joined to a statement already sent: a request is always answered by a
// statement that started after it arrived, so it sees what a statement of its own would.

export type GroupCommit<I, O> = (item: I) => Promise<O>;

type Waiting<I, O> = { item: I; resolve(value: O): void; reject(error: unknown): void };

export function groupCommit<I, O>(options: {
  /** Statements in flight at once; more requests wait and go together in the next one. */
  inFlight: number;
  /** The most requests one statement carries. */
  most: number;
  /** Whether two requests may not share a statement (the later one waits for the next). */
  clash?: (a: I, b: I) => boolean;
  /** Runs the statement; answers one result (or an Error) per item, in the same order. */
  run(items: I[]): Promise<(O | Error)[]>;
}): GroupCommit<I, O> {
  let queue: Waiting<I, O>[] = [];
  let running = 0;
  let scheduled = false;

  const take = (): Waiting<I, O>[] => {
    const { clash } = options;
    if (!clash && queue.length <= options.most) {
      const all = queue;
      queue = [];
      return all;
    }
    const batch: Waiting<I, O>[] = [];
    const rest: Waiting<I, O>[] = [];
    for (const w of queue) {
      const fits =
        batch.length < options.most && !(clash && batch.some((b) => clash(b.item, w.item)));
      (fits ? batch : rest).push(w);
    }
    queue = rest;
    return batch;
  };

  const pump = () => {
    scheduled = false;
    while (running < options.inFlight && queue.length > 0) {
      const batch = take();
      running++;
      options
        .run(batch.map((w) => w.item))
        .then(
          (results) =>
            batch.forEach((w, i) => {
              const r = results[i];
              if (r instanceof Error) w.reject(r);
              else w.resolve(r as O);
            }),
          (error: unknown) => {
            for (const w of batch) w.reject(error);
          },
        )
        .finally(() => {
          running--;
          pump();
        });
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled && running < options.inFlight) {
        scheduled = true;
        setImmediate(pump);
      }
    });
}

/** One group commit per database handle (the pool; a transaction gets its own). */
export function perHandle<H extends object, I, O>(
  make: (handle: H) => GroupCommit<I, O>,
): (handle: H, item: I) => Promise<O> {
  const byHandle = new WeakMap<H, GroupCommit<I, O>>();
  return (handle, item) => {
    let commit = byHandle.get(handle);
    if (!commit) {
      commit = make(handle);
      byHandle.set(handle, commit);
    }
    return commit(item);
  };
}

import pg from "pg";

// LISTEN/NOTIFY for what app instances must tell each other (a cached page went stale).
// PostgreSQL delivers notifications only to a session that stays connected, so each
// listener holds a connection of its own, outside the pool, and reconnects when it drops.

export type ListenHandlers = {
  /** One NOTIFY on the channel. */
  message(payload: string): void;
  /**
   * The connection was lost and is back: notifications sent meanwhile are gone, so
   * whoever relies on them should assume everything changed.
   */
  reset?(): void;
  /** The listener stopped for good (its database closed). */
  closed?(): void;
};

export type Listener = { stop(): Promise<void> };

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkChannel(channel: string): string {
  if (!CHANNEL.test(channel)) throw new Error(`not a safe channel name: ${channel}`);
  return channel;
}

const RETRY_MS = [250, 500, 1000, 2000, 5000];

/** A dedicated pg client LISTENing on one channel; reconnects with backoff, then resets. */
export async function listenPostgres(
  url: string,
  channel: string,
  handlers: ListenHandlers,
): Promise<Listener> {
  checkChannel(channel);
  let client: pg.Client | null = null;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (n) => {
      if (n.channel === channel) handlers.message(n.payload ?? "");
    });
    const lost = () => {
      if (stopped || client !== next) return;
      client = null;
      next.end().catch(() => {});
      retry();
    };
    next.on("error", lost);
    next.on("end", lost);
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      if (client === next) client = null;
      await next.end().catch(() => {});
      throw error;
    }
    if (stopped) await next.end().catch(() => {});
  };

  const retry = () => {
    if (stopped || timer) return;
    const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 5000;
    attempt += 1;
    timer = setTimeout(() => {
      timer = null;
      connect().then(
        () => {
          attempt = 0;
          handlers.reset?.();
        },
        () => retry(),
      );
    }, delay);
    timer.unref();
  };

  await connect();
  return {
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
      handlers.closed?.();
    },
  };
}

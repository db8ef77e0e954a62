import type { Db } from "../../db/client";
import { type ClaimedMessage, settleSent } from "./outbox-store";

// Sends recorded a group at a time (decision 080, 098): a lane hands each accepted send
// here; one UPDATE records a group, each row still under its own claim token. At most
// `limit` sends are accepted and not yet recorded (waiting or being written): a lane that
// would go over waits for the write in flight. So a crash leaves at most `limit` plus the
// sends in flight (one per lane) sent and unrecorded, however slow the database is; those
// are recovered like any lapsed claim (same Message-ID; Twilio lookup for SMS).
//
// One write at a time, like a group commit: while it runs the next group gathers, and it
// goes as soon as the write returns (or when half the limit is waiting, or after waitMs).

export type SentRecorder = {
  /** Resolves when the lane may send again (fewer than `limit` sends unrecorded). */
  add(message: ClaimedMessage, providerId: string | null): Promise<void>;
  /** Records what is still waiting and resolves when every group is written. */
  close(): Promise<void>;
};

export function sentRecorder(
  db: Db,
  log: (line: string) => void,
  limit: number,
  waitMs: number,
): SentRecorder {
  let pending: { message: ClaimedMessage; providerId: string | null }[] = [];
  let writing = 0;
  let current: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const waiters: (() => void)[] = [];
  const unrecorded = () => pending.length + writing;
  const release = () => {
    while (waiters.length > 0 && unrecorded() < limit) waiters.shift()?.();
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (current || pending.length === 0) return;
    const group = pending;
    pending = [];
    writing = group.length;
    current = settleSent(db, group)
      .then(
        (recorded) => {
          for (const { message } of group)
            if (!recorded.has(message.id))
              log(`outbox: message ${message.id} sent after its claim ran out`);
        },
        // Left "sending": the lease runs out and recovery finds them (decision 080).
        (e: unknown) => log(`outbox: recording ${group.length} sends failed: ${String(e)}`),
      )
      .finally(() => {
        writing = 0;
        current = null;
        // What gathered meanwhile has waited a write already: it goes now.
        flush();
        release();
      });
  };
  return {
    add(message, providerId) {
      pending.push({ message, providerId });
      if (!current) {
        if (pending.length >= Math.ceil(limit / 2)) flush();
        else timer ??= setTimeout(flush, waitMs);
      }
      if (unrecorded() < limit) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    async close() {
      flush();
      while (current) await current;
      release();
    },
  };
}

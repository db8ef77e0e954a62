import type { Db } from "../../db/client";
import { type ClaimedMessage, settleSent } from "./outbox-store";

// Sends recorded a group at a time (decision 080, 098): a lane hands each accepted send
// here; one UPDATE records a group, each row still under its own claim token. At most
// `limit` sends are accepted and not yet recorded (waiting or being written): a lane that
// would go over waits for the write in flight. So a crash leaves at most `limit` plus the
// sends in flight (one per lane) sent and unrecorded, however slow the database is; those
// are recovered like any lapsed claim (same Message-ID; Twilio lookup for SMS).
//
// One write at a time, like a group commit: while it runs the next group gathers. A group
// goes when half the limit is waiting, or after waitMs when fewer gather (a slow trickle),
// or at close. Going "as soon as the write returns" made groups of ~8 under load
// (151 statements per 1,000 messages, decision 104); half the limit keeps lanes sending
// while a group is written and the crash bound where it was.

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
  let closing = false;
  const half = Math.max(1, Math.ceil(limit / 2));
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
        if (closing || pending.length >= half) flush();
        else if (pending.length > 0) timer ??= setTimeout(flush, waitMs);
        release();
      });
  };
  return {
    add(message, providerId) {
      pending.push({ message, providerId });
      if (!current) {
        if (pending.length >= half) flush();
        else timer ??= setTimeout(flush, waitMs);
      }
      if (unrecorded() < limit) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    async close() {
      closing = true;
      flush();
      while (current) await current;
      release();
    },
  };
}

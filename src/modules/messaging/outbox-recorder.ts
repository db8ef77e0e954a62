import type { Db } from "../../db/client";
import { type ClaimedMessage, settleSent } from "./outbox-store";

// Sends recorded a group at a time: a lane hands each accepted send here and goes on to
// the next message; one UPDATE records up to a group, each row still under its own claim
// token (decision 080). A crash can leave at most a group sent and unrecorded; those are
// recovered like any lapsed claim.

export type SentRecorder = {
  add(message: ClaimedMessage, providerId: string | null): void;
  /** Records what is still waiting and resolves when every group is written. */
  close(): Promise<void>;
};

/** Collects sends and records them a group at a time (settleSent). */
export function sentRecorder(
  db: Db,
  log: (line: string) => void,
  groupSize: number,
  waitMs: number,
): SentRecorder {
  let pending: { message: ClaimedMessage; providerId: string | null }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const writes: Promise<void>[] = [];
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const group = pending;
    pending = [];
    writes.push(
      settleSent(db, group).then(
        (recorded) => {
          for (const { message } of group)
            if (!recorded.has(message.id))
              log(`outbox: message ${message.id} sent after its claim ran out`);
        },
        // Left "sending": the lease runs out and recovery finds them (decision 080).
        (e: unknown) => log(`outbox: recording ${group.length} sends failed: ${String(e)}`),
      ),
    );
  };
  return {
    add(message, providerId) {
      pending.push({ message, providerId });
      if (pending.length >= groupSize) flush();
      else timer ??= setTimeout(flush, waitMs);
    },
    async close() {
      flush();
      await Promise.all(writes);
    },
  };
}

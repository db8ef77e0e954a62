import type { Db } from "../../db/client";
import type { Actor, Deps } from "../../platform/actor";
import { audit } from "../../platform/audit";

// TEMPORARY stand-in for platform/operation.ts (same signature) until the kernel lands.
export type Operation = {
  tx: Db;
  actor: Actor;
  deps: Deps;
  audit(
    action: string,
    subject: { type: string; id?: string | null },
    detail?: Record<string, unknown>,
  ): Promise<void>;
};

export async function runOperation<T>(
  deps: Deps,
  actor: Actor,
  body: (op: Operation) => Promise<T>,
): Promise<T> {
  return deps.db.transaction((tx) =>
    body({
      tx,
      actor,
      deps,
      audit: (action, subject, detail) => audit(tx, actor, action, subject, detail),
    }),
  );
}

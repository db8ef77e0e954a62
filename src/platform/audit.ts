import type { Db } from "../db/client";
import type { Actor } from "./actor";
import { auditEvents } from "./platform.schema";

// Written inside the caller's transaction, so the change and its record commit together.
// `detail` names fields, never their sensitive values.
export async function audit(
  tx: Db,
  actor: Actor,
  action: string,
  subject: { type: string; id?: string | null },
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(auditEvents).values({
    orgId: actor.orgId,
    actorUserId: actor.userId,
    action,
    subjectType: subject.type,
    subjectId: subject.id ?? null,
    detail,
  });
}

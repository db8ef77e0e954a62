import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import { invalid, onUniqueViolation } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { organizations } from "../../platform/platform.schema";
import { actionCohosts } from "./actions.schema";
import { requireHostedEvent } from "./event-record";
import { parseOrThrow } from "./plan-guards";
import "./actions.events";

// A co-host is an organization on this Amparo (named by its address, the slug in /p/{slug}),
// invited until its organizers accept (respond-cohost-invitation.ts), or a group that is not
// here (by name). Only the host adds co-hosts.
const CohostInputSchema = z
  .object({
    orgSlug: z.string("wrong_type").trim().toLowerCase().max(80, "too_long").optional().default(""),
    name: z.string("wrong_type").trim().max(200, "too_long").optional().default(""),
  })
  .refine((v) => v.orgSlug || v.name, { path: ["name"], message: "required" });

export async function addCohost(deps: Deps, actor: Actor, eventId: string, input: unknown) {
  const cohost = parseOrThrow(CohostInputSchema, input);
  return onUniqueViolation(invalid({ [cohost.orgSlug ? "orgSlug" : "name"]: "invalid" }), () =>
    runOperation(deps, actor, async (op) => {
      const event = await requireHostedEvent(op.tx, actor.orgId, eventId);
      let cohostOrgId: string | null = null;
      if (cohost.orgSlug) {
        const [org] = await op.tx
          .select({ id: organizations.id })
          .from(organizations)
          .where(eq(organizations.slug, cohost.orgSlug));
        if (!org || org.id === actor.orgId) throw invalid({ orgSlug: "invalid" });
        cohostOrgId = org.id;
      }
      const [row] = await op.tx
        .insert(actionCohosts)
        .values({
          orgId: actor.orgId,
          eventId: event.id,
          cohostOrgId,
          name: cohostOrgId ? null : cohost.name,
          // An organization on Amparo sees nothing until one of its organizers accepts.
          status: cohostOrgId ? "invited" : "accepted",
        })
        .returning({ id: actionCohosts.id });
      if (!row) throw new Error("co-host insert returned nothing");
      await op.audit("action.cohost_added", { type: "action", id: event.id }, { cohostOrgId });
      op.emit("actions.changed", { orgId: actor.orgId, eventId: event.id });
      return { id: row.id, cohostOrgId, name: cohostOrgId ? null : cohost.name };
    }),
  );
}

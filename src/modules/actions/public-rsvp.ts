import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor, Deps } from "../../platform/actor";
import { notFound } from "../../platform/errors";
import { runOperation } from "../../platform/operation";
import { contactFormShape, contactPersonFields } from "../people/contact-person";
import { insertPeople } from "../people/person-record";
import { findPersonByContact } from "../people/person-summaries";
import { actionAttendances, actionEvents } from "./actions.schema";
import { actionsPublicText } from "./actions-public.messages";
import { parseOrThrow } from "./plan-guards";
import "./actions.events";

// An RSVP from the public action page. A person is matched by email, then phone, in the
// host organization, or created with the least data: the name they gave, the contact and
// their language. A known person's record is left as it is (an RSVP from a stranger's form
// must not change someone's name). Consent as ticked goes with "actions.rsvp" to
// messaging, which records it for the contact points typed (decision 094).

export const PublicRsvpSchema = z
  .object({
    ...contactFormShape,
    language: z.enum(["es", "en"], "invalid_choice"),
    status: z.enum(["going", "maybe"], "invalid_choice").default("going"),
    consent: z.boolean("wrong_type").default(false),
  })
  .refine((v) => v.email || v.phone, { path: ["email"], message: "required" });
export type PublicRsvp = z.output<typeof PublicRsvpSchema>;

/** The host's public, not cancelled action with this slug: its id, or a 404. */
async function requirePublicEvent(deps: Deps, orgId: string, slug: string): Promise<string> {
  const [row] = await deps.db
    .select({ id: actionEvents.id, status: actionEvents.status })
    .from(actionEvents)
    .where(
      and(
        eq(actionEvents.orgId, orgId),
        eq(actionEvents.slug, slug),
        eq(actionEvents.public, true),
      ),
    );
  if (!row || row.status === "cancelled" || row.status === "draft") throw notFound();
  return row.id;
}

export async function publicRsvp(
  deps: Deps,
  orgId: string,
  slug: string,
  input: unknown,
): Promise<{ personCreated: boolean }> {
  const rsvp = parseOrThrow(PublicRsvpSchema, input);
  const eventId = await requirePublicEvent(deps, orgId, slug);
  // Nobody signed in: the audit row names no user.
  const actor: Actor = { orgId, userId: null, role: "member" };
  return runOperation(deps, actor, async (op) => {
    let personId = await findPersonByContact(op.tx, orgId, {
      email: rsvp.email,
      phone: rsvp.phone,
    });
    const personCreated = personId === null;
    if (personId === null) {
      personId = randomUUID();
      const input = contactPersonFields({ ...rsvp, tag: "rsvp" });
      await insertPeople(op.tx, deps.cipher, orgId, [{ id: personId, input }]);
      await op.audit("person.created", { type: "person", id: personId }, { source: "public_rsvp" });
    }
    await op.tx
      .insert(actionAttendances)
      .values({ orgId, eventId, personId, status: rsvp.status, source: "public" })
      .onConflictDoUpdate({
        target: [actionAttendances.eventId, actionAttendances.personId],
        // Someone already checked in stays checked in.
        set: { status: rsvp.status, updatedAt: new Date() },
        setWhere: sql`${actionAttendances.orgId} = ${orgId} AND ${actionAttendances.status} <> 'attended'`,
      });
    await op.audit(
      "action.rsvp",
      { type: "action", id: eventId },
      { status: rsvp.status, personCreated },
    );
    op.emit("actions.changed", { orgId, eventId });
    op.emit("actions.rsvp", {
      orgId,
      eventId,
      personId,
      status: rsvp.status,
      ...(rsvp.consent
        ? {
            consent: {
              contacts: [rsvp.email, rsvp.phone].filter(Boolean),
              wording: actionsPublicText[rsvp.language].f_consent,
              language: rsvp.language,
            },
          }
        : {}),
    });
    return { personCreated };
  });
}

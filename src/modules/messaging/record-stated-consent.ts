import type { Actor, Deps } from "../../platform/actor";
import { chunks } from "../../platform/chunks";
import { runOperation } from "../../platform/operation";
import type { ConsentStated } from "../people/people.events";
import { getPeople } from "../people/person-record";
import "../people/people.events";
import { contactPointsOf } from "./consent-history";
import { parseContactPoint } from "./contact-point";
import { consentRecords } from "./messaging.schema";

// Consent stated where a person was written (intake form, CSV import, people API, public
// forms): people emits "people.consent_stated" after its commit and this appends the
// consent records, one per contact point and purpose (decision 094). Listening is wired
// at the composition root (app.ts, and the CLI for imports).

const CHUNK = 500;

/**
 * Appends the records a statement names, for contact points that are the person's own
 * (an address not on their record, or a phone that can't be E.164, is skipped). One
 * operation for the whole event; returns how many records were written.
 */
export async function recordStatedConsent(deps: Deps, event: ConsentStated): Promise<number> {
  const people = new Map(
    (
      await getPeople(
        deps.db,
        event.orgId,
        event.statements.map((s) => s.personId),
      )
    ).map((p) => [p.id, p]),
  );
  const rows: (typeof consentRecords.$inferInsert)[] = [];
  for (const statement of event.statements) {
    const person = people.get(statement.personId);
    if (!person) continue;
    const theirs = new Set(contactPointsOf(person).map((p) => `${p.channel}:${p.address}`));
    const points = statement.contacts
      .map(parseContactPoint)
      .filter((p) => p !== null && theirs.has(`${p.channel}:${p.address}`));
    const seen = new Set<string>();
    for (const point of points) {
      if (!point || seen.has(`${point.channel}:${point.address}`)) continue;
      seen.add(`${point.channel}:${point.address}`);
      for (const purpose of statement.purposes) {
        rows.push({
          orgId: event.orgId,
          personId: person.id,
          channel: point.channel,
          address: point.address,
          purpose,
          action: statement.action,
          source: event.source,
          wording: event.wording,
          language: event.language ?? person.preferredLanguage ?? null,
          recordedBy: event.recordedBy,
        });
      }
    }
  }
  if (rows.length === 0) return 0;
  const actor: Actor = { orgId: event.orgId, userId: event.recordedBy, role: "owner" };
  await runOperation(deps, actor, async (op) => {
    for (const chunk of chunks(rows, CHUNK)) await op.tx.insert(consentRecords).values(chunk);
    // The audit names purposes, channels and the source, never an address.
    const only = event.statements.length === 1 ? event.statements[0] : undefined;
    await op.audit(
      "consent.stated",
      only ? { type: "person", id: only.personId } : { type: "people" },
      {
        source: event.source,
        records: rows.length,
        people: new Set(rows.map((r) => r.personId)).size,
        actions: [...new Set(event.statements.map((s) => s.action))],
      },
    );
  });
  return rows.length;
}

/** Hears people's statements on the bus; the bus keeps the work so callers can await it. */
export function listenForStatedConsent(deps: Deps): () => void {
  return deps.bus.on("people.consent_stated", (event) => recordStatedConsent(deps, event));
}

import type { Db } from "../../db/client";
import { attendedPersonIds } from "../actions";
import { listSegmentContacts } from "../people/segment-contacts";
import { addressFor, audience, type Candidate } from "./broadcast";
import { loadBounced, loadConsent, pointKey } from "./consent-record";
import type { Channel } from "./contact-point";
import type { Segment } from "./messaging.schema";

/** The segment's people, and who of them a broadcast on `channel` reaches right now. */
export async function loadAudience(
  db: Db,
  orgId: string,
  segment: Segment,
  channel: Channel,
  defaultLanguage: "es" | "en",
) {
  const everyone: Candidate[] = await listSegmentContacts(db, orgId, {
    tags: segment.tags ?? [],
    levels: (segment.engagement_levels ?? []) as Parameters<
      typeof listSegmentContacts
    >[2]["levels"],
    languages: segment.languages ?? [],
    defaultLanguage,
  });
  // "Came to an action" is the actions module's to say (its published read).
  const attended = segment.attended;
  const came = attended
    ? await attendedPersonIds(
        db,
        orgId,
        attended.action_id ? { eventId: attended.action_id } : { days: attended.days ?? 90 },
      )
    : null;
  const candidates = came ? everyone.filter((c) => came.has(c.id)) : everyone;
  const points = candidates.flatMap((c) => {
    const address = addressFor(c, channel);
    return address ? [{ channel, address }] : [];
  });
  const consent = await loadConsent(db, orgId, points);
  const bounced = await loadBounced(db, orgId, points);
  return audience(
    candidates,
    channel,
    (address) => consent.get(pointKey({ channel, address })) ?? [],
    (address) => bounced.has(pointKey({ channel, address })),
  );
}

import { and, eq } from "drizzle-orm";
import { openToPublic } from "../../db/columns";
import type { Actor, Deps } from "../../platform/actor";
import { AppError, notFound } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { runOperation } from "../../platform/operation";
import { hit } from "../../platform/rate-limit";
import { dayInZone } from "../../platform/time";
import { orgTimeZone } from "../accounts/organization-record";
import { callCampaigns } from "./advocacy.schema";
import { CALL_RATE_LIMIT } from "./call-campaign";
import { addToDayCount } from "./record-calls";

export type CallTap = {
  orgId: string;
  campaignId: string;
  /** The visitor's network address: used in memory for the rate limit, never stored. */
  address: string;
  /** When the call was counted (tests pass a fixed instant). */
  at?: Date;
};

/**
 * An anonymous "I called" on a public, open campaign: one more on today's counter (today in
 * the organization's time zone). Nothing about the caller is kept: the rate limit's key is a
 * keyed fingerprint of the address, and the counter row holds only a day and a number. No
 * audit event either: there is no user, and a per-call record is what we refuse to keep.
 * Past the limit (10 an hour per address and campaign) it refuses with `rate_limited`.
 * It runs as an anonymous visitor of the organization (no user, the least role).
 */
export async function countCall(deps: Deps, tap: CallTap): Promise<{ day: string; count: number }> {
  if (!isUuid(tap.campaignId)) throw notFound();
  const at = tap.at ?? new Date();
  const visitor: Actor = { orgId: tap.orgId, userId: null, role: "viewer" };
  return runOperation(deps, visitor, async ({ tx }) => {
    const [campaign] = await tx
      .select({ id: callCampaigns.id })
      .from(callCampaigns)
      .where(
        and(
          eq(callCampaigns.orgId, tap.orgId),
          eq(callCampaigns.id, tap.campaignId),
          openToPublic(callCampaigns),
        ),
      );
    if (!campaign) throw notFound();
    const address = deps.cipher.fingerprint(tap.address, "advocacy:called");
    const limit = await hit(
      tx,
      `advocacy:called:${tap.campaignId}:${address}`,
      CALL_RATE_LIMIT.limit,
      CALL_RATE_LIMIT.windowSeconds,
    );
    if (!limit.allowed) throw new AppError("rate_limited", undefined, limit.retryAfterSeconds);
    const day = dayInZone(at, await orgTimeZone(tx, tap.orgId));
    return addToDayCount(tx, tap.orgId, tap.campaignId, day, 1);
  });
}

import type { Db } from "../../db/client";
import type { FieldCipher } from "../../platform/crypto";
import type { ActionLookup } from "./action-messages";
import { actionMessageStillTrue } from "./action-notice";
import { consentState, PURPOSES, type Purpose } from "./consent";
import { loadBounced, loadConsent, markBounced, pointKey } from "./consent-record";
import type { Channel } from "./contact-point";
import { type HearingNow, hearingMessageStillTrue } from "./hearing-notice";
import type { ActionAbout, HearingAbout } from "./messaging.schema";
import { getSendSettings, type SendSettings } from "./messaging-settings";
import { type SentRecorder, sentRecorder } from "./outbox-recorder";
import { type ClaimedMessage, claimDue, settle } from "./outbox-store";
import { RateLimiter } from "./rate-limiter";
import { MAX_ATTEMPTS, mayRunAt, nextSendTime, retryDelayMs } from "./schedule";
import { SendError, type Transport } from "./transport";
import { unsubscribeUrl } from "./unsubscribe-token";

// The outbox worker: claims due messages, re-checks each one just before it goes out
// (consent, bounce, quiet hours, "is the hearing still then?"), sends, and records the
// result under its claim token. Runs inside the app process; any number of instances may
// run it against one PostgreSQL (docs/decisions/080-outbox-exactly-once.md).

export type WorkerOptions = {
  db: Db;
  cipher: FieldCipher;
  publicUrl: string;
  transports: Partial<Record<Channel, Transport>>;
  /** Where a hearing is now (defense module), or null when it is gone. */
  hearing?: (orgId: string, hearingId: string) => Promise<HearingNow | null>;
  /** An action as it is now (actions module), or null when it is gone. */
  action?: ActionLookup;
  batchSize?: number;
  concurrency?: number;
  leaseMs?: number;
  pollMs?: number;
  /** Messages per second per channel (Twilio long codes: 1/s). */
  rate?: Partial<Record<Channel, number>>;
  log?: (line: string) => void;
  /**
   * At most this many sends are accepted and not yet recorded (one UPDATE per group, one
   * at a time; `settleWaitMs` at most before a lone send is written). A crash can leave at
   * most these plus one per lane sent and unrecorded; they are recovered like any lapsed
   * claim (decisions 080, 098).
   */
  settleGroup?: number;
  settleWaitMs?: number;
  /** Measures each claim (benchmarks). */
  onClaim?: (ms: number, claimed: number) => void;
};

export type OutboxWorker = {
  /** Claims and sends until nothing more is due now; returns how many messages it handled. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
};

export const DEFAULT_RATE: Record<Channel, number> = { email: 50, sms: 1 };

export function createOutboxWorker(options: WorkerOptions): OutboxWorker {
  const { db } = options;
  const channels = (Object.keys(options.transports) as Channel[]).filter(
    (c) => options.transports[c],
  );
  const buckets = new Map<Channel, RateLimiter>(
    channels.map((c) => [c, new RateLimiter(options.rate?.[c] ?? DEFAULT_RATE[c])]),
  );
  const log = options.log ?? (() => {});
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const leaseMs = options.leaseMs ?? 120_000;

  /** One claim per channel, sized so each can go out at its channel's pace within the lease. */
  async function claimRound(): Promise<{ batch: ClaimedMessage[]; full: boolean }> {
    const batch: ClaimedMessage[] = [];
    let full = false;
    for (const channel of channels) {
      const pace = options.rate?.[channel] ?? DEFAULT_RATE[channel];
      const limit = Math.max(
        1,
        Math.min(options.batchSize ?? 50, Math.floor((pace * leaseMs) / 2000)),
      );
      const started = performance.now();
      const claimed = await claimDue(db, { channels: [channel], limit, leaseMs });
      options.onClaim?.(performance.now() - started, claimed.length);
      batch.push(...claimed);
      if (claimed.length === limit) full = true;
    }
    return { batch, full };
  }

  /**
   * Claims and sends until a claim comes back short (nothing more is due now) or the
   * worker stops. While the lanes send the end of one claim, the next is already being
   * claimed and its re-check context loaded, so sending never waits on the database
   * between claims (docs/decisions/098). Returns how many messages it handled.
   */
  async function runOnce(): Promise<number> {
    const concurrency = options.concurrency ?? 4;
    // The next claim starts when half a claim is left to hand to lanes: enough to keep
    // them busy through a claim and its context on a loaded database, and the claimed-ahead
    // rows still go out within 3/4 of their lease at the channel's pace (claims are sized
    // to take half of it).
    let lowWater = concurrency * 2;
    type Item = { message: ClaimedMessage; context: BatchContext };
    let queue: Item[] = [];
    let next = 0;
    let handled = 0;
    let more = true;
    let feeding: Promise<void> | null = null;
    const feed = async () => {
      const { batch, full } = await claimRound();
      more = full && !stopped;
      if (batch.length === 0) return;
      const context = await loadContext(db, batch);
      // Drop what the lanes already took, so a long drain does not keep every message.
      queue = queue.slice(next);
      next = 0;
      for (const message of batch) queue.push({ message, context });
      handled += batch.length;
      lowWater = Math.max(concurrency * 2, Math.ceil(batch.length / 2));
    };
    await feed();
    if (handled === 0) return 0;
    const recorder = sentRecorder(db, log, options.settleGroup ?? 25, options.settleWaitMs ?? 50);
    const lane = async () => {
      for (;;) {
        if (more && !feeding && queue.length - next <= lowWater) {
          feeding = feed()
            .catch((e: unknown) => {
              more = false;
              log(`outbox: ${e instanceof Error ? e.message : String(e)}`);
            })
            .finally(() => {
              feeding = null;
            });
        }
        const item = queue[next];
        if (!item) {
          if (!feeding) return;
          await feeding;
          continue;
        }
        next++;
        await deliver(item.message, item.context, recorder).catch((e) =>
          log(`outbox: ${String(e)}`),
        );
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    await recorder.close();
    return handled;
  }

  async function deliver(m: ClaimedMessage, context: BatchContext, recorder: SentRecorder) {
    const settings = context.settings.get(m.orgId);
    const point = { channel: m.channel, address: m.address };
    if (!settings) return settle(db, m, { status: "cancelled", outcome: "no_organization" });
    if (context.bounced.has(`${m.orgId}|${pointKey(point)}`)) {
      return settle(db, m, { status: "cancelled", outcome: "bounced" });
    }
    if (!m.essential) {
      const purpose = m.purpose as Purpose;
      const state = PURPOSES.includes(purpose)
        ? consentState(context.consent.get(`${m.orgId}|${pointKey(point)}`) ?? [], purpose)
        : "no_consent";
      if (state !== "granted") return settle(db, m, { status: "cancelled", outcome: state });
      if ("hearing" in m.about && options.hearing) {
        const about = m.about as HearingAbout;
        const now = await options.hearing(m.orgId, about.hearing);
        if (!hearingMessageStillTrue(about, now)) {
          return settle(db, m, { status: "cancelled", outcome: "hearing_moved" });
        }
      }
      if ("action" in m.about && options.action) {
        const about = m.about as ActionAbout;
        const key = `${m.orgId}|${about.action}`;
        let found = context.actions.get(key);
        if (!found) {
          found = options.action(m.orgId, about.action);
          context.actions.set(key, found);
        }
        const action = await found;
        const now = action && {
          startsAt: action.startsAt,
          place: action.place,
          status: action.status,
          going: m.personId !== null && action.goingPersonIds.includes(m.personId),
        };
        if (!actionMessageStillTrue(about, now)) {
          return settle(db, m, { status: "cancelled", outcome: "action_changed" });
        }
      }
      const now = new Date();
      // Whether the window is open, worked out once per organization and second.
      const windowKey = `${m.orgId}|${Math.floor(now.getTime() / 1000)}`;
      let open = context.windowOpen.get(windowKey);
      if (open === undefined) {
        open = mayRunAt(settings.window, now, settings.timeZone);
        context.windowOpen.set(windowKey, open);
      }
      if (!open) {
        const sendAfter = nextSendTime(settings.window, now, settings.timeZone);
        return settle(db, m, {
          status: "queued",
          sendAfter,
          outcome: "quiet_hours",
          countAttempt: false,
        });
      }
    }
    const transport = options.transports[m.channel];
    if (!transport) return;
    const outgoing = {
      id: m.id,
      channel: m.channel,
      address: m.address,
      language: m.language,
      subject: m.subject,
      body: m.body,
      unsubscribeUrl:
        m.channel === "email" ? unsubscribeUrl(options.publicUrl, options.cipher, m.id) : null,
      claimedAt: m.claimedAt,
    };
    try {
      if (m.recovered && transport.alreadySent) {
        const providerId = await transport.alreadySent(outgoing);
        if (providerId) return settle(db, m, { status: "sent", providerId });
      }
      const bucket = buckets.get(m.channel);
      if (bucket && !bucket.tryTake()) await bucket.take();
      // A send starts only with a fifth of the lease still ahead: a claim that waited too
      // long (an overloaded machine or database) goes back to the queue rather than risk
      // another worker taking it over while it is being sent.
      if (Date.now() > m.leaseEnds - leaseMs / 5) {
        return settle(db, m, {
          status: "queued",
          sendAfter: new Date(),
          outcome: "lease_running_out",
          countAttempt: false,
        });
      }
      const { providerId } = await transport.send(outgoing);
      // Recorded with a group; the lane waits only when too many sends are unrecorded.
      await recorder.add(m, providerId);
    } catch (error) {
      const e = error instanceof SendError ? error : new SendError("unexpected", false);
      if (e.bounce) await markBounced(db, m.orgId, point, e.reason);
      if (e.permanent || m.attempts >= MAX_ATTEMPTS) {
        return settle(db, m, { status: "failed", outcome: e.reason });
      }
      const sendAfter = new Date(Date.now() + retryDelayMs(m.attempts));
      return settle(db, m, { status: "queued", sendAfter, outcome: e.reason, countAttempt: true });
    }
  }

  const tick = async () => {
    timer = null;
    let settled = 0;
    try {
      settled = await runOnce();
    } catch (error) {
      log(`outbox: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!stopped) schedule(settled > 0 ? 0 : (options.pollMs ?? 2000));
  };
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      running = tick();
    }, delayMs);
  };

  return {
    runOnce,
    start() {
      if (channels.length === 0 || timer || stopped) return;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      for (const t of Object.values(options.transports)) await t?.close?.();
    },
  };
}

type BatchContext = {
  settings: Map<string, SendSettings>;
  consent: Map<
    string,
    ReturnType<typeof consentState> extends never ? never : import("./consent").ConsentRecord[]
  >;
  bounced: Set<string>;
  windowOpen: Map<string, boolean>;
  /** Each action looked up once per batch. */
  actions: Map<string, ReturnType<ActionLookup>>;
};

/** Everything a batch needs to re-check, in a few queries rather than a few per message. */
async function loadContext(db: Db, batch: ClaimedMessage[]): Promise<BatchContext> {
  const context: BatchContext = {
    settings: new Map(),
    consent: new Map(),
    bounced: new Set(),
    windowOpen: new Map(),
    actions: new Map(),
  };
  // Each organization's three reads at once (separate connections on PostgreSQL).
  await Promise.all(
    [...new Set(batch.map((m) => m.orgId))].map(async (orgId) => {
      const points = batch
        .filter((m) => m.orgId === orgId)
        .map((m) => ({ channel: m.channel, address: m.address }));
      const [settings, consent, bounced] = await Promise.all([
        getSendSettings(db, orgId),
        loadConsent(db, orgId, points),
        loadBounced(db, orgId, points),
      ]);
      if (settings) context.settings.set(orgId, settings);
      for (const [key, records] of consent) context.consent.set(`${orgId}|${key}`, records);
      for (const key of bounced) context.bounced.add(`${orgId}|${key}`);
    }),
  );
  return context;
}

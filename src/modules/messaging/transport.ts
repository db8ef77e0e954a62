import type { Language } from "./consent";
import type { Channel } from "./contact-point";

// What the outbox worker hands a provider, and what a provider may answer.

export type OutgoingMessage = {
  id: string;
  channel: Channel;
  address: string;
  language: Language;
  subject: string | null;
  body: string;
  /** One-click unsubscribe address (email only, RFC 8058). */
  unsubscribeUrl: string | null;
  /** When the previous claim of this message started (crash recovery looks after it). */
  claimedAt: Date;
};

export interface Transport {
  readonly channel: Channel;
  /** Sends once; resolves with the provider's id for the message. */
  send(message: OutgoingMessage): Promise<{ providerId: string | null }>;
  /**
   * After a crash: did the provider already take this message (claimed at `claimedAt`)?
   * Returns its provider id, or null when it did not. Optional: email uses a fixed
   * Message-ID instead (see docs/decisions/080-outbox-exactly-once.md).
   */
  alreadySent?(message: OutgoingMessage): Promise<string | null>;
  close?(): Promise<void>;
}

/** A provider's refusal. `permanent` is not retried; `bounce` marks the contact point. */
export class SendError extends Error {
  override name = "SendError";
  constructor(
    readonly reason: string,
    readonly permanent: boolean,
    readonly bounce = false,
  ) {
    super(reason);
  }
}

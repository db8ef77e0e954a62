// The per-process pace of a channel (Twilio long codes: 1 SMS/s).

/** A token bucket: at most `perSecond` takes per second, in order, with a burst of one second. */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();
  private queue: Promise<void> = Promise.resolve();
  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }
  private waiting = 0;
  /**
   * Takes a token now when one is there and nobody waits for one (the common case: no
   * promise chain per message, decision 104); false means `await take()`.
   */
  tryTake(): boolean {
    if (!Number.isFinite(this.perSecond)) return true;
    if (this.waiting > 0) return false;
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
  take(): Promise<void> {
    if (!Number.isFinite(this.perSecond)) return Promise.resolve();
    this.waiting++;
    const turn = this.queue.then(async () => {
      for (;;) {
        this.refill();
        if (this.tokens >= 1) {
          this.tokens -= 1;
          this.waiting--;
          return;
        }
        await new Promise((r) =>
          setTimeout(r, Math.ceil(((1 - this.tokens) / this.perSecond) * 1000)),
        );
      }
    });
    this.queue = turn;
    return turn;
  }
  /** Adds the tokens earned since the last look, up to a second's worth. */
  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(
      this.perSecond,
      this.tokens + ((now - this.last) / 1000) * this.perSecond,
    );
    this.last = now;
  }
}

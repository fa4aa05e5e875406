/**
 * A sliding window per sender: at most `limit` messages in `windowMs`. Over the limit the intake answers
 * 450 (temporary) at MAIL FROM, so a well-behaved server retries later and nothing is lost, while one
 * address cannot flood the inbox. Kept in memory: each process throttles on its own (documented).
 */
export class SenderThrottle {
  private readonly stamps = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Takes one slot for the sender when it has one left; false when over the limit. */
  tryTake(sender: string, now: number = Date.now()): boolean {
    this.sweep(now);
    const since = now - this.windowMs;
    const recent = (this.stamps.get(sender) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      this.stamps.set(sender, recent);
      return false;
    }
    recent.push(now);
    this.stamps.set(sender, recent);
    return true;
  }

  /** Gives back a slot taken for a message that was then not accepted (refused recipient, no DATA). */
  giveBack(sender: string): void {
    const recent = this.stamps.get(sender);
    if (recent && recent.length > 0) recent.pop();
  }

  get trackedSenders(): number {
    return this.stamps.size;
  }

  /** Forgets senders quiet for a whole window, so that the map does not grow with every address ever seen. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs / 10) return;
    this.lastSweep = now;
    const since = now - this.windowMs;
    for (const [sender, stamps] of this.stamps) {
      if (!stamps.some((t) => t > since)) this.stamps.delete(sender);
    }
  }
}

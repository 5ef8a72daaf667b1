/**
 * Remembers recently handled inbound event ids, so a platform that delivers the same update twice (Telegram after a
 * restart before the offset was confirmed, Zalo's catch-up after a reconnect) gets one answer. Replies are also
 * deduplicated in the database; this covers commands and dispatch ingestion, which write nothing the first time
 * round that a second pass could detect on its own.
 */
export class RecentEvents {
  private readonly seen = new Set<string>();
  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is seen. */
  firstTime(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}

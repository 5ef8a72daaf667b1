/**
 * One writer at a time across Prisma and the raw connection. Prisma's interactive transactions hold SQLite's write
 * lock across awaits; a raw synchronous write landing in between would either block the event loop on the busy
 * timeout or break Prisma's snapshot (SQLITE_BUSY_SNAPSHOT). Every storage write goes through this gate.
 */
export class WriteGate {
  private tail: Promise<unknown> = Promise.resolve();

  /** `serialize` false (PostgreSQL, which has row locks and many writers anyway): run each write at once. */
  constructor(private readonly serialize = true) {}

  run<T>(fn: () => Promise<T> | T): Promise<T> {
    if (!this.serialize) return Promise.resolve().then(fn);
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

import type pg from "pg";
import type { Db } from "./database.js";

/**
 * A lock one worker holds for as long as it lives: PostgreSQL's session advisory lock, taken on a connection kept
 * out of the pool for it. When the worker dies its connection closes and the server releases the lock, so a standby
 * worker polling tryAcquire() takes over (Zalo allows one listener per account: decision 0702). On SQLite there is
 * one worker per database, which always holds it.
 */
export class WorkerLock {
  private client: pg.PoolClient | undefined;

  constructor(
    private readonly db: Pick<Db, "dialect" | "pool">,
    /** Two 32-bit keys: a dondoc namespace and the lock's own number. */
    private readonly key: readonly [number, number],
    /** The lock went with its connection (server restart, network, session killed): stop what it guarded. */
    private readonly onLost: () => void = () => undefined,
  ) {}

  get held(): boolean {
    return this.db.dialect === "sqlite" || this.client !== undefined;
  }

  /** Takes the lock if it is free; true while this worker holds it. */
  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    const client = await this.db.pool!.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [...this.key]);
      if (rows[0]?.ok) {
        this.client = client;
        // The lock lives and dies with this connection: if it breaks, the lock is gone too.
        client.on("error", () => this.lost(client));
        return true;
      }
    } catch {
      // the server is unreachable: not held
    }
    client.release();
    return false;
  }

  private lost(client: pg.PoolClient): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.release(true);
    this.onLost();
  }

  /** Whether the lock's connection still answers; if not, the lock is gone (the server dropped it with the session). */
  async check(): Promise<boolean> {
    const client = this.client;
    if (!client) return this.held;
    try {
      await client.query("SELECT 1");
      return true;
    } catch {
      this.lost(client);
      return false;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    await client.query("SELECT pg_advisory_unlock($1, $2)", [...this.key]).catch(() => undefined);
    client.release();
  }
}

/** The Zalo listener's lock (namespace 4415 is dondoc's). */
export const ZALO_LISTENER_LOCK = [4415, 1] as const;

/**
 * The lock on a worker's name (WORKER_ID), held by the process that runs under it for as long as it lives: a second
 * live process given the same name by mistake finds it taken. The name is folded to 32 bits (FNV-1a): two different
 * names that collide only cost the later one the start-up release of its earlier process's claims (they then end
 * with their lease), never a claim taken from a live worker.
 */
export function workerNameLock(name: string): readonly [number, number] {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(name, "utf8")) h = Math.imul(h ^ byte, 0x01000193);
  return [4415, 1000 + (h | 0)] as const;
}

/** How many workers one host may run without WORKER_ID before the name falls back to host-pid. */
const HOST_SLOTS = 32;

/**
 * The name this process works under and the lock on it. A configured WORKER_ID is taken as it is (`held` false: a live
 * twin holds it, a mis-configuration the caller reports). Without one, on PostgreSQL, the first free slot on this host
 * ("host-1", "host-2", …): a process restarted on the same machine comes back under its old name once its dead
 * predecessor's session is gone, and gives back that process's claims at once instead of waiting out their lease.
 * On SQLite (one process per database) the name is "host-pid", as it always was.
 */
export async function takeWorkerName(
  db: Pick<Db, "dialect" | "pool">,
  configured: string | undefined,
  host: string,
  pid: number,
): Promise<{ name: string; lock: WorkerLock; held: boolean }> {
  const take = async (name: string) => {
    const lock = new WorkerLock(db, workerNameLock(name));
    return { name, lock, held: await lock.tryAcquire() };
  };
  if (configured !== undefined || db.dialect !== "postgresql") return take(configured ?? `${host}-${pid}`);
  for (let slot = 1; slot <= HOST_SLOTS; slot++) {
    const taken = await take(`${host}-${slot}`);
    if (taken.held) return taken;
  }
  return take(`${host}-${pid}`);
}

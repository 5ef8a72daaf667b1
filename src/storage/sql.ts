import type Database from "better-sqlite3";
import type pg from "pg";

/**
 * Raw SQL for the hot paths (replies, the reminder tick, reports over 100,000 assignments), where Prisma's per-query
 * cost would miss the targets, on either database. Statements are written once, in the SQL both dialects share:
 * `?` placeholders, double-quoted mixed-case identifiers ("Assignment", a."taskId"), `INSERT … RETURNING id`,
 * `ON CONFLICT … DO NOTHING`, TRUE for booleans. The few places where the dialects really differ ask `dialect`
 * (see report-repo.ts). Instants are bound as sqlDate() strings (UTC) and read back as ISO strings.
 */
export type Dialect = "sqlite" | "postgresql";

export type Param = string | number | null;

export interface Sql {
  readonly dialect: Dialect;
  /** Rows as objects keyed by column name. */
  all<T>(sql: string, params?: Param[]): Promise<T[]>;
  /** Rows as arrays in column order (cheaper for wide, many-row reads). */
  rows<T extends unknown[]>(sql: string, params?: Param[]): Promise<T[]>;
  get<T>(sql: string, params?: Param[]): Promise<T | undefined>;
  /** The first column of the first row. */
  value<T>(sql: string, params?: Param[]): Promise<T | undefined>;
  /** Rows changed. */
  run(sql: string, params?: Param[]): Promise<number>;
  /**
   * One transaction; `fn` runs its statements on the Sql it is given. SQLite: callers hold the write gate (one writer
   * per process). PostgreSQL: one pooled connection for the whole transaction.
   */
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
}

/** Statements that write (an `INSERT … RETURNING` is read like a query but must run on the write connection). */
const WRITES = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

/**
 * better-sqlite3 underneath: synchronous statements, cached per text. Writes go to the write connection; reads outside
 * a transaction go to `readConn` when given (a WAL snapshot of committed data), so a read made while another flow's
 * transaction is open (it awaits between statements) never sees that transaction's uncommitted rows. Inside tx(), the
 * Sql handed to the callback reads and writes on the write connection.
 */
export class SqliteSql implements Sql {
  readonly dialect = "sqlite" as const;
  private readonly writes: Map<string, Database.Statement>;
  private readonly reads: Map<string, Database.Statement>;

  constructor(
    private readonly conn: Database.Database,
    private readonly readConn: Database.Database = conn,
    private readonly inTx = false,
    caches?: { writes: Map<string, Database.Statement>; reads: Map<string, Database.Statement> },
  ) {
    this.writes = caches?.writes ?? new Map();
    this.reads = caches?.reads ?? (readConn === conn ? this.writes : new Map());
  }

  private stmt(sql: string): Database.Statement {
    const onRead = !this.inTx && this.readConn !== this.conn && !WRITES.test(sql);
    const cache = onRead ? this.reads : this.writes;
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = (onRead ? this.readConn : this.conn).prepare(sql)));
    return s;
  }

  async all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    return this.stmt(sql).raw(false).all(...params) as T[];
  }

  async rows<T extends unknown[]>(sql: string, params: Param[] = []): Promise<T[]> {
    return this.stmt(sql).raw(true).all(...params) as T[];
  }

  async get<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return this.stmt(sql).raw(false).get(...params) as T | undefined;
  }

  /** The first column of the first row. */
  async value<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    const row = this.stmt(sql).raw(true).get(...params) as unknown[] | undefined;
    return row?.[0] as T | undefined;
  }

  async run(sql: string, params: Param[] = []): Promise<number> {
    const s = this.stmt(sql);
    // A statement with RETURNING must be read, not run.
    if (s.reader) return s.raw(true).all(...params).length;
    return s.run(...params).changes;
  }

  async tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (this.inTx) return fn(this); // nested: part of the outer transaction
    // Callers hold the write gate, so no other transaction is open on this connection (if one were, BEGIN throws).
    this.conn.exec("BEGIN IMMEDIATE");
    try {
      const result = await fn(new SqliteSql(this.conn, this.conn, true, { writes: this.writes, reads: this.writes }));
      this.conn.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.conn.inTransaction) this.conn.exec("ROLLBACK");
      throw error;
    }
  }
}

/** `?` → `$1, $2, …` (our statements have no `?` inside string literals). Cached per text. */
const numbered = new Map<string, string>();
export function toPgPlaceholders(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, out);
  }
  return out;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** node-postgres underneath: a pool, or one checked-out client inside a transaction. */
export class PgSql implements Sql {
  readonly dialect = "postgresql" as const;

  constructor(
    private readonly conn: Queryable,
    private readonly pool: pg.Pool | null,
  ) {}

  async all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    return (await this.conn.query({ text: toPgPlaceholders(sql), values: params })).rows as T[];
  }

  async rows<T extends unknown[]>(sql: string, params: Param[] = []): Promise<T[]> {
    return (await this.conn.query({ text: toPgPlaceholders(sql), values: params, rowMode: "array" })).rows as T[];
  }

  async get<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async value<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return (await this.rows<unknown[]>(sql, params))[0]?.[0] as T | undefined;
  }

  async run(sql: string, params: Param[] = []): Promise<number> {
    return (await this.conn.query({ text: toPgPlaceholders(sql), values: params })).rowCount ?? 0;
  }

  async tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (!this.pool) return fn(this); // nested: part of the outer transaction
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await fn(new PgSql(client, null));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** A unique constraint refused a write (SQLite's SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY, PostgreSQL's 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/**
 * `@name` parameters → `?` and the values in order (a name may appear several times), for statements that reuse a
 * value, as the dashboard's status expression does with today. Neither driver takes the other's named syntax, both take
 * `?`. Names are parsed once per text; our statements have no `@` inside string literals.
 */
const namedCache = new Map<string, { text: string; names: string[] }>();
export function bindNamed(sql: string, params: Record<string, Param | undefined>): [string, Param[]] {
  let parsed = namedCache.get(sql);
  if (!parsed) {
    const names: string[] = [];
    const text = sql.replace(/@([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
      names.push(name);
      return "?";
    });
    namedCache.set(sql, (parsed = { text, names }));
  }
  return [parsed.text, parsed.names.map((n) => {
    const v = params[n];
    if (v === undefined) throw new Error(`no value for @${n}`);
    return v;
  })];
}

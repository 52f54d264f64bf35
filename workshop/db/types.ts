/** The one database interface the workshop layer speaks: PGlite (embedded) or PostgreSQL behind it. */

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /** Which engine this is, for logs and the health of the workshop module. */
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction on one connection; rolls back when it throws. */
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  /**
   * Calls `fn` with the payload of every NOTIFY on `channel`; resolves to the unsubscribe.
   * `onGap`: the listening connection dropped, so notifications may have been missed.
   */
  listen(channel: string, fn: (payload: string) => void, onGap?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

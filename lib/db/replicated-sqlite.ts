// The raw SQL handle on an embedded-replica node: reads from this process's replica file,
// writes on the primary. A statement that only reads, outside a transaction, runs on the
// replica's read-only handle; everything else (run(), exec(), pragmas, and every statement
// inside a transaction, reads included) runs on the primary handle, and each outermost commit
// (or autocommit write) pulls the write into the replica before returning: read-your-writes.
// A primary that cannot be reached surfaces as PrimaryUnavailableError (lib/db/write-transaction.ts
// turns it into a 503). docs/decisions/0023-embedded-replicas-and-consistency.md
import type BetterSqlite3 from 'better-sqlite3'
import type { EmbeddedReplica } from '@/lib/db/embedded-replica'
import { isPrimaryUnavailable, PrimaryUnavailableError } from '@/lib/db/primary-unavailable'
import type { SqliteDatabase, SqliteRunResult, SqliteStatement, SqliteTransaction } from '@/lib/db/sqlite'

type LocalStatement = BetterSqlite3.Statement
type Mode = 'default' | 'deferred' | 'immediate' | 'exclusive'

export function replicatedSqlite(primary: SqliteDatabase, replica: EmbeddedReplica): SqliteDatabase {
  return new ReplicatedSqlite(primary, replica)
}

class ReplicatedSqlite implements SqliteDatabase {
  /** Transactions this wrapper runs on the primary (nested ones become savepoints there). */
  depth = 0

  constructor(
    readonly primary: SqliteDatabase,
    readonly replica: EmbeddedReplica,
  ) {}

  get inTransaction(): boolean {
    return this.depth > 0 || this.primary.inTransaction
  }

  get open(): boolean {
    return this.primary.open
  }

  get name(): string {
    return this.primary.name
  }

  prepare(sql: string): ReplicatedStatement {
    return new ReplicatedStatement(this, sql)
  }

  exec(sql: string): this {
    this.write(() => this.primary.exec(sql))
    return this
  }

  pragma(source: string, options?: { simple?: boolean }): unknown {
    return this.onPrimary(() => this.primary.pragma(source, options))
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): SqliteTransaction<F> {
    const body = (...args: unknown[]): unknown => {
      this.depth++
      try {
        return (fn as unknown as (...args: unknown[]) => unknown)(...args)
      } finally {
        this.depth--
      }
    }
    const onPrimary = this.primary.transaction(body)
    const run =
      (mode: Mode) =>
      (...args: unknown[]): unknown => {
        const outermost = !this.inTransaction
        const variant = mode === 'default' ? onPrimary : onPrimary[mode]
        const result = this.onPrimary(() => variant(...args))
        if (outermost) this.replica.syncAfterWrite()
        return result
      }
    return Object.assign(run('default'), {
      deferred: run('deferred'),
      immediate: run('immediate'),
      exclusive: run('exclusive'),
    }) as unknown as SqliteTransaction<F>
  }

  close(): this {
    this.primary.close()
    return this
  }

  /** An autocommit write: on the primary, then into the replica (read-your-writes). */
  write<T>(run: () => T): T {
    const outermost = !this.inTransaction
    const result = this.onPrimary(run)
    if (outermost) this.replica.syncAfterWrite()
    return result
  }

  onPrimary<T>(run: () => T): T {
    try {
      return run()
    } catch (error) {
      if (!isPrimaryUnavailable(error) || error instanceof PrimaryUnavailableError) throw error
      this.replica.markUnreachable(error)
      throw new PrimaryUnavailableError(this.replica.primary, error)
    }
  }
}

/**
 * Prepared lazily on each side: on the replica when it only reads (better-sqlite3 says so:
 * `readonly`), on the primary when it writes or runs inside a transaction.
 */
class ReplicatedStatement implements SqliteStatement {
  #local: LocalStatement | null | undefined
  #remote: SqliteStatement | undefined
  #modifiers: ((statement: SqliteStatement) => void)[] = []

  constructor(
    private readonly db: ReplicatedSqlite,
    readonly source: string,
  ) {}

  get(...params: unknown[]): unknown {
    return this.#read((statement) => statement.get(...params))
  }

  all(...params: unknown[]): unknown[] {
    return this.#read((statement) => statement.all(...params))
  }

  run(...params: unknown[]): SqliteRunResult {
    return this.db.write(() => this.#remoteStatement().run(...params))
  }

  pluck(toggle = true): this {
    return this.#modify((statement) => statement.pluck(toggle))
  }

  raw(toggle = true): this {
    return this.#modify((statement) => statement.raw(toggle))
  }

  #read<T>(run: (statement: SqliteStatement) => T): T {
    if (!this.db.inTransaction) {
      const local = this.#localStatement()
      if (local?.readonly) return run(local)
    }
    const remote = () => run(this.#remoteStatement())
    // A read in a transaction is part of it; a writing statement read with get() (RETURNING) commits.
    return this.db.inTransaction ? this.db.onPrimary(remote) : this.db.write(remote)
  }

  #localStatement(): LocalStatement | null {
    if (this.#local === undefined) {
      try {
        this.#local = this.#apply(this.db.replica.reader().prepare(this.source))
      } catch {
        // Not in the replica yet (a table a migration just added): the primary answers.
        return null
      }
    }
    return this.#local
  }

  #remoteStatement(): SqliteStatement {
    this.#remote ??= this.#apply(this.db.onPrimary(() => this.db.primary.prepare(this.source)))
    return this.#remote
  }

  #modify(change: (statement: SqliteStatement) => void): this {
    this.#modifiers.push(change)
    if (this.#local) {
      try {
        change(this.#local)
      } catch {
        // better-sqlite3 refuses pluck()/raw() on a statement that returns no data: a write, for the primary.
        this.#local = null
      }
    }
    if (this.#remote) change(this.#remote)
    return this
  }

  #apply<S extends SqliteStatement>(statement: S): S {
    for (const change of this.#modifiers) change(statement)
    return statement
  }
}

// The raw SQL handle on a libSQL server (sqld): libsql's synchronous Database in remote mode
// (Hrana over HTTP), wrapped so it behaves like the better-sqlite3 handle the rest of the app
// uses (lib/db/sqlite.ts). Each statement is one HTTP round trip that blocks this thread; a
// transaction is one Hrana stream, i.e. one server-side connection (docs/decisions/0022).
//
// What the wrapper corrects, all seen against sqld 0.24.32 with libsql 0.5.29:
// - libsql decides at prepare time whether running a statement closes the stream: one prepared
//   outside a transaction and run inside it closes the stream, and sqld rolls the transaction
//   back without a word. So a statement keeps one native statement per state (autocommit, or
//   inside a transaction).
// - A stream idle for 10 s expires on the server, and libsql keeps sending its stale baton
//   (STREAM_EXPIRED forever). The wrapper opens a new connection and, outside a transaction,
//   runs the statement again (the server refused it, so nothing ran twice).
// - Named parameters are not sent at all, every JS number is bound as REAL, and a boolean
//   aborts the process (todo!() in libsql-js): parameters are bound here, positionally, with
//   safe integers as BigInt, and anything better-sqlite3 refuses is refused with a TypeError.
// - Rows from get() carry a `_metadata` key, and pluck() is ignored by get(): both done here.
// - Errors arrive without a code ("Hrana(StreamError(Error { message: …, code: … }))"): they are
//   rethrown with better-sqlite3's codes (SQLITE_CONSTRAINT_UNIQUE, SQLITE_BUSY, …).
// - Pragmas that set up a local connection (busy_timeout, journal_mode, synchronous,
//   foreign_keys = ON) mean nothing here; sqld refuses some of them: they are skipped.
import 'server-only'
import Libsql from 'libsql'
import {
  BUSY_TIMEOUT_MS,
  type SqliteDatabase,
  type SqliteRunResult,
  type SqliteStatement,
  type SqliteTransaction,
} from '@/lib/db/sqlite'

type NativeDatabase = InstanceType<typeof Libsql>
type NativeStatement = ReturnType<NativeDatabase['prepare']>

export interface RemoteSqliteOptions {
  authToken?: string
  /** What `db.name` answers: a path whose folder holds what lives beside the database (lib/db/engine.ts). */
  name?: string
}

/** A SQL error from the server, with better-sqlite3's error code. */
export class RemoteSqliteError extends Error {
  constructor(
    message: string,
    readonly code: string,
    cause: unknown,
  ) {
    super(message, { cause })
    this.name = 'SqliteError'
  }
}

export function openRemoteSqlite(url: string, options: RemoteSqliteOptions = {}): SqliteDatabase {
  return new RemoteSqlite(url, options)
}

/** Whether `db` talks to a libSQL server (lib/db/write-transaction.ts waits differently there). */
export function isRemoteSqlite(db: SqliteDatabase): boolean {
  return db instanceof RemoteSqlite
}

// Remembered locally so write-transaction.ts can read back what it set; sqld has its own.
const LOCAL_PRAGMAS: Record<string, (value: string | undefined, db: RemoteSqlite) => unknown> = {
  busy_timeout: (value, db) => (value === undefined ? db.busyTimeoutMs : (db.busyTimeoutMs = Number(value))),
  journal_mode: () => 'wal',
  synchronous: () => 1,
}

class RemoteSqlite implements SqliteDatabase {
  #native: NativeDatabase
  #open = true
  // Native statements of this connection by state and SQL: preparing is a round trip (libsql
  // asks the server to describe the statement), so `db.prepare(sql)` in a loop prepares once.
  #prepared = {
    autocommit: new Map<string, PreparedNative>(),
    inTransaction: new Map<string, PreparedNative>(),
  }
  busyTimeoutMs = BUSY_TIMEOUT_MS
  #savepoints = 0
  readonly name: string

  constructor(
    readonly url: string,
    private readonly options: RemoteSqliteOptions,
  ) {
    this.name = options.name ?? ''
    this.#native = this.connect()
  }

  private connect(): NativeDatabase {
    return new Libsql(this.url, { authToken: this.options.authToken ?? '' } as ConstructorParameters<
      typeof Libsql
    >[1])
  }

  get open(): boolean {
    return this.#open
  }

  get inTransaction(): boolean {
    return this.#native.inTransaction
  }

  /** Drops the connection (its stream is gone or its state unknown) and opens a new one; statements prepare again. */
  reconnect(): void {
    try {
      this.#native.close()
    } catch {
      // the old connection is unusable anyway
    }
    this.#native = this.connect()
    this.#prepared.autocommit.clear()
    this.#prepared.inTransaction.clear()
  }

  /** The native statement for `sql` in the connection's current state (autocommit or inside a transaction). */
  nativeStatement(sql: string): PreparedNative {
    const cache = this.inTransaction ? this.#prepared.inTransaction : this.#prepared.autocommit
    let prepared = cache.get(sql)
    if (!prepared) cache.set(sql, (prepared = { statement: this.#native.prepare(sql), rawMode: false }))
    return prepared
  }

  /** Runs `operation` on the connection; an expired stream outside a transaction is retried once on a new one. */
  call<T>(operation: () => T): T {
    const inTransaction = this.inTransaction
    try {
      return operation()
    } catch (error) {
      const failure = remoteError(error)
      if (failure.code === 'LIBSQL_STREAM_EXPIRED') {
        this.reconnect()
        if (!inTransaction) {
          try {
            return operation()
          } catch (again) {
            throw remoteError(again)
          }
        }
      }
      // sqld rolled the transaction back; the client would go on believing it is in one.
      if (inTransaction && failure.transactionLost) this.reconnect()
      throw failure
    }
  }

  prepare(sql: string): SqliteStatement {
    return new RemoteStatement(this, sql)
  }

  exec(sql: string): this {
    this.call(() => this.#native.exec(sql))
    return this
  }

  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const [, name = '', value] = /^\s*(\w+)\s*(?:=\s*(.+?))?\s*;?\s*$/.exec(source) ?? []
    const local = LOCAL_PRAGMAS[name.toLowerCase()]
    if (local) {
      const result = local(value?.replace(/^'(.*)'$/, '$1'), this)
      if (value !== undefined) return []
      return options.simple ? result : [{ [name]: result }]
    }
    // sqld turns foreign keys on for every connection; a per-connection switch would only last one stream.
    if (name.toLowerCase() === 'foreign_keys' && value !== undefined && /^(on|1|true|yes)$/i.test(value))
      return []
    const statement = this.prepare(`PRAGMA ${source}`)
    return options.simple ? statement.pluck().get() : statement.all()
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): SqliteTransaction<F> {
    const begin =
      (mode: string) =>
      (...args: Parameters<F>): ReturnType<F> =>
        this.inTransaction ? this.inSavepoint(fn, args) : this.inTransactionOf(mode, fn, args)
    return Object.assign(begin(''), {
      deferred: begin('DEFERRED'),
      immediate: begin('IMMEDIATE'),
      exclusive: begin('EXCLUSIVE'),
    }) as unknown as SqliteTransaction<F>
  }

  private inTransactionOf<F extends (...args: never[]) => unknown>(
    mode: string,
    fn: F,
    args: Parameters<F>,
  ): ReturnType<F> {
    this.exec(`BEGIN ${mode}`)
    try {
      const result = fn(...args) as ReturnType<F>
      this.exec('COMMIT')
      return result
    } catch (error) {
      this.rollbackQuietly('ROLLBACK')
      throw error
    }
  }

  // Nested transactions are savepoints, as in better-sqlite3.
  private inSavepoint<F extends (...args: never[]) => unknown>(fn: F, args: Parameters<F>): ReturnType<F> {
    const name = `hearsay_savepoint_${++this.#savepoints}`
    try {
      this.exec(`SAVEPOINT ${name}`)
      try {
        const result = fn(...args) as ReturnType<F>
        this.exec(`RELEASE ${name}`)
        return result
      } catch (error) {
        this.rollbackQuietly(`ROLLBACK TO ${name}; RELEASE ${name}`)
        throw error
      }
    } finally {
      this.#savepoints--
    }
  }

  // The error that made us roll back is the one to report; a rollback that fails means the server
  // already ended the transaction (or the connection is gone): start over on a new connection.
  private rollbackQuietly(sql: string): void {
    if (!this.inTransaction) return
    try {
      this.exec(sql)
    } catch {
      this.reconnect()
    }
  }

  close(): this {
    if (this.#open) this.#native.close()
    this.#open = false
    return this
  }
}

interface PreparedNative {
  statement: NativeStatement
  rawMode: boolean
}

class RemoteStatement implements SqliteStatement {
  #pluck = false
  #raw = false
  readonly #sql: string
  readonly #names: string[]

  constructor(
    private readonly db: RemoteSqlite,
    sql: string,
  ) {
    ;({ sql: this.#sql, names: this.#names } = numberedParameters(sql))
    // Prepare now, as better-sqlite3 does, so a bad statement fails where it is written.
    this.db.call(() => this.native())
  }

  pluck(toggle = true): this {
    this.#pluck = toggle
    if (toggle) this.#raw = false
    return this
  }

  raw(toggle = true): this {
    this.#raw = toggle
    if (toggle) this.#pluck = false
    return this
  }

  run(...params: unknown[]): SqliteRunResult {
    const values = this.bind(params)
    return this.db.call(() => {
      const { changes, lastInsertRowid } = this.native().statement.run(values) as SqliteRunResult
      return { changes, lastInsertRowid }
    })
  }

  get(...params: unknown[]): unknown {
    const values = this.bind(params)
    const row = this.db.call(() => this.reading().statement.get(values)) as
      Record<string, unknown> | unknown[] | undefined
    if (row === undefined || row === null) return undefined
    if (this.#pluck) return (row as unknown[])[0]
    if (this.#raw) return row
    const { _metadata: _, ...columns } = row as Record<string, unknown>
    return columns
  }

  all(...params: unknown[]): unknown[] {
    const values = this.bind(params)
    const rows = this.db.call(() => this.reading().statement.all(values))
    return this.#pluck ? (rows as unknown[][]).map((row) => row[0]) : rows
  }

  private native(): PreparedNative {
    return this.db.nativeStatement(this.#sql)
  }

  // Rows as arrays when plucked or raw (a plucked value is the first column even when two share a name).
  private reading(): PreparedNative {
    const prepared = this.native()
    const rawMode = this.#pluck || this.#raw
    if (prepared.rawMode !== rawMode) {
      prepared.statement.raw(rawMode)
      prepared.rawMode = rawMode
    }
    return prepared
  }

  private bind(params: unknown[]): unknown[] {
    const [first] = params
    if (params.length === 1 && isNamedParameters(first)) {
      return this.#names.map((name) => {
        const key = name.slice(1)
        if (!(key in first)) throw new RangeError(`Missing named parameter "${key}"`)
        return bindValue(first[key])
      })
    }
    return params.flat().map(bindValue)
  }
}

function isNamedParameters(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function bindValue(value: unknown): unknown {
  if (value === null || value === undefined) return null
  switch (typeof value) {
    case 'number':
      // Exact integers stay INTEGER (libsql would send every number as REAL).
      return Number.isSafeInteger(value) ? BigInt(value) : value
    case 'string':
    case 'bigint':
      return value
  }
  if (value instanceof Uint8Array) return value
  throw new TypeError('SQLite3 can only bind numbers, strings, bigints, buffers, and null')
}

/**
 * `sql` with its named parameters (`@x`, `:x`, `$x`) turned into numbered ones (`?1`, `?2` …, in
 * order of first appearance; a repeated name keeps its number), and the names in that order.
 * sqld binds positional values to numbered parameters only; libsql sends no named ones.
 */
export function numberedParameters(sql: string): { sql: string; names: string[] } {
  const names: string[] = []
  let out = ''
  let i = 0
  const copyTo = (end: number) => {
    out += sql.slice(i, end)
    i = end
  }
  while (i < sql.length) {
    const char = sql[i]!
    const closing = ({ "'": "'", '"': '"', '`': '`', '[': ']' } as Record<string, string>)[char]
    let end = -1
    if (closing) {
      end = sql.indexOf(closing, i + 1)
      // A doubled quote inside a literal is the quote itself.
      while (end >= 0 && closing !== ']' && sql[end + 1] === closing) end = sql.indexOf(closing, end + 2)
      end = end < 0 ? sql.length : end + 1
    } else if (char === '-' && sql[i + 1] === '-') {
      end = sql.indexOf('\n', i)
      if (end < 0) end = sql.length
    } else if (char === '/' && sql[i + 1] === '*') {
      end = sql.indexOf('*/', i + 2)
      end = end < 0 ? sql.length : end + 2
    } else if ((char === '@' || char === ':' || char === '$') && /\w/.test(sql[i + 1] ?? '')) {
      const name = /^[@:$]\w+/.exec(sql.slice(i))![0]
      let number = names.indexOf(name) + 1
      if (number === 0) number = names.push(name)
      out += `?${number}`
      i += name.length
      continue
    } else if (char === '?' && names.length > 0) {
      throw new TypeError('named and positional (?) parameters cannot be mixed in one statement')
    }
    copyTo(end < 0 ? i + 1 : end)
  }
  return { sql: out, names }
}

interface RemoteFailure extends RemoteSqliteError {
  /** The server ended the transaction (or the stream) this statement ran in. */
  transactionLost: boolean
}

/** The error libsql threw, with the server's message and better-sqlite3's code. */
function remoteError(error: unknown): RemoteFailure {
  if (error instanceof RemoteSqliteError) return error as RemoteFailure
  const text = error instanceof Error ? error.message : String(error)
  const quoted =
    /message: "((?:[^"\\]|\\.)*)"/.exec(text)?.[1] ?? /Api\("((?:[^"\\]|\\.)*)"\)/.exec(text)?.[1]
  const serverMessage = quoted === undefined ? text : unescape(quoted)
  const serverCode = /code: "(\w+)"/.exec(text)?.[1] ?? /"code":"(\w+)"/.exec(serverMessage)?.[1] ?? ''
  const message = serverMessage.replace(/^(SQLite error|SQL input error): /, '')
  let code = sqliteCode(message, serverCode)
  let transactionLost = false
  let shown = quoted === undefined ? text : message
  // sqld interrupts a statement of a transaction it is rolling back for holding the lock too long.
  if (/Transaction timed out|TRANSACTION_TIMEOUT|SQLITE_INTERRUPT/.test(text)) {
    code = 'SQLITE_BUSY'
    transactionLost = true
    shown =
      'sqld rolled this transaction back: it held the write lock while another writer waited too long (TRANSACTION_TIMEOUT)'
  } else if (/STREAM_EXPIRED|stream has expired/i.test(text)) {
    code = 'LIBSQL_STREAM_EXPIRED'
    transactionLost = true
  } else if (/no transaction is active/.test(message)) {
    transactionLost = true
  }
  const failure = new RemoteSqliteError(shown, code, error) as RemoteFailure
  failure.transactionLost = transactionLost
  return failure
}

function sqliteCode(message: string, serverCode: string): string {
  if (/^UNIQUE constraint failed/.test(message)) return 'SQLITE_CONSTRAINT_UNIQUE'
  if (/^NOT NULL constraint failed/.test(message)) return 'SQLITE_CONSTRAINT_NOTNULL'
  if (/^FOREIGN KEY constraint failed/.test(message)) return 'SQLITE_CONSTRAINT_FOREIGNKEY'
  if (/^CHECK constraint failed/.test(message)) return 'SQLITE_CONSTRAINT_CHECK'
  if (/database is locked|SQLITE_BUSY/.test(message) || serverCode === 'SQLITE_BUSY') return 'SQLITE_BUSY'
  if (serverCode.startsWith('SQLITE_') && serverCode !== 'SQLITE_UNKNOWN') return serverCode
  if (serverCode === '') return 'LIBSQL_ERROR'
  return serverCode === 'SQLITE_UNKNOWN' || serverCode.startsWith('SQL_')
    ? 'SQLITE_ERROR'
    : `LIBSQL_${serverCode}`
}

function unescape(quoted: string): string {
  try {
    return JSON.parse(`"${quoted}"`) as string
  } catch {
    return quoted
  }
}

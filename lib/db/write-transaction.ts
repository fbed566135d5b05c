// One use case, one write transaction, on the raw connection (docs/decisions/0010). BEGIN
// IMMEDIATE takes the write lock up front, so a read inside cannot turn into a write that fails
// with SQLITE_BUSY_SNAPSHOT, and the whole transaction runs synchronously: no write transaction
// of this process ever spans an await, so none can hold the lock while another waits for it.
// A failure returned from inside rolls everything back: a find/replace over fifty sentences
// writes all of them or none.
//
// Waiting for the lock (another process writes, or Prisma's own implicit transaction is
// between two awaits) happens in slices: each attempt lets SQLite's busy handler wait at most
// WRITE_LOCK_SLICE_MS, blocking the event loop no longer than that, then the attempt sleeps
// asynchronously (so the holder in this process can finish) and tries again, until
// WRITE_LOCK_BUDGET_MS is spent. Then the write is refused as `busy` (503 with Retry-After),
// never as a 500. On a libSQL server (docs/decisions/0022) sqld queues writers itself and takes
// the lock away from a transaction that holds it over 5 s while another waits (rolled back, so
// still all or nothing); that loss comes back as SQLITE_BUSY and is retried like a held lock.
// On an embedded-replica node whose sqld primary cannot be reached, the write is refused at once
// as `unavailable` (503 with Retry-After; docs/decisions/0023).
import 'server-only'
import { isPrimaryUnavailable, PRIMARY_RETRY_AFTER_MS } from '@/lib/db/primary-unavailable'
import { isSqliteFile, type SqliteDatabase } from '@/lib/db/sqlite'
import { processWriteGate } from '@/lib/db/write-gate'
import { fail, type Failure, type Result } from '@/lib/result'

/** How long one write waits for the write lock in all before it is refused as busy. */
export const WRITE_LOCK_BUDGET_MS = 5_000
/** The longest one attempt blocks the event loop waiting for the lock (SQLite's busy_timeout). */
export const WRITE_LOCK_SLICE_MS = 50
/** What a refused writer is told to wait before trying again. */
export const BUSY_RETRY_AFTER_MS = 1_000

class Rollback extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error)
  }
}

/** SQLITE_BUSY and its extended codes (_SNAPSHOT, _RECOVERY, _TIMEOUT): the lock, not the data. */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

/**
 * Runs `write` in BEGIN IMMEDIATE (a savepoint, in one attempt, when already inside a
 * transaction), retrying while the lock is held elsewhere, for at most `budgetMs`.
 */
export async function inWriteTransaction<T>(
  db: SqliteDatabase,
  write: () => Result<T>,
  options: { budgetMs?: number } = {},
): Promise<Result<T>> {
  if (db.inTransaction) return writeOnce(db, write)
  const deadline = Date.now() + (options.budgetMs ?? WRITE_LOCK_BUDGET_MS)
  // On a libSQL server the wait for the lock happens inside sqld while this thread is blocked:
  // first wait, asynchronously, for this process's other writers (lib/db/write-gate.ts).
  const release = isSqliteFile(db) ? null : await processWriteGate().acquire()
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return withBusyTimeout(db, WRITE_LOCK_SLICE_MS, () => writeOnce(db, write))
      } catch (error) {
        if (isPrimaryUnavailable(error))
          return fail({ error: 'unavailable', retryAfterMs: PRIMARY_RETRY_AFTER_MS })
        if (!isBusyError(error)) throw error
        const left = deadline - Date.now()
        if (left <= 0) return fail({ error: 'busy', retryAfterMs: BUSY_RETRY_AFTER_MS })
        await sleep(Math.min(left, backoffMs(attempt)))
      }
    }
  } finally {
    release?.()
  }
}

function writeOnce<T>(db: SqliteDatabase, write: () => Result<T>): Result<T> {
  try {
    return db
      .transaction(() => {
        const result = write()
        if (!result.ok) throw new Rollback(result.failure)
        return result
      })
      .immediate()
  } catch (error) {
    if (error instanceof Rollback) return fail(error.failure)
    throw error
  }
}

/** Runs `run` with the connection's busy_timeout set to `ms`, then puts the old one back. */
function withBusyTimeout<T>(db: SqliteDatabase, ms: number, run: () => T): T {
  const previous = db.pragma('busy_timeout', { simple: true }) as number
  if (previous === ms) return run()
  db.pragma(`busy_timeout = ${ms}`)
  try {
    return run()
  } finally {
    db.pragma(`busy_timeout = ${previous}`)
  }
}

/** 10, 20, 40 … 160 ms, with jitter so that waiting writers do not retry in step. */
function backoffMs(attempt: number): number {
  const base = 10 * 2 ** Math.min(attempt, 4)
  return base / 2 + Math.random() * base
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

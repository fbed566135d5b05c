// One use case, one write transaction. BEGIN IMMEDIATE takes the write lock up front, so
// concurrent writers queue on busy_timeout instead of failing with SQLITE_BUSY_SNAPSHOT when
// a read turns into a write. A failure returned from inside rolls everything back: a
// find/replace over fifty sentences writes all of them or none.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { fail, type Failure, type Result } from '@/lib/result'

class Rollback extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error)
  }
}

/** Runs `write` in BEGIN IMMEDIATE (a savepoint when already inside a transaction). */
export function inWriteTransaction<T>(db: SqliteDatabase, write: () => Result<T>): Result<T> {
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

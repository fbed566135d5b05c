// A fresh, fully migrated database file per test: a copy of the template that global setup
// migrated once. No cleanup code in tests: the folder goes at the end of the test.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject, onTestFinished } from 'vitest'
import { openSqlite, type SqliteDatabase } from '../../lib/db/sqlite'

export function freshDatabasePath(): string {
  const folder = mkdtempSync(join(tmpdir(), 'hearsay-test-'))
  const path = join(folder, 'test.db')
  copyFileSync(inject('templateDatabasePath'), path)
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }))
  return path
}

export function freshDatabase(): SqliteDatabase {
  const db = openSqlite(freshDatabasePath())
  onTestFinished(() => {
    db.close()
  })
  return db
}

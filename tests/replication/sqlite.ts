// Test databases shaped like the app's (WAL, synchronous=NORMAL), a write workload, and a digest
// of the rows to compare a source with its restores.
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'

export type Db = Database.Database

/** A fresh folder under the OS temp dir; remove it with `removeWorkDir`. */
export function makeWorkDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `hearsay-${name}-`))
}

export function removeWorkDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/** Opens (creating) a database the way the app does, with a `note` table. */
export function openAppDatabase(path: string): Db {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.exec('CREATE TABLE IF NOT EXISTS note (id INTEGER PRIMARY KEY, body TEXT NOT NULL, payload BLOB)')
  return db
}

/** Inserts `count` notes in one transaction; `payloadBytes` of random data each (incompressible). */
export function insertNotes(
  db: Db,
  count: number,
  options: { payloadBytes?: number; label?: string } = {},
): void {
  const insert = db.prepare('INSERT INTO note (body, payload) VALUES (?, ?)')
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      insert.run(
        `${options.label ?? 'note'} ${i} ${'lorem ipsum '.repeat(8)}`,
        options.payloadBytes ? randomBytes(options.payloadBytes) : null,
      )
    }
  })()
}

export interface Digest {
  readonly rows: number
  readonly sha256: string
}

/** Row count and a hash of every note, in id order. */
export function digest(pathOrDb: string | Db): Digest {
  const db = typeof pathOrDb === 'string' ? new Database(pathOrDb, { readonly: true }) : pathOrDb
  try {
    const hash = createHash('sha256')
    let rows = 0
    for (const row of db
      .prepare('SELECT id, body, hex(payload) AS payload FROM note ORDER BY id')
      .iterate() as Iterable<Record<string, unknown>>) {
      hash.update(JSON.stringify(row))
      rows++
    }
    return { rows, sha256: hash.digest('hex') }
  } finally {
    if (typeof pathOrDb === 'string') db.close()
  }
}

export function integrityCheck(path: string): string {
  const db = new Database(path, { readonly: true })
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ')
  } finally {
    db.close()
  }
}

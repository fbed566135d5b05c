// The embedded replica against a real sqld primary: reads from the replica file, writes on the
// primary, read-your-writes, another replica catching up within its sync interval, and a stopped
// primary (reads go on, writes refused as `unavailable`, recovery by itself).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EmbeddedReplica, primaryHttpBase, replicaFileForProcess } from '@/lib/db/embedded-replica'
import { openRemoteSqlite } from '@/lib/db/libsql-remote'
import { isPrimaryUnavailable, PrimaryUnavailableError } from '@/lib/db/primary-unavailable'
import { replicatedSqlite } from '@/lib/db/replicated-sqlite'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import { ok } from '@/lib/result'
import { sqldBinary, sqldServeArgs } from '@/scripts/lib/sqld-command'
import { startSqld, type SqldServer } from '@/tests/support/sqld'

const SYNC_INTERVAL_MS = 100

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
})

function scratch(): string {
  const folder = mkdtempSync(join(tmpdir(), 'hearsay-replica-'))
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }))
  return folder
}

async function primaryWithTable(): Promise<SqldServer> {
  const sqld = await startSqld()
  cleanups.push(() => sqld.stop())
  const admin = openRemoteSqlite(sqld.url)
  admin.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
  admin.prepare('INSERT INTO note (body) VALUES (?)').run('before the replica')
  admin.close()
  return sqld
}

/** The primary comes back on the same port and data folder: the replicas' sync URL names them. */
async function restart(sqld: SqldServer): Promise<void> {
  const child = spawn(sqldBinary(), sqldServeArgs(sqld.dataDir, sqld.port), { stdio: 'ignore' })
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  })
  await eventually(
    async () => (await fetch(`${sqld.url}/health`).catch(() => null))?.ok ?? false,
    (up) => up,
    20_000,
  )
}

function openReplica(sqld: SqldServer, path: string): EmbeddedReplica {
  const replica = EmbeddedReplica.open({
    primaryUrl: sqld.url,
    replicaPath: path,
    syncIntervalMs: SYNC_INTERVAL_MS,
  })
  cleanups.push(() => replica.close())
  return replica.start()
}

function node(sqld: SqldServer, path: string) {
  const replica = openReplica(sqld, path)
  const primary = openRemoteSqlite(sqld.url)
  cleanups.push(() => void primary.close())
  const db = replicatedSqlite(primary, replica)
  return { replica, db }
}

async function eventually<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs: number) {
  const started = Date.now()
  for (;;) {
    const value = await read()
    if (accept(value)) return { value, afterMs: Date.now() - started }
    if (Date.now() - started > timeoutMs)
      throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const count = (db: SqliteDatabase) => db.prepare('SELECT count(*) AS n FROM note').pluck().get() as number

describe('embedded replica', () => {
  it('names one file per worker process', () => {
    expect(replicaFileForProcess('data/replica.db', undefined)).toBe('data/replica.db')
    expect(replicaFileForProcess('data/replica.db', '1')).toBe('data/replica-w1.db')
    expect(replicaFileForProcess('./data/replica', '0')).toBe('./data/replica-w0')
    expect(primaryHttpBase('libsql://db.example.com?tls=1')).toBe('https://db.example.com')
    expect(primaryHttpBase('libsql://127.0.0.1:8080?tls=0')).toBe('http://127.0.0.1:8080')
    expect(primaryHttpBase('http://user:pw@127.0.0.1:8080/')).toBe('http://127.0.0.1:8080')
  })

  it('reads from the replica file, writes on the primary and reads its own write at once', async () => {
    const sqld = await primaryWithTable()
    const a = node(sqld, join(scratch(), 'a.db'))
    expect(count(a.db)).toBe(1)
    expect(a.replica.status().lagFrames).toBe(0)

    const { lastInsertRowid } = a.db.prepare('INSERT INTO note (body) VALUES (?)').run('posted on A')
    // Read-your-writes: no wait, and the read came from the replica file (read-only handle).
    expect(a.db.prepare('SELECT body FROM note WHERE id = ?').pluck().get(lastInsertRowid)).toBe(
      'posted on A',
    )
    expect(a.replica.reader().prepare('SELECT count(*) FROM note').pluck().get()).toBe(2)
  })

  it('runs a transaction on the primary, reads inside it included, and syncs on commit', async () => {
    const sqld = await primaryWithTable()
    const a = node(sqld, join(scratch(), 'a.db'))
    const insert = a.db.prepare('INSERT INTO note (body) VALUES (?)')
    const result = await inWriteTransaction(a.db, () => {
      insert.run('one')
      insert.run('two')
      // Inside the transaction the count comes from the primary: it sees the two uncommitted rows.
      return ok(count(a.db))
    })
    expect(result).toEqual(ok(3))
    expect(count(a.db)).toBe(3)

    const rolledBack = await inWriteTransaction(a.db, () => {
      insert.run('three')
      return { ok: false as const, failure: { error: 'duplicate' as const } }
    })
    expect(rolledBack.ok).toBe(false)
    expect(count(a.db)).toBe(3)
  })

  it("shows node A's write on node B within one sync interval", async () => {
    const sqld = await primaryWithTable()
    const folder = scratch()
    const a = node(sqld, join(folder, 'a.db'))
    const b = node(sqld, join(folder, 'b.db'))
    a.db.prepare('INSERT INTO note (body) VALUES (?)').run('from A')
    const seen = await eventually(
      () => count(b.db),
      (n) => n === 2,
      SYNC_INTERVAL_MS + 1_000,
    )
    expect(seen.afterMs).toBeLessThanOrEqual(SYNC_INTERVAL_MS + 1_000)
    await eventually(
      () => b.replica.status().lagFrames,
      (lag) => lag === 0,
      1_000,
    )
    expect(b.replica.status().stalenessMs).toBeLessThanOrEqual(SYNC_INTERVAL_MS * 3)
  })

  it("catches up to a client's last write at once (the seen-frame cookie), without waiting for its sync", async () => {
    const sqld = await primaryWithTable()
    const folder = scratch()
    const a = node(sqld, join(folder, 'a.db'))
    // B never syncs on its own here: only catchUpTo can bring the write.
    const lazy = EmbeddedReplica.open({ primaryUrl: sqld.url, replicaPath: join(folder, 'b.db') })
    cleanups.push(() => lazy.close())
    const bPrimary = openRemoteSqlite(sqld.url)
    cleanups.push(() => void bPrimary.close())
    const b = replicatedSqlite(bPrimary, lazy)
    a.db.prepare('INSERT INTO note (body) VALUES (?)').run('from A')
    const seen = a.replica.frame!
    expect(count(b)).toBe(1)
    expect(lazy.catchUpTo(seen)).toBe(true)
    expect(count(b)).toBe(2)
    expect(lazy.frame).toBeGreaterThanOrEqual(seen)
  })

  it('keeps taking writes from 8 concurrent writers: a probe slowed by this busy process is no outage', async () => {
    const sqld = await primaryWithTable()
    const a = node(sqld, join(scratch(), 'a.db'))
    const elsewhere = openRemoteSqlite(sqld.url)
    cleanups.push(() => void elsewhere.close())
    let everUnreachable = false
    const watch = setInterval(() => (everUnreachable ||= !a.replica.primaryReachable), 5)
    cleanups.push(() => clearInterval(watch))
    const results = await Promise.all(
      Array.from({ length: 8 }, async (_, client) => {
        const outcomes = []
        for (let i = 0; i < 25; i++) {
          outcomes.push(
            await inWriteTransaction(a.db, () => {
              a.db.prepare('INSERT INTO note (body) VALUES (?)').run(`client ${client} write ${i}`)
              return ok(count(a.db))
            }),
          )
          // Another node writing too: the replica must pull frames it did not write.
          if (i % 5 === 0) elsewhere.prepare('INSERT INTO note (body) VALUES (?)').run('from elsewhere')
          await new Promise((resolve) => setTimeout(resolve, 1))
        }
        return outcomes
      }),
    )
    expect(results.flat().filter((result) => !result.ok)).toEqual([])
    expect(everUnreachable).toBe(false)
    expect(count(a.db)).toBe(1 + 8 * 25 + 8 * 5)
  })

  it('keeps one syncer per replica file', async () => {
    const sqld = await primaryWithTable()
    const path = join(scratch(), 'a.db')
    openReplica(sqld, path)
    expect(existsSync(`${path}.lock`)).toBe(true)
    expect(() => EmbeddedReplica.open({ primaryUrl: sqld.url, replicaPath: path })).toThrow(
      /in use by process/,
    )
  })

  it('serves reads and refuses writes while the primary is down, and recovers by itself', async () => {
    const sqld = await primaryWithTable()
    const a = node(sqld, join(scratch(), 'a.db'))
    await sqld.stop({ keepData: true })

    expect(count(a.db)).toBe(1)
    expect(() => a.db.prepare('INSERT INTO note (body) VALUES (?)').run('lost')).toThrow(
      PrimaryUnavailableError,
    )
    const refused = await inWriteTransaction(a.db, () =>
      ok(a.db.prepare('INSERT INTO note (body) VALUES (?)').run('x')),
    )
    expect(refused).toEqual({
      ok: false,
      failure: { error: 'unavailable', retryAfterMs: expect.any(Number) },
    })
    expect(a.replica.status().primaryReachable).toBe(false)
    expect(count(a.db)).toBe(1)

    await restart(sqld)
    await eventually(
      () => a.replica.primaryReachable,
      (up) => up,
      10_000,
    )
    a.db.prepare('INSERT INTO note (body) VALUES (?)').run('after the restart')
    expect(count(a.db)).toBe(2)
  })

  it('opens from the file it has when the primary is down at start', async () => {
    const sqld = await primaryWithTable()
    const path = join(scratch(), 'a.db')
    openReplica(sqld, path).close()
    await sqld.stop({ keepData: true })
    const again = openReplica(sqld, path)
    expect(again.primaryReachable).toBe(false)
    expect(again.reader().prepare('SELECT count(*) FROM note').pluck().get()).toBe(1)
    await restart(sqld)
    await eventually(
      () => again.primaryReachable,
      (up) => up,
      10_000,
    )
  })

  it('recognises an unreachable primary in each client', () => {
    expect(
      isPrimaryUnavailable(
        new Error(
          'Hrana(Http("error trying to connect: tcp connect error: Connection refused (os error 111)"))',
        ),
      ),
    ).toBe(true)
    expect(
      isPrimaryUnavailable(
        new Error('x', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }),
      ),
    ).toBe(true)
    expect(isPrimaryUnavailable(new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed'))).toBe(false)
  })
})

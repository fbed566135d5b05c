// The replicator against the file backend, checked with our own restore.
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFixture, type ReplicationFixture } from '../../tests/replication/harness'
import { digest, insertNotes, openAppDatabase } from '../../tests/replication/sqlite'
import { DatabaseHandle } from './database'
import { listReplica } from './listing'
import { decodeLz4Frame } from './lz4'
import { setTimeout as sleep } from 'node:timers/promises'

let fixture: ReplicationFixture
afterEach(async () => {
  await fixture?.dispose()
})

describe('replicator', () => {
  it('replicates commits from every connection, and restore rebuilds them', async () => {
    fixture = createFixture('basic')
    const replicator = fixture.replicator()
    insertNotes(fixture.app, 50)
    await replicator.syncOnce()
    const other = openAppDatabase(fixture.dbPath) // another connection, as another process would be
    insertNotes(other, 30, { label: 'other' })
    other.close()
    insertNotes(fixture.app, 20)
    await replicator.syncOnce()

    const restored = await fixture.restored()
    expect(restored.rows).toBe(100)
    expect(restored).toMatchObject(digest(fixture.app))
    const status = replicator.status()
    expect(status).toMatchObject({
      state: 'replicating',
      generation: restored.result.generation,
      lastError: null,
    })
    expect(status.position).toEqual(restored.result.position)
    expect(status.uploadedObjects).toBeGreaterThanOrEqual(3)
    expect(status.uploadedBytes).toBeGreaterThan(0)
    expect(status.replicationLagMs).toBeGreaterThanOrEqual(0)
  })

  it('ships a transaction bigger than 4 MiB of WAL whole, in a multi-block LZ4 frame', async () => {
    fixture = createFixture('big-tx')
    const replicator = fixture.replicator()
    insertNotes(fixture.app, 10)
    await replicator.syncOnce()
    insertNotes(fixture.app, 1500, { payloadBytes: 3_500 }) // ~6 MiB of WAL in one transaction
    await replicator.syncOnce()

    const { generations } = await listReplica(fixture.store())
    const sizes = await Promise.all(
      generations[0]!.segments.map(async (s) => decodeLz4Frame((await fixture.store().get(s.key))!).length),
    )
    expect(Math.max(...sizes)).toBeGreaterThan(4 * 1024 * 1024)
    expect(await fixture.restored()).toMatchObject(digest(fixture.app))
  })

  it('follows the WAL into the next index when a checkpoint restarts it', async () => {
    fixture = createFixture('restart')
    const replicator = fixture.replicator({ minCheckpointPageCount: 20, maxCheckpointPageCount: 40 })
    for (let round = 0; round < 6; round++) {
      insertNotes(fixture.app, 40, { payloadBytes: 500, label: `round ${round}` })
      await replicator.syncOnce()
    }
    // While the replicator holds its read lock, an application's RESTART cannot reset the WAL.
    fixture.app.pragma('busy_timeout = 50')
    const [appCheckpoint] = fixture.app.pragma('wal_checkpoint(RESTART)') as { busy: number }[]
    expect(appCheckpoint?.busy).toBe(1)
    insertNotes(fixture.app, 5)
    await replicator.syncOnce()

    const { generations } = await listReplica(fixture.store())
    expect(generations).toHaveLength(1)
    expect(new Set(generations[0]!.segments.map((s) => s.index)).size).toBeGreaterThanOrEqual(3)
    expect(await fixture.restored()).toMatchObject(digest(fixture.app))
  })

  it('lets other connections commit while a checkpoint backfills, and ships those commits', async () => {
    fixture = createFixture('backfill')
    const replicator = fixture.replicator({ minCheckpointPageCount: 20 })
    insertNotes(fixture.app, 200, { payloadBytes: 500 })
    // The first backfill of the checkpoint commits from another connection that will not wait for
    // a lock (busy_timeout 0): under our write lock it would fail with SQLITE_BUSY.
    const backfill = DatabaseHandle.prototype.checkpointPassive
    let committedDuringBackfill = false
    const spy = vi.spyOn(DatabaseHandle.prototype, 'checkpointPassive').mockImplementation(function (
      this: DatabaseHandle,
    ) {
      if (!committedDuringBackfill) {
        const other = new Database(fixture.dbPath)
        other.pragma('busy_timeout = 0')
        other.prepare('INSERT INTO note (body) VALUES (?)').run('committed during the backfill')
        other.close()
        committedDuringBackfill = true
      }
      return backfill.call(this)
    })
    try {
      await replicator.syncOnce()
    } finally {
      spy.mockRestore()
    }
    expect(committedDuringBackfill).toBe(true)

    const { generations } = await listReplica(fixture.store())
    expect(generations).toHaveLength(1)
    expect(new Set(generations[0]!.segments.map((s) => s.index)).size).toBe(2) // the WAL restarted
    expect(await fixture.restored()).toMatchObject({ ...digest(fixture.app), rows: 201 })
  })

  it('starts a new generation after an external TRUNCATE checkpoint while it was stopped', async () => {
    fixture = createFixture('truncate')
    const first = fixture.replicator()
    insertNotes(fixture.app, 25)
    await first.syncOnce()
    const before = digest(fixture.app)
    await first.stop()
    const [truncated] = fixture.app.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
    expect(truncated?.busy).toBe(0)
    insertNotes(fixture.app, 25, { label: 'after truncate' })
    const second = fixture.replicator()
    await second.syncOnce()

    const { generations } = await listReplica(fixture.store())
    expect(generations).toHaveLength(2)
    expect(second.status().generation).not.toBe(first.status().generation)
    expect(
      fixture.logs.some(
        (l) => l.message.includes('starting generation') && l.message.includes('WAL restarted'),
      ),
    ).toBe(true)
    const latest = await fixture.restored()
    expect(latest).toMatchObject(digest(fixture.app))
    const old = generations.find((g) => g.generation !== second.status().generation)!
    expect(await fixture.restored({ generation: old.generation })).toMatchObject(before)
  })

  it('resumes its generation after a restart when the WAL is untouched', async () => {
    fixture = createFixture('resume')
    const first = fixture.replicator()
    insertNotes(fixture.app, 10)
    await first.syncOnce()
    const generation = first.status().generation
    await first.stop()
    insertNotes(fixture.app, 10, { label: 'while stopped' })
    const second = fixture.replicator()
    await second.syncOnce()
    expect(second.status().generation).toBe(generation)
    expect(fixture.logs.some((l) => l.message.startsWith(`resuming generation ${generation}`))).toBe(true)
    expect(await fixture.restored()).toMatchObject(digest(fixture.app))
  })

  it('restores to a point in time between syncs', async () => {
    fixture = createFixture('pitr')
    const replicator = fixture.replicator({ minCheckpointPageCount: 30 })
    const marks: { atMs: number; digest: ReturnType<typeof digest> }[] = []
    for (let phase = 0; phase < 4; phase++) {
      insertNotes(fixture.app, 20 + phase * 10, { payloadBytes: 400, label: `phase ${phase}` })
      await replicator.syncOnce()
      await sleep(20)
      marks.push({ atMs: Date.now(), digest: digest(fixture.app) })
      await sleep(20)
    }
    for (const mark of marks)
      expect(await fixture.restored({ timestampMs: mark.atMs })).toMatchObject(mark.digest)
  })

  it('refuses to run two replicators on one database', async () => {
    fixture = createFixture('lock')
    const first = fixture.replicator()
    insertNotes(fixture.app, 1)
    await first.syncOnce()
    await expect(fixture.replicator().syncOnce()).rejects.toThrow(
      /another replicator \(pid \d+\) is already running/,
    )
  })

  it('fails with a clear error while the database does not exist', async () => {
    fixture = createFixture('no-db')
    const replicator = fixture.replicator({ databasePath: `${fixture.dir}/missing.db` })
    await expect(replicator.syncOnce()).rejects.toThrow(/missing\.db does not exist/)
    expect(replicator.status()).toMatchObject({
      state: 'retrying',
      lastError: expect.stringMatching(/does not exist/),
    })
  })

  it('reads WAL frames written by another process without a checkpoint in between', async () => {
    fixture = createFixture('foreign')
    const replicator = fixture.replicator()
    await replicator.syncOnce()
    const foreign = new Database(fixture.dbPath)
    foreign.pragma('wal_autocheckpoint = 100')
    insertNotes(foreign, 400, { payloadBytes: 1_000 }) // its own auto-checkpoints may run, but cannot reset the WAL
    foreign.close()
    await replicator.syncOnce()
    expect(await fixture.restored()).toMatchObject(digest(fixture.app))
  })
})

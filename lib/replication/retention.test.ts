// Snapshots on an interval and retention, against the file backend.
import { afterEach, describe, expect, it } from 'vitest'
import { createFixture, type ReplicationFixture } from '../../tests/replication/harness'
import { digest, insertNotes } from '../../tests/replication/sqlite'
import type { GenerationInfo } from './listing'
import { listReplica } from './listing'
import { planRetention } from './retention'
import { FileStore } from './stores/file'
import { setTimeout as sleep } from 'node:timers/promises'

/** The retention window of the test that applies it (ms). */
const RETENTION_MS = 2_000

let fixture: ReplicationFixture
afterEach(async () => {
  await fixture?.dispose()
})

const snapshot = (generation: string, index: number, lastModifiedMs: number) => ({
  key: `generations/${generation}/snapshots/${index}`,
  generation,
  index,
  sizeBytes: 1,
  lastModifiedMs,
})
const segment = (generation: string, index: number, lastModifiedMs: number) => ({
  key: `generations/${generation}/wal/${index}_0`,
  generation,
  index,
  offset: 0,
  sizeBytes: 1,
  lastModifiedMs,
})
const generationInfo = (name: string, snapshots: number[][], segments: number[][]): GenerationInfo => ({
  generation: name,
  snapshots: snapshots.map(([index, at]) => snapshot(name, index!, at!)),
  segments: segments.map(([index, at]) => segment(name, index!, at!)),
  createdAtMs: 0,
  updatedAtMs: 0,
})

describe('retention plan', () => {
  it('keeps snapshots inside the period and the WAL after the oldest kept one', () => {
    const old = generationInfo('a', [[0, 10]], [[0, 10]])
    const current = generationInfo(
      'b',
      [
        [0, 20],
        [2, 60],
        [3, 80],
      ],
      [
        [0, 20],
        [1, 30],
        [2, 60],
        [3, 80],
      ],
    )
    const plan = planRetention([old, current], 'b', 50)
    expect(plan.currentNeedsSnapshot).toBe(false)
    expect(plan.deleteKeys).toEqual([
      'generations/a/snapshots/0',
      'generations/a/wal/0_0',
      'generations/b/snapshots/0',
      'generations/b/wal/0_0',
      'generations/b/wal/1_0',
    ])
  })

  it('asks for a snapshot before deleting anything when the current generation has none inside the period', () => {
    const plan = planRetention([generationInfo('b', [[0, 20]], [[0, 20]])], 'b', 50)
    expect(plan).toEqual({ currentNeedsSnapshot: true, deleteKeys: [] })
  })
})

describe('snapshots and retention', () => {
  it('takes each interval snapshot in a WAL index of its own: no key is written twice, every time between them restores', async () => {
    fixture = createFixture('snapshot-interval')
    const puts: string[] = []
    class RecordingStore extends FileStore {
      override put(key: string, body: Uint8Array): Promise<void> {
        puts.push(key)
        return super.put(key, body)
      }
    }
    // No checkpoints by size or time: only the snapshots make the WAL restart.
    const replicator = fixture.replicator({
      store: new RecordingStore(fixture.replicaDir),
      snapshotIntervalMs: 1,
      minCheckpointPageCount: 0,
    })
    const rowsAt: { atMs: number; digest: ReturnType<typeof digest> }[] = []
    for (let round = 0; round < 3; round++) {
      insertNotes(fixture.app, 30, { payloadBytes: 1_000, label: `round ${round}` })
      await replicator.syncOnce()
      await sleep(10)
      rowsAt.push({ atMs: Date.now(), digest: digest(fixture.app) })
      await sleep(10)
    }

    expect(puts.length).toBeGreaterThan(0)
    expect(new Set(puts).size).toBe(puts.length)
    const { generations } = await listReplica(fixture.store())
    const snapshotIndexes = generations[0]!.snapshots.map((s) => s.index)
    expect(snapshotIndexes.length).toBeGreaterThanOrEqual(3)
    for (const { atMs, digest: then } of rowsAt)
      expect(await fixture.restored({ timestampMs: atMs })).toMatchObject(then)
  })

  it('takes no interval snapshot while nothing was committed since the last one', async () => {
    fixture = createFixture('snapshot-idle')
    const replicator = fixture.replicator({ snapshotIntervalMs: 1, minCheckpointPageCount: 0 })
    const snapshots = async () => (await listReplica(fixture.store())).generations[0]!.snapshots.length
    insertNotes(fixture.app, 10)
    await replicator.syncOnce()
    await sleep(5)
    await replicator.syncOnce()
    const afterWrites = await snapshots()
    for (let i = 0; i < 3; i++) {
      await sleep(5)
      await replicator.syncOnce()
    }
    expect(await snapshots()).toBe(afterWrites)
    insertNotes(fixture.app, 10)
    await sleep(5)
    await replicator.syncOnce()
    expect(await snapshots()).toBe(afterWrites + 1)
    expect(await fixture.restored()).toMatchObject(digest(fixture.app))
  })

  it('applies retention: old generations go, the current one keeps a fresh snapshot', async () => {
    fixture = createFixture('retention')
    const first = fixture.replicator()
    insertNotes(fixture.app, 10)
    await first.syncOnce()
    await first.stop()
    fixture.app.pragma('wal_checkpoint(TRUNCATE)')
    insertNotes(fixture.app, 10)
    // Long enough that the first check (right after the second generation starts) finds the old
    // one still inside the window even on a saturated machine; the sleep below then passes it.
    const second = fixture.replicator({
      retentionMs: RETENTION_MS,
      retentionCheckIntervalMs: 0,
      minCheckpointPageCount: 5,
    })
    await second.syncOnce()
    expect((await listReplica(fixture.store())).generations).toHaveLength(2)
    await sleep(RETENTION_MS + 100)
    insertNotes(fixture.app, 10, { payloadBytes: 2_000 })
    await second.syncOnce()

    const { generations } = await listReplica(fixture.store())
    expect(generations.map((g) => g.generation)).toEqual([second.status().generation])
    const current = generations[0]!
    const oldest = Math.min(...current.snapshots.map((s) => s.index))
    expect(current.segments.every((s) => s.index >= oldest)).toBe(true)
    expect(await fixture.restored()).toMatchObject(digest(fixture.app))
  })
})

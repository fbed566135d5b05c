// Restore refuses a broken or incomplete replica with a clear error, and leaves nothing behind.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type ReplicationFixture } from '../../tests/replication/harness'
import { digest, insertNotes } from '../../tests/replication/sqlite'
import { listReplica, type SegmentInfo } from './listing'
import { decodeLz4Frame, encodeLz4Frame } from './lz4'
import { restore, restoreIfMissing } from './restore'
import { FileStore } from './stores/file'
import { WAL_HEADER_BYTES } from './wal'

let fixture: ReplicationFixture
let segments: SegmentInfo[]
let snapshotKey: string
let copies = 0

beforeAll(async () => {
  fixture = createFixture('restore-refusals')
  const replicator = fixture.replicator({ minCheckpointPageCount: 25 })
  for (let round = 0; round < 8; round++) {
    insertNotes(fixture.app, 30, { payloadBytes: 1_000, label: `round ${round}` })
    await replicator.syncOnce()
  }
  await replicator.stop()
  const { generations } = await listReplica(fixture.store())
  segments = [...generations[0]!.segments]
  snapshotKey = generations[0]!.snapshots[0]!.key
})
afterAll(async () => {
  await fixture?.dispose()
})

/**
 * Restores from a copy of the good replica changed by `tamper`. Returns the error message, or
 * "restored" when the restore wrongly succeeded. A refused restore must leave no file behind.
 */
async function refusal(tamper: (dir: string) => void): Promise<string> {
  const n = copies++
  const dir = join(fixture.dir, `tampered-${n}`)
  cpSync(fixture.replicaDir, dir, { recursive: true })
  tamper(dir)
  const output = join(fixture.dir, `refused-${n}.db`)
  const message = await restore({ store: new FileStore(dir), outputPath: output }).then(
    () => 'restored',
    (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
  )
  if (message !== 'restored')
    expect(readdirSync(fixture.dir).filter((f) => f.startsWith(`refused-${n}.db`))).toEqual([])
  return message
}

function remove(path: string): void {
  if (!existsSync(path)) throw new Error(`test setup: ${path} does not exist`)
  rmSync(path)
}

function rewriteSegment(dir: string, segment: SegmentInfo, change: (wal: Buffer) => Buffer): void {
  const path = join(dir, segment.key)
  writeFileSync(path, encodeLz4Frame(change(Buffer.from(decodeLz4Frame(readFileSync(path))))))
}

const lastIndex = () => Math.max(...segments.map((s) => s.index))

describe('restore', () => {
  it('rebuilds the intact replica that the other cases break', async () => {
    expect(new Set(segments.map((s) => s.index)).size).toBeGreaterThanOrEqual(3)
    const restored = await fixture.restored()
    expect(restored).toMatchObject(digest(fixture.app))
    expect(restored.result.position.index).toBe(lastIndex())
  })

  it('refuses when a segment in the middle of an index is missing', async () => {
    const middle = segments.find((s, i) => s.offset > 0 && segments[i + 1]?.index === s.index)
    expect(middle).toBeDefined()
    expect(await refusal((dir) => remove(join(dir, middle!.key)))).toMatch(
      /starts at offset \d+, but the segments before it end at \d+ \(a segment is missing or truncated\)/,
    )
  })

  it('refuses when a whole WAL index is missing', async () => {
    expect(
      await refusal((dir) => segments.filter((s) => s.index === 1).forEach((s) => remove(join(dir, s.key)))),
    ).toMatch(/incomplete: WAL index 00000001 is missing \(next is 00000002\)/)
  })

  it('refuses when the first segment of an index is missing', async () => {
    const index = segments.find((s) => s.offset > 0)!.index // an index with later segments that still load
    const first = segments.find((s) => s.index === index && s.offset === 0)!
    expect(await refusal((dir) => remove(join(dir, first.key)))).toMatch(
      /WAL index 0000000\d has no segment at offset 0/,
    )
  })

  it('refuses a truncated object', async () => {
    const last = segments.at(-1)!
    expect(await refusal((dir) => truncateSync(join(dir, last.key), Math.floor(last.sizeBytes / 2)))).toMatch(
      /is corrupt: truncated LZ4 frame/,
    )
  })

  it('refuses an object with a flipped byte', async () => {
    const victim = segments[1]!
    expect(
      await refusal((dir) => {
        const bytes = readFileSync(join(dir, victim.key))
        const middle = Math.floor(bytes.length / 2)
        bytes[middle] = bytes[middle]! ^ 0xff
        writeFileSync(join(dir, victim.key), bytes)
      }),
    ).toMatch(/is corrupt: (LZ4 content checksum mismatch|malformed LZ4 block)/)
  })

  it('refuses a WAL frame that fails its checksum inside a valid LZ4 frame', async () => {
    const inPage = WAL_HEADER_BYTES + 24 + 100
    expect(
      await refusal((dir) =>
        rewriteSegment(dir, segments[0]!, (wal) => ((wal[inPage] = wal[inPage]! ^ 1), wal)),
      ),
    ).toMatch(/the frame at WAL offset 32 fails its checksum/)
  })

  it('refuses a segment whose frames belong to another WAL', async () => {
    const next = segments.find((s) => s.offset > 0)!
    expect(await refusal((dir) => rewriteSegment(dir, next, (wal) => ((wal[8] = wal[8]! ^ 1), wal)))).toMatch(
      /belongs to another WAL \(salt mismatch\)/,
    )
  })

  it('refuses an index whose last segment ends inside a transaction', async () => {
    // Index 0 cut just after the last frame that does not commit: it then ends mid-transaction.
    const frameBytes = 24 + 4096
    const lastNonCommit = (segment: SegmentInfo, wal: Buffer) => {
      let cut = 0
      for (
        let at = segment.offset === 0 ? WAL_HEADER_BYTES : 0;
        at + frameBytes <= wal.length;
        at += frameBytes
      )
        if (wal.readUInt32BE(at + 4) === 0) cut = at + frameBytes
      return cut
    }
    const index0 = segments.filter((s) => s.index === 0)
    const read = (dir: string, segment: SegmentInfo) =>
      Buffer.from(decodeLz4Frame(readFileSync(join(dir, segment.key))))
    const cutAt = index0.findLastIndex((s) => lastNonCommit(s, read(fixture.replicaDir, s)) > 0)
    expect(cutAt).toBeGreaterThanOrEqual(0)
    const tamper = (dir: string) => {
      rewriteSegment(dir, index0[cutAt]!, (wal) => wal.subarray(0, lastNonCommit(index0[cutAt]!, wal)))
      for (const later of index0.slice(cutAt + 1)) remove(join(dir, later.key))
    }
    expect(await refusal(tamper)).toMatch(/WAL index 00000000 ends inside a transaction/)
  })

  it('refuses a missing snapshot, and a snapshot that is not a database', async () => {
    expect(await refusal((dir) => remove(join(dir, snapshotKey)))).toMatch(/no snapshot in file:/)
    expect(
      await refusal((dir) => writeFileSync(join(dir, snapshotKey), encodeLz4Frame(Buffer.alloc(8192, 7)))),
    ).toMatch(/the snapshot is not an SQLite database/)
  })

  it('refuses an empty replica and an existing output; restoreIfMissing says what it did', async () => {
    const empty = new FileStore(join(fixture.dir, 'empty-replica'))
    await expect(restore({ store: empty, outputPath: join(fixture.dir, 'x.db') })).rejects.toThrow(
      /no backups found in file:\/\/.*empty-replica: it has no generations/,
    )
    await expect(restore({ store: fixture.store(), outputPath: fixture.dbPath })).rejects.toThrow(
      /already exists; restore only writes a new file/,
    )
    expect(await restoreIfMissing(fixture.dbPath, fixture.store())).toBe('exists')
    expect(await restoreIfMissing(join(fixture.dir, 'fresh.db'), empty)).toBe('no-replica')
    expect(await restoreIfMissing(join(fixture.dir, 'fresh.db'), fixture.store())).toBe('restored')
    expect(digest(join(fixture.dir, 'fresh.db'))).toEqual(digest(fixture.app))
  })

  it('refuses a generation or a time the replica does not have', async () => {
    await expect(
      restore({
        store: fixture.store(),
        outputPath: join(fixture.dir, 'g.db'),
        generation: '0123456789abcdef',
      }),
    ).rejects.toThrow(/generation 0123456789abcdef not found/)
    await expect(
      restore({
        store: fixture.store(),
        outputPath: join(fixture.dir, 't.db'),
        timestampMs: Date.parse('2001-01-01T00:00:00Z'),
      }),
    ).rejects.toThrow(/no snapshot at or before 2001-01-01T00:00:00.000Z/)
  })
})

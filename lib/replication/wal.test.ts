import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { insertNotes, makeWorkDir, openAppDatabase, removeWorkDir } from '../../tests/replication/sqlite'
import { parseWalHeader, scanFrames, WAL_HEADER_BYTES, walFrameBytes } from './wal'
import { readCommitted, readWalHeader } from './wal-file'
import { WalFollower } from './follower'

const dir = makeWorkDir('wal')
afterAll(() => removeWorkDir(dir))

function walWithTransactions(
  name: string,
  transactions: number,
): { path: string; db: ReturnType<typeof openAppDatabase> } {
  const path = join(dir, name)
  const db = openAppDatabase(path)
  db.pragma('wal_autocheckpoint = 0')
  for (let i = 0; i < transactions; i++) insertNotes(db, 5, { payloadBytes: 200 })
  return { path: `${path}-wal`, db }
}

describe('WAL reading', () => {
  it('parses the header SQLite writes and validates every frame of a real WAL', () => {
    const { path, db } = walWithTransactions('a.db', 3)
    const bytes = readFileSync(path)
    const header = parseWalHeader(bytes)
    expect(header.pageSize).toBe(4096)
    const scan = scanFrames(header, bytes.subarray(WAL_HEADER_BYTES), header.checksum)
    expect(scan.stoppedBy).toBe('end')
    expect(scan.committedBytes).toBe(bytes.length - WAL_HEADER_BYTES)
    expect(scan.commitEnds).toHaveLength(4) // CREATE TABLE + three inserts
    db.close()
  })

  it('stops at a frame whose checksum or salt is wrong, keeping whole transactions only', () => {
    const { path, db } = walWithTransactions('b.db', 3)
    const bytes = Buffer.from(readFileSync(path))
    const header = parseWalHeader(bytes)
    const frames = bytes.subarray(WAL_HEADER_BYTES)
    const scan = scanFrames(header, frames, header.checksum)
    const secondCommit = scan.commitEnds[1]!
    frames[secondCommit + 24 + 10] = frames[secondCommit + 24 + 10]! ^ 1 // first page of the third transaction
    const broken = scanFrames(header, frames, header.checksum)
    expect(broken.stoppedBy).toBe('checksum')
    expect(broken.committedBytes).toBe(secondCommit)
    frames[secondCommit + 8] = frames[secondCommit + 8]! ^ 1
    expect(scanFrames(header, frames, header.checksum).stoppedBy).toBe('salt')
    expect(() => parseWalHeader(Buffer.concat([bytes.subarray(0, 24), Buffer.alloc(8)]))).toThrow(
      'WAL header checksum mismatch',
    )
    db.close()
  })

  it('reads committed frames from the file and remembers a transaction still being written', () => {
    const { path, db } = walWithTransactions('c.db', 2)
    const header = readWalHeader(path)!
    const first = readCommitted(path, header, { offset: WAL_HEADER_BYTES, checksum: header.checksum }, null)
    expect(first.end.offset).toBe(readFileSync(path).length)
    expect(first.ahead).toBeNull()
    db.pragma('cache_size = 2') // spill the next transaction's pages into the WAL before it commits
    db.exec('BEGIN')
    insertNotes(db, 200, { payloadBytes: 1_000 })
    const during = readCommitted(path, header, first.end, null)
    expect(during.bytes.length).toBe(0)
    expect(during.ahead!.offset).toBeGreaterThan(first.end.offset)
    db.exec('COMMIT')
    const after = readCommitted(path, header, first.end, during.ahead)
    expect(after.end.offset).toBe(readFileSync(path).length)
    expect((after.end.offset - WAL_HEADER_BYTES) % walFrameBytes(4096)).toBe(0)
    db.close()
  })

  it('follows the WAL into the next index, unless it was told the WAL must not have changed', () => {
    const { path, db } = walWithTransactions('d.db', 2)
    const follower = new WalFollower(
      path,
      { generation: '0123456789abcdef', index: 0, offset: 0, header: null, checksum: [0, 0] },
      true,
    )
    const first = follower.copy(0)
    expect(first).toMatchObject({ kind: 'copied', segments: [{ index: 0, offset: 0 }] })
    db.pragma('wal_checkpoint(TRUNCATE)')
    insertNotes(db, 1)
    expect(follower.copy(0, true)).toEqual({ kind: 'lost', reason: 'the WAL restarted unseen' })
    const next = follower.copy(0)
    expect(next).toMatchObject({ kind: 'copied', segments: [{ index: 1, offset: 0 }] })
    expect(follower.position).toMatchObject({ index: 1, offset: readFileSync(path).length })
    db.close()
  })

  it('has no header when there is no WAL file', () => {
    expect(readWalHeader(join(dir, 'missing.db-wal'))).toBeNull()
  })
})

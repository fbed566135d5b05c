// A snapshot: the whole database file as our read transaction sees it, LZ4-compressed. Taken with
// SQLite's backup API inside that transaction, so it is consistent and keeps page numbering
// (`VACUUM INTO` would not, and WAL replayed onto it would corrupt it). Streamed from a temporary
// file through the encoder, so memory holds only the compressed result.
import { closeSync, openSync, readSync, rmSync } from 'node:fs'
import type { DatabaseHandle } from './database'
import { LZ4_BLOCK_SIZE_BYTES, Lz4FrameEncoder } from './lz4'

export interface Snapshot {
  /** The LZ4 frame to upload. */
  readonly body: Uint8Array
  /** Size of the database file it holds, in bytes. */
  readonly databaseBytes: number
}

function removeTemporary(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true })
}

/** Takes a snapshot through `db` (which must hold its read lock), using `temporaryPath` as scratch. */
export async function takeSnapshot(db: DatabaseHandle, temporaryPath: string): Promise<Snapshot> {
  removeTemporary(temporaryPath)
  try {
    await db.backupTo(temporaryPath)
    const encoder = new Lz4FrameEncoder()
    const buffer = Buffer.allocUnsafe(LZ4_BLOCK_SIZE_BYTES)
    const fd = openSync(temporaryPath, 'r')
    let databaseBytes = 0
    try {
      for (;;) {
        const n = readSync(fd, buffer, 0, buffer.length, databaseBytes)
        if (n === 0) break
        encoder.push(buffer.subarray(0, n))
        databaseBytes += n
      }
    } finally {
      closeSync(fd)
    }
    return { body: encoder.finish(), databaseBytes }
  } catch (error) {
    throw new Error(`snapshot ${db.path}`, { cause: error })
  } finally {
    removeTemporary(temporaryPath)
  }
}

// Reading the live `-wal` file beside the database, as Litestream does: the header, then whole
// committed transactions from a known offset. Frames past the last commit (a transaction still
// being written) are scanned once and remembered as a cursor, not re-read on every sync.
import { closeSync, openSync, readSync } from 'node:fs'
import {
  type Checksum,
  type WalHeader,
  parseWalHeader,
  scanFrames,
  WAL_HEADER_BYTES,
  walFrameBytes,
} from './wal'

/** Frames read per system call while scanning. */
const FRAMES_PER_READ = 256

export interface WalCursor {
  readonly offset: number
  /** Running checksum after the frame that ends at `offset`. */
  readonly checksum: Checksum
}

export interface CommittedRead {
  /** WAL bytes [from.offset, end), ending on a commit frame; empty when nothing new committed. */
  readonly bytes: Buffer
  readonly end: WalCursor
  /** Absolute offsets of every commit frame's end inside `bytes`, ascending. */
  readonly commitEnds: readonly number[]
  /** How far valid but uncommitted frames reach past `end`, to resume scanning there next time. */
  readonly ahead: WalCursor | null
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length)
  let filled = 0
  while (filled < length) {
    const n = readSync(fd, buffer, filled, length - filled, offset + filled)
    if (n === 0) break
    filled += n
  }
  return buffer.subarray(0, filled)
}

function withFile<T>(path: string, use: (fd: number) => T): T | null {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new Error(`open ${path}`, { cause: error })
  }
  try {
    return use(fd)
  } finally {
    closeSync(fd)
  }
}

/** The WAL's header, or null when there is no WAL, it is empty, or its header is not valid yet. */
export function readWalHeader(walPath: string): WalHeader | null {
  return withFile(walPath, (fd) => {
    const bytes = readAt(fd, 0, WAL_HEADER_BYTES)
    try {
      return parseWalHeader(bytes)
    } catch {
      return null // SQLite treats a WAL without a valid header as empty, and rewrites it
    }
  })
}

/** Raw bytes [offset, offset + length) of the WAL, or fewer if the file is shorter. */
export function readWalRange(walPath: string, offset: number, length: number): Buffer {
  return withFile(walPath, (fd) => readAt(fd, offset, length)) ?? Buffer.alloc(0)
}

/**
 * Reads the committed frames after `from` (a commit boundary of the WAL `header` names).
 * `ahead` is a cursor returned by an earlier call, to skip frames already scanned.
 */
export function readCommitted(
  walPath: string,
  header: WalHeader,
  from: WalCursor,
  ahead: WalCursor | null,
): CommittedRead {
  const frameBytes = walFrameBytes(header.pageSize)
  const result = withFile(walPath, (fd) => {
    const scanFrom = (start: WalCursor, keep: boolean) => {
      const kept: Buffer[] = []
      let cursor = start
      let lastCommit: WalCursor | null = null
      let mismatchAtStart = false
      const commitEnds: number[] = []
      for (;;) {
        const chunk = readAt(fd, cursor.offset, frameBytes * FRAMES_PER_READ)
        const scan = scanFrames(header, chunk, cursor.checksum)
        if (cursor === start && scan.validBytes === 0)
          mismatchAtStart = scan.stoppedBy === 'salt' || scan.stoppedBy === 'checksum'
        if (keep) kept.push(chunk.subarray(0, scan.validBytes))
        for (const end of scan.commitEnds) commitEnds.push(cursor.offset + end)
        if (scan.committedBytes > 0)
          lastCommit = { offset: cursor.offset + scan.committedBytes, checksum: scan.checksum }
        cursor = { offset: cursor.offset + scan.validBytes, checksum: scan.validChecksum }
        if (scan.stoppedBy !== 'end' || chunk.length < frameBytes * FRAMES_PER_READ) break
      }
      return { kept, cursor, lastCommit, commitEnds, mismatchAtStart }
    }
    if (ahead && ahead.offset > from.offset) {
      const skip = scanFrom(ahead, false)
      // A mismatch right at the cursor means the frames we scanned were rolled back and overwritten.
      if (skip.mismatchAtStart) return scanFrom(from, true)
      if (!skip.lastCommit) return skip
    }
    return scanFrom(from, true)
  })
  if (!result || !result.lastCommit) {
    const cursor = result?.cursor
    return {
      bytes: Buffer.alloc(0),
      end: from,
      commitEnds: [],
      ahead: cursor && cursor.offset > from.offset ? cursor : null,
    }
  }
  const bytes = Buffer.concat(result.kept).subarray(0, result.lastCommit.offset - from.offset)
  const next = result.cursor.offset > result.lastCommit.offset ? result.cursor : null
  return { bytes, end: result.lastCommit, commitEnds: result.commitEnds, ahead: next }
}

// Reading the live `-wal` file beside the database, as Litestream does: the header, then whole
// committed transactions from a known offset. Frames past the last commit (a transaction still
// being written) are scanned once and remembered as a cursor, not re-read on every sync.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
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
/**
 * First size of the buffer a read goes to, at most. Not the file's size: after a restart the -wal
 * file keeps its old length, and allocating all of it for a few new frames on every sync made the
 * garbage collector run far more often.
 */
const INITIAL_READ_BUFFER_BYTES = 4 * 1024 * 1024

export interface WalCursor {
  readonly offset: number
  /** Running checksum after the frame that ends at `offset`. */
  readonly checksum: Checksum
}

export interface CommittedRead {
  /** WAL bytes [from.offset, end), ending on a commit frame; empty when nothing new committed. */
  readonly bytes: Buffer
  /** With `withHeader`: the WAL header followed by `bytes`, in the same memory; else null. */
  readonly withHeader: Buffer | null
  readonly end: WalCursor
  /** Absolute offsets of every commit frame's end inside `bytes`, ascending. */
  readonly commitEnds: readonly number[]
  /** How far valid but uncommitted frames reach past `end`, to resume scanning there next time. */
  readonly ahead: WalCursor | null
}

function readAt(fd: number, offset: number, length: number): Buffer {
  return readInto(fd, Buffer.allocUnsafe(length), 0, length, offset)
}

/** Reads up to `length` bytes at file `offset` into buffer[at...]; returns the part filled. */
function readInto(fd: number, buffer: Buffer, at: number, length: number, offset: number): Buffer {
  let filled = 0
  while (filled < length) {
    const n = readSync(fd, buffer, at + filled, length - filled, offset + filled)
    if (n === 0) break
    filled += n
  }
  return buffer.subarray(at, at + filled)
}

/**
 * Where committed frames are read to: one buffer that doubles when full, so a long read is copied
 * about once in all (not chunk by chunk, then again to join them). `prefix` bytes are kept in
 * front, for the WAL header.
 */
class ReadBuffer {
  private buffer: Buffer
  length = 0

  constructor(
    capacity: number,
    private readonly prefix: number,
  ) {
    this.buffer = Buffer.allocUnsafe(prefix + capacity)
  }

  /** Reads at file `offset` into the space after `length` (not yet counted: see keep()). */
  read(fd: number, offset: number, length: number): Buffer {
    const needed = this.prefix + this.length + length
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, 2 * this.buffer.length))
      this.buffer.copy(grown, 0, 0, this.prefix + this.length)
      this.buffer = grown
    }
    return readInto(fd, this.buffer, this.prefix + this.length, length, offset)
  }

  keep(bytes: number): void {
    this.length += bytes
  }

  /** The first `bytes` read, after the prefix; with `prefix` set to `head`, the same bytes behind it. */
  take(bytes: number, head: Uint8Array | null): { bytes: Buffer; withHeader: Buffer | null } {
    const body = this.buffer.subarray(this.prefix, this.prefix + bytes)
    if (!head) return { bytes: body, withHeader: null }
    this.buffer.set(head, 0)
    return { bytes: body, withHeader: this.buffer.subarray(0, this.prefix + bytes) }
  }
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
 * `ahead` is a cursor returned by an earlier call, to skip frames already scanned. With
 * `withHeader`, the result also holds the header and the frames together, without a copy.
 */
export function readCommitted(
  walPath: string,
  header: WalHeader,
  from: WalCursor,
  ahead: WalCursor | null,
  withHeader = false,
): CommittedRead {
  const frameBytes = walFrameBytes(header.pageSize)
  const chunkBytes = frameBytes * FRAMES_PER_READ
  const result = withFile(walPath, (fd) => {
    const scanFrom = (start: WalCursor, keep: boolean) => {
      const kept = keep
        ? new ReadBuffer(
            Math.min(INITIAL_READ_BUFFER_BYTES, Math.max(0, fstatSync(fd).size - start.offset)),
            withHeader ? WAL_HEADER_BYTES : 0,
          )
        : null
      let cursor = start
      let lastCommit: WalCursor | null = null
      let mismatchAtStart = false
      const commitEnds: number[] = []
      for (;;) {
        const chunk = kept ? kept.read(fd, cursor.offset, chunkBytes) : readAt(fd, cursor.offset, chunkBytes)
        const scan = scanFrames(header, chunk, cursor.checksum)
        if (cursor === start && scan.validBytes === 0)
          mismatchAtStart = scan.stoppedBy === 'salt' || scan.stoppedBy === 'checksum'
        kept?.keep(scan.validBytes)
        for (const end of scan.commitEnds) commitEnds.push(cursor.offset + end)
        if (scan.committedBytes > 0)
          lastCommit = { offset: cursor.offset + scan.committedBytes, checksum: scan.checksum }
        cursor = { offset: cursor.offset + scan.validBytes, checksum: scan.validChecksum }
        if (scan.stoppedBy !== 'end' || chunk.length < chunkBytes) break
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
      withHeader: null,
      end: from,
      commitEnds: [],
      ahead: cursor && cursor.offset > from.offset ? cursor : null,
    }
  }
  const { bytes, withHeader: both } = result.kept!.take(
    result.lastCommit.offset - from.offset,
    withHeader ? header.bytes : null,
  )
  const next = result.cursor.offset > result.lastCommit.offset ? result.cursor : null
  return { bytes, withHeader: both, end: result.lastCommit, commitEnds: result.commitEnds, ahead: next }
}

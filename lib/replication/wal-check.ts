// Checks the WAL segments of one index as they arrive, before SQLite sees them: each starts where
// the previous ended, the first carries a valid header with the database's page size, every frame
// has that header's salts and continues its checksum chain, and the last frame ends a transaction.
// SQLite would silently ignore frames after a bad one; a restore must refuse instead.
import type { SegmentInfo } from './listing'
import { hex8, segmentName } from './position'
import { RestoreError } from './restore-plan'
import {
  type Checksum,
  parseWalHeader,
  scanFrames,
  WAL_HEADER_BYTES,
  type WalHeader,
  walFrameBytes,
} from './wal'

export class WalIndexCheck {
  private header: WalHeader | null = null
  private checksum: Checksum = [0, 0]
  private lastFrameCommits = false
  /** Bytes of this index's WAL accepted so far. */
  lengthBytes = 0
  frames = 0

  constructor(
    private readonly index: number,
    private readonly pageSize: number,
    private readonly where: string,
  ) {}

  /** Validates one decoded segment; throws RestoreError naming the segment and the problem. */
  push(segment: SegmentInfo, bytes: Uint8Array): void {
    const name = `${this.where}: WAL segment ${segmentName(segment.index, segment.offset)}`
    if (segment.offset !== this.lengthBytes) {
      throw new RestoreError(
        `${name} starts at offset ${segment.offset}, but the segments before it end at ${this.lengthBytes} (a segment is missing or truncated)`,
      )
    }
    let frames = bytes
    if (segment.offset === 0) {
      try {
        this.header = parseWalHeader(bytes)
      } catch (error) {
        throw new RestoreError(`${name}: ${(error as Error).message}`)
      }
      if (this.header.pageSize !== this.pageSize) {
        throw new RestoreError(
          `${name}: WAL page size ${this.header.pageSize} differs from the snapshot's ${this.pageSize}`,
        )
      }
      this.checksum = this.header.checksum
      this.lengthBytes = WAL_HEADER_BYTES
      frames = bytes.subarray(WAL_HEADER_BYTES)
    }
    const header = this.header!
    const frameBytes = walFrameBytes(this.pageSize)
    if (frames.length % frameBytes !== 0)
      throw new RestoreError(
        `${name} is ${bytes.length} bytes, not a whole number of ${frameBytes}-byte frames`,
      )
    const scan = scanFrames(header, frames, this.checksum)
    if (scan.validBytes !== frames.length) {
      const problem =
        scan.stoppedBy === 'salt' ? 'belongs to another WAL (salt mismatch)' : 'fails its checksum'
      throw new RestoreError(
        `${name}: the frame at WAL offset ${this.lengthBytes + scan.validBytes} ${problem}`,
      )
    }
    this.checksum = scan.validChecksum
    this.lengthBytes += frames.length
    this.frames += frames.length / frameBytes
    if (frames.length > 0) this.lastFrameCommits = scan.committedBytes === frames.length
  }

  /** Throws when the index ends inside a transaction, which no Litestream-shaped writer produces. */
  finish(): void {
    if (this.frames > 0 && !this.lastFrameCommits) {
      throw new RestoreError(
        `${this.where}: WAL index ${hex8(this.index)} ends inside a transaction (its last segment is truncated)`,
      )
    }
  }
}

// Follows the `-wal` file as Litestream does: remembers how far it has copied (generation, index,
// offset, running checksum) and turns newly committed frames into WAL segments. A new WAL header
// with new salts means SQLite restarted the WAL: that is the next index, from offset 0.
import { MAX_WAL_INDEX, MAX_WAL_OFFSET } from './position'
import { type Checksum, type WalHeader, sameWal, WAL_HEADER_BYTES } from './wal'
import { type CommittedRead, readCommitted, readWalHeader, type WalCursor } from './wal-file'

export interface FollowState {
  readonly generation: string
  readonly index: number
  /** Next WAL byte to copy in `index`; 0 while the index has no header copied yet. */
  readonly offset: number
  /** The header of WAL `index` once its first segment is copied, else null. */
  readonly header: WalHeader | null
  /** Running WAL checksum at `offset`. */
  readonly checksum: Checksum
}

/** A byte range of WAL `index`, uncompressed; it includes the 32-byte header when offset is 0. */
export interface Segment {
  readonly generation: string
  readonly index: number
  readonly offset: number
  readonly bytes: Uint8Array
}

export type CopyResult =
  | { readonly kind: 'copied'; readonly segments: Segment[] }
  | { readonly kind: 'lost'; readonly reason: string }

export class WalFollower {
  private ahead: { salt1: number; salt2: number; cursor: WalCursor } | null = null

  constructor(
    private readonly walPath: string,
    private state: FollowState,
    /** False until the generation's first segment is copied: that one must reach past its snapshot whole. */
    private splitAllowed: boolean,
  ) {}

  get position(): FollowState {
    return this.state
  }

  /** The WAL restarted (new salts) or was reset: the next header SQLite writes starts the next index. */
  private nextIndex(): void {
    this.state = { ...this.state, index: this.state.index + 1, offset: 0, header: null, checksum: [0, 0] }
    this.ahead = null
  }

  /**
   * Copies what was committed since the last call. With `expectSameWal`, a WAL other than the one
   * we follow means continuity is lost (used right after re-taking the read lock).
   */
  copy(maxSegmentBytes: number, expectSameWal = false): CopyResult {
    const current = readWalHeader(this.walPath)
    const followed = this.state.header
    if (followed && (!current || !sameWal(followed, current))) {
      if (expectSameWal)
        return { kind: 'lost', reason: current ? 'the WAL restarted unseen' : 'the WAL was reset unseen' }
      this.nextIndex()
    }
    if (!current) return { kind: 'copied', segments: [] }
    if (this.state.index > MAX_WAL_INDEX) return { kind: 'lost', reason: 'the WAL index limit was reached' }
    const header = this.state.header ?? current
    const from: WalCursor = this.state.header
      ? this.state
      : { offset: WAL_HEADER_BYTES, checksum: header.checksum }
    const ahead =
      this.ahead && this.ahead.salt1 === header.salt1 && this.ahead.salt2 === header.salt2
        ? this.ahead.cursor
        : null
    const read = readCommitted(this.walPath, header, from, ahead, from.offset === WAL_HEADER_BYTES)
    this.ahead = read.ahead ? { salt1: header.salt1, salt2: header.salt2, cursor: read.ahead } : null
    if (read.bytes.length === 0) return { kind: 'copied', segments: [] }
    if (read.end.offset > MAX_WAL_OFFSET) return { kind: 'lost', reason: 'one WAL index grew past 4 GiB' }

    const segments = this.cut(from.offset, read, maxSegmentBytes)
    this.state = { ...this.state, header, offset: read.end.offset, checksum: read.end.checksum }
    this.splitAllowed = true
    return { kind: 'copied', segments }
  }

  /** Cuts [start, start + bytes.length) into segments at commit boundaries, each ≤ max when possible. */
  private cut(start: number, read: CommittedRead, maxSegmentBytes: number): Segment[] {
    const { generation, index } = this.state
    const { bytes, commitEnds } = read
    const piece = (pieceStart: number, pieceEnd: number): Segment => {
      if (pieceStart !== WAL_HEADER_BYTES)
        return {
          generation,
          index,
          offset: pieceStart,
          bytes: bytes.subarray(pieceStart - start, pieceEnd - start),
        }
      // The first segment of an index carries the WAL header; the read put it in front of the frames.
      return { generation, index, offset: 0, bytes: read.withHeader!.subarray(0, pieceEnd) }
    }
    const end = start + bytes.length
    if (!this.splitAllowed || maxSegmentBytes === 0 || bytes.length <= maxSegmentBytes)
      return [piece(start, end)]
    const segments: Segment[] = []
    let from = start
    let lastCut = start
    for (const commitEnd of commitEnds) {
      if (commitEnd - from > maxSegmentBytes && lastCut > from) {
        segments.push(piece(from, lastCut))
        from = lastCut
      }
      lastCut = commitEnd
    }
    segments.push(piece(from, end))
    return segments
  }
}

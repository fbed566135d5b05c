// SQLite WAL bytes (https://www.sqlite.org/fileformat2.html#walformat): the 32-byte header,
// 24-byte frame headers, and the running checksum that chains every frame to the one before.
// Pure functions over bytes; the replicator and restore both validate with them.

export const WAL_HEADER_BYTES = 32
export const WAL_FRAME_HEADER_BYTES = 24
const MAGIC_LITTLE_ENDIAN = 0x377f0682
const MAGIC_BIG_ENDIAN = 0x377f0683
const FORMAT_VERSION = 3007000

/** The two 32-bit words of a WAL checksum. */
export type Checksum = readonly [number, number]

export interface WalHeader {
  readonly bytes: Uint8Array
  readonly bigEndianChecksum: boolean
  readonly pageSize: number
  readonly checkpointSequence: number
  readonly salt1: number
  readonly salt2: number
  /** The checksum stored in the header, which seeds the first frame's. */
  readonly checksum: Checksum
}

function u32be(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0
}

const NATIVE_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/** The little-endian checksum over 32-bit words w[start, end) of a native (little-endian) view. */
function checksumWords(w: Uint32Array, start: number, end: number, seed: Checksum): Checksum {
  let s0 = seed[0]
  let s1 = seed[1]
  for (let i = start; i < end; i += 2) {
    s0 = (s0 + w[i]! + s1) >>> 0
    s1 = (s1 + w[i + 1]! + s0) >>> 0
  }
  return [s0, s1]
}

/** Continues a WAL checksum over b[start, end) (a multiple of 8 bytes). */
export function walChecksum(
  bigEndian: boolean,
  b: Uint8Array,
  start: number,
  end: number,
  seed: Checksum,
): Checksum {
  let s0 = seed[0]
  let s1 = seed[1]
  if (bigEndian) {
    for (let i = start; i < end; i += 8) {
      s0 = (s0 + u32be(b, i) + s1) >>> 0
      s1 = (s1 + u32be(b, i + 4) + s0) >>> 0
    }
  } else {
    for (let i = start; i < end; i += 8) {
      const x0 = (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0
      const x1 = (b[i + 4]! | (b[i + 5]! << 8) | (b[i + 6]! << 16) | (b[i + 7]! << 24)) >>> 0
      s0 = (s0 + x0 + s1) >>> 0
      s1 = (s1 + x1 + s0) >>> 0
    }
  }
  return [s0, s1]
}

/** Parses and checks a WAL header; throws with the reason when it is not a valid one. */
export function parseWalHeader(bytes: Uint8Array): WalHeader {
  if (bytes.length < WAL_HEADER_BYTES)
    throw new Error(`WAL header is ${bytes.length} bytes, expected ${WAL_HEADER_BYTES}`)
  const magic = u32be(bytes, 0)
  if (magic !== MAGIC_LITTLE_ENDIAN && magic !== MAGIC_BIG_ENDIAN)
    throw new Error(`bad WAL magic 0x${magic.toString(16)}`)
  const version = u32be(bytes, 4)
  if (version !== FORMAT_VERSION) throw new Error(`unsupported WAL format version ${version}`)
  const pageSize = u32be(bytes, 8)
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0)
    throw new Error(`invalid WAL page size ${pageSize}`)
  const bigEndianChecksum = magic === MAGIC_BIG_ENDIAN
  const checksum: Checksum = [u32be(bytes, 24), u32be(bytes, 28)]
  const computed = walChecksum(bigEndianChecksum, bytes, 0, 24, [0, 0])
  if (computed[0] !== checksum[0] || computed[1] !== checksum[1])
    throw new Error('WAL header checksum mismatch')
  return {
    bytes: bytes.slice(0, WAL_HEADER_BYTES),
    bigEndianChecksum,
    pageSize,
    checkpointSequence: u32be(bytes, 12),
    salt1: u32be(bytes, 16),
    salt2: u32be(bytes, 20),
    checksum,
  }
}

/** Bytes of one frame (header + page) in a WAL with this page size. */
export function walFrameBytes(pageSize: number): number {
  return WAL_FRAME_HEADER_BYTES + pageSize
}

/** True when both headers belong to the same WAL file lifetime (SQLite changes the salts on every restart). */
export function sameWal(a: WalHeader, b: WalHeader): boolean {
  return a.salt1 === b.salt1 && a.salt2 === b.salt2
}

export type FrameScanStop = 'end' | 'salt' | 'checksum' | 'partial'

export interface FrameScan {
  /** Bytes from the start of `data` through the last valid commit frame. */
  readonly committedBytes: number
  /** Running checksum after that commit frame. */
  readonly checksum: Checksum
  /** End offsets (relative to `data`) of every valid commit frame, ascending. */
  readonly commitEnds: readonly number[]
  /** Why scanning stopped after the last valid frame. */
  readonly stoppedBy: FrameScanStop
  /** Bytes from the start of `data` through the last valid frame, committed or not. */
  readonly validBytes: number
  /** Running checksum after the last valid frame. */
  readonly validChecksum: Checksum
}

/**
 * Walks frames in `data` (which starts on a frame boundary) while their salts match `header` and
 * their checksums continue `seed`. SQLite ignores everything after the first invalid frame and
 * every frame after the last commit, and so do we.
 */
export function scanFrames(header: WalHeader, data: Uint8Array, seed: Checksum): FrameScan {
  const frameBytes = walFrameBytes(header.pageSize)
  // Fast path: read the checksum words straight from a 32-bit view when the byte order allows.
  const words =
    !header.bigEndianChecksum && NATIVE_LITTLE_ENDIAN && data.byteOffset % 4 === 0
      ? new Uint32Array(data.buffer, data.byteOffset, data.length >>> 2)
      : null
  const sum = (start: number, end: number, from: Checksum) =>
    words
      ? checksumWords(words, start >>> 2, end >>> 2, from)
      : walChecksum(header.bigEndianChecksum, data, start, end, from)
  let checksum = seed
  let committed = { bytes: 0, checksum: seed }
  const commitEnds: number[] = []
  let at = 0
  let stoppedBy: FrameScanStop = 'end'
  while (at < data.length) {
    if (at + frameBytes > data.length) {
      stoppedBy = 'partial'
      break
    }
    if (u32be(data, at + 8) !== header.salt1 || u32be(data, at + 12) !== header.salt2) {
      stoppedBy = 'salt'
      break
    }
    const next = sum(at + WAL_FRAME_HEADER_BYTES, at + frameBytes, sum(at, at + 8, checksum))
    if (next[0] !== u32be(data, at + 16) || next[1] !== u32be(data, at + 20)) {
      stoppedBy = 'checksum'
      break
    }
    checksum = next
    at += frameBytes
    if (u32be(data, at - frameBytes + 4) !== 0) {
      committed = { bytes: at, checksum }
      commitEnds.push(at)
    }
  }
  return {
    committedBytes: committed.bytes,
    checksum: committed.checksum,
    commitEnds,
    stoppedBy,
    validBytes: at,
    validChecksum: checksum,
  }
}

/** The checksum stored in the last frame of `data`, which ends on a frame boundary. */
export function lastFrameChecksum(data: Uint8Array, pageSize: number): Checksum {
  const start = data.length - walFrameBytes(pageSize)
  return [u32be(data, start + 16), u32be(data, start + 20)]
}

/** The salts stored in the last frame of `data`, which ends on a frame boundary. */
export function lastFrameSalts(data: Uint8Array, pageSize: number): readonly [number, number] {
  const start = data.length - walFrameBytes(pageSize)
  return [u32be(data, start + 8), u32be(data, start + 12)]
}

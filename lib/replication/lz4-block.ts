// LZ4 block format (https://github.com/lz4/lz4/blob/dev/doc/lz4_Block_format.md): a greedy
// single-pass compressor that respects the end-of-block rules (the last 5 bytes are literals,
// the last match starts at least 12 bytes before the end), and a decoder that bounds-checks
// every read and write, because its input comes from a bucket we do not control.

const MIN_MATCH = 4
const LAST_LITERALS = 5
const MF_LIMIT = 12
const MAX_OFFSET = 65_535
const HASH_BITS = 16
const SKIP_TRIGGER = 6

const hashTable = new Int32Array(1 << HASH_BITS)

/** Worst-case compressed size of `n` input bytes. */
export function compressBound(n: number): number {
  return n + Math.floor(n / 255) + 16
}

function hash(seq: number): number {
  return Math.imul(seq, 2654435761) >>> (32 - HASH_BITS)
}

function writeLength(dst: Uint8Array, d: number, length: number): number {
  let rest = length - 15
  while (rest >= 255) {
    dst[d++] = 255
    rest -= 255
  }
  dst[d++] = rest
  return d
}

function writeSequence(
  dst: Uint8Array,
  d: number,
  src: Uint8Array,
  anchor: number,
  literals: number,
  offset: number,
  matchExtra: number,
): number {
  const token = d++
  dst[token] = (Math.min(literals, 15) << 4) | Math.min(matchExtra, 15)
  if (literals >= 15) d = writeLength(dst, d, literals)
  if (literals < 32) {
    for (let i = 0; i < literals; i++) dst[d++] = src[anchor + i]!
  } else {
    dst.set(src.subarray(anchor, anchor + literals), d)
    d += literals
  }
  if (offset === 0) return d // the last sequence has literals only
  dst[d++] = offset & 0xff
  dst[d++] = offset >>> 8
  if (matchExtra >= 15) d = writeLength(dst, d, matchExtra)
  return d
}

/**
 * Compresses `src` as one independent block into `dst` (at least compressBound(src.length) long).
 * Returns the compressed length.
 */
export function compressBlock(src: Uint8Array, dst: Uint8Array): number {
  const n = src.length
  let anchor = 0
  let d = 0
  if (n >= MF_LIMIT + 1) {
    hashTable.fill(-1)
    const view = new DataView(src.buffer, src.byteOffset, src.byteLength)
    const matchStartLimit = n - MF_LIMIT
    const matchEndLimit = n - LAST_LITERALS
    let ip = 0
    let searches = 1 << SKIP_TRIGGER
    while (ip <= matchStartLimit) {
      const seq = view.getInt32(ip, true)
      const h = hash(seq)
      const ref = hashTable[h]!
      hashTable[h] = ip
      if (ref < 0 || ip - ref > MAX_OFFSET || view.getInt32(ref, true) !== seq) {
        ip += searches++ >> SKIP_TRIGGER
        continue
      }
      searches = 1 << SKIP_TRIGGER
      let start = ip
      let back = ref
      while (start > anchor && back > 0 && src[start - 1] === src[back - 1]) {
        start--
        back--
      }
      let end = ip + MIN_MATCH
      let from = ref + MIN_MATCH
      while (end + 4 <= matchEndLimit && view.getInt32(end, true) === view.getInt32(from, true)) {
        end += 4
        from += 4
      }
      while (end < matchEndLimit && src[end] === src[from]) {
        end++
        from++
      }
      d = writeSequence(dst, d, src, anchor, start - anchor, start - back, end - start - MIN_MATCH)
      anchor = end
      ip = end
      if (ip - 2 >= 0 && ip - 2 <= matchStartLimit) hashTable[hash(view.getInt32(ip - 2, true))] = ip - 2
    }
  }
  return writeSequence(dst, d, src, anchor, n - anchor, 0, 0)
}

function fail(reason: string): never {
  throw new Error(`malformed LZ4 block: ${reason}`)
}

function readLength(src: Uint8Array, s: number, end: number, base: number): [number, number] {
  let length = base
  for (;;) {
    if (s >= end) fail('length runs past the end of the block')
    const byte = src[s++]!
    length += byte
    if (byte !== 255) return [length, s]
  }
}

/**
 * Decodes the block src[start, end) into dst from `d`, never writing at or past `dstEnd`.
 * Matches may reach back to `windowStart` (earlier blocks of a linked-block frame).
 * Returns the new write position.
 */
export function decompressBlock(
  src: Uint8Array,
  start: number,
  end: number,
  dst: Uint8Array,
  d: number,
  dstEnd: number,
  windowStart: number,
): number {
  let s = start
  while (s < end) {
    const token = src[s++]!
    let literals = token >>> 4
    if (literals === 15) [literals, s] = readLength(src, s, end, 15)
    if (s + literals > end) fail('literals run past the end of the block')
    if (d + literals > dstEnd) fail('output larger than the block size')
    if (literals < 32) {
      for (let i = 0; i < literals; i++) dst[d++] = src[s++]!
    } else {
      dst.set(src.subarray(s, s + literals), d)
      s += literals
      d += literals
    }
    if (s === end) return d
    if (s + 2 > end) fail('truncated match offset')
    const offset = src[s]! | (src[s + 1]! << 8)
    s += 2
    if (offset === 0 || d - offset < windowStart) fail(`match offset ${offset} reaches before the output`)
    let length = token & 15
    if (length === 15) [length, s] = readLength(src, s, end, 15)
    length += MIN_MATCH
    if (d + length > dstEnd) fail('output larger than the block size')
    if (offset >= length && length >= 32) {
      dst.copyWithin(d, d - offset, d - offset + length)
      d += length
    } else {
      for (let i = 0; i < length; i++, d++) dst[d] = dst[d - offset]!
    }
  }
  return d
}

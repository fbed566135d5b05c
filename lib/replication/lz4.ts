// LZ4 frames (https://github.com/lz4/lz4/blob/dev/doc/lz4_Frame_format.md), one per replica
// object. We write exactly what Litestream's Go writer writes (independent 4 MiB blocks, content
// checksum: header 04 22 4D 18 64 70 B9) and read anything v0.3 Litestream reads: linked blocks,
// block checksums, a content size, smaller block sizes, stored and empty blocks.
import { compressBlock, compressBound, decompressBlock } from './lz4-block'
import { Xxh32, xxh32 } from './xxh32'

const MAGIC = 0x184d2204
const FLG_VERSION = 0x40
const FLG_INDEPENDENT_BLOCKS = 0x20
const FLG_BLOCK_CHECKSUM = 0x10
const FLG_CONTENT_SIZE = 0x08
const FLG_CONTENT_CHECKSUM = 0x04
const FLG_DICT_ID = 0x01
const STORED_BLOCK = 0x80000000
const BLOCK_SIZES: Record<number, number> = {
  4: 64 * 1024,
  5: 256 * 1024,
  6: 1024 * 1024,
  7: 4 * 1024 * 1024,
}
/** Block size of the frames we write: 4 MiB, as Litestream's writer. */
export const LZ4_BLOCK_SIZE_BYTES = 4 * 1024 * 1024

function u32le(value: number): Uint8Array {
  const out = new Uint8Array(4)
  new DataView(out.buffer).setUint32(0, value >>> 0, true)
  return out
}

/**
 * Where blocks are compressed before their bytes are copied out: one for every encoder, since a
 * block is compressed and copied in one synchronous call. Allocating (and zeroing) 4 MiB per
 * object cost about a millisecond on every sync.
 */
let scratch: Uint8Array | null = null

/** Builds one LZ4 frame from chunks pushed in order; memory holds only the compressed output. */
export class Lz4FrameEncoder {
  private readonly parts: Uint8Array[] = []
  private readonly checksum = new Xxh32()
  /** The start of a block that a later push must complete; allocated only when needed. */
  private pendingBlock: Uint8Array | null = null
  private pendingBytes = 0

  constructor() {
    const descriptor = new Uint8Array([FLG_VERSION | FLG_INDEPENDENT_BLOCKS | FLG_CONTENT_CHECKSUM, 7 << 4])
    this.parts.push(u32le(MAGIC), descriptor, new Uint8Array([(xxh32(descriptor) >>> 8) & 0xff]))
  }

  /** Adds `chunk`; with `last`, it is the frame's final chunk and need not be buffered. */
  push(chunk: Uint8Array, last = false): void {
    this.checksum.update(chunk)
    let i = 0
    if (this.pendingBlock && this.pendingBytes > 0) {
      i = Math.min(LZ4_BLOCK_SIZE_BYTES - this.pendingBytes, chunk.length)
      this.pendingBlock.set(chunk.subarray(0, i), this.pendingBytes)
      this.pendingBytes += i
      if (this.pendingBytes < LZ4_BLOCK_SIZE_BYTES) return
      this.writeBlock(this.pendingBlock)
      this.pendingBytes = 0
    }
    // Whole blocks (and the final part) are compressed straight from the chunk, without a copy.
    for (; chunk.length - i >= LZ4_BLOCK_SIZE_BYTES; i += LZ4_BLOCK_SIZE_BYTES)
      this.writeBlock(chunk.subarray(i, i + LZ4_BLOCK_SIZE_BYTES))
    if (i === chunk.length) return
    if (last) return this.writeBlock(chunk.subarray(i))
    this.pendingBlock ??= new Uint8Array(LZ4_BLOCK_SIZE_BYTES)
    this.pendingBlock.set(chunk.subarray(i), 0)
    this.pendingBytes = chunk.length - i
  }

  finish(): Uint8Array {
    if (this.pendingBlock && this.pendingBytes > 0)
      this.writeBlock(this.pendingBlock.subarray(0, this.pendingBytes))
    this.pendingBytes = 0
    this.parts.push(u32le(0), u32le(this.checksum.digest()))
    return Buffer.concat(this.parts)
  }

  private writeBlock(block: Uint8Array): void {
    scratch ??= new Uint8Array(compressBound(LZ4_BLOCK_SIZE_BYTES))
    const size = compressBlock(block, scratch)
    if (size < block.length) {
      this.parts.push(u32le(size), scratch.slice(0, size))
    } else {
      this.parts.push(u32le(STORED_BLOCK | block.length), block.slice())
    }
  }
}

/** Compresses `data` into one LZ4 frame. */
export function encodeLz4Frame(data: Uint8Array): Uint8Array {
  const encoder = new Lz4FrameEncoder()
  encoder.push(data, true)
  return encoder.finish()
}

class FrameReader {
  offset = 0
  constructor(readonly bytes: Uint8Array) {}
  u32(what: string): number {
    if (this.offset + 4 > this.bytes.length) throw new Error(`truncated LZ4 frame: ${what} missing`)
    const v = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.offset, 4).getUint32(0, true)
    this.offset += 4
    return v
  }
  take(length: number, what: string): [number, number] {
    if (this.offset + length > this.bytes.length) throw new Error(`truncated LZ4 frame: ${what} is cut short`)
    const start = this.offset
    this.offset += length
    return [start, this.offset]
  }
}

/** Where independent blocks are decoded before they are copied out; shared, as decoding is synchronous. */
let blockScratch: Uint8Array | null = null

/** Decodes exactly one LZ4 frame, checking every checksum it carries. Throws on anything else. */
export function decodeLz4Frame(frame: Uint8Array): Uint8Array {
  const r = new FrameReader(frame)
  if (r.u32('magic number') !== MAGIC) throw new Error('not an LZ4 frame (bad magic number)')
  const [descStart] = r.take(2, 'frame descriptor')
  const flg = frame[descStart]!
  const bd = frame[descStart + 1]!
  if ((flg & 0xc0) !== FLG_VERSION)
    throw new Error(`unsupported LZ4 frame version in FLG 0x${flg.toString(16)}`)
  if (flg & FLG_DICT_ID) throw new Error('LZ4 frames with a dictionary ID are not supported')
  if (flg & 0x02 || bd & 0x8f) throw new Error('reserved bits set in the LZ4 frame descriptor')
  const blockMax = BLOCK_SIZES[(bd >>> 4) & 7]
  if (blockMax === undefined) throw new Error(`invalid LZ4 block size code ${(bd >>> 4) & 7}`)
  let contentSize: number | undefined
  if (flg & FLG_CONTENT_SIZE) {
    const [s] = r.take(8, 'content size')
    contentSize = Number(new DataView(frame.buffer, frame.byteOffset + s, 8).getBigUint64(0, true))
  }
  const [, hcEnd] = r.take(1, 'header checksum')
  const expectedHc = (xxh32(frame.subarray(descStart, hcEnd - 1)) >>> 8) & 0xff
  if (frame[hcEnd - 1] !== expectedHc) throw new Error('LZ4 frame header checksum mismatch')

  let out = new Uint8Array(Math.min(Math.max(contentSize ?? frame.length * 3, 1024), 64 * 1024 * 1024))
  let d = 0
  /** Makes room for `n` more bytes of output. */
  const reserve = (n: number) => {
    if (d + n <= out.length) return
    const grown = new Uint8Array(Math.max(out.length * 2, d + n))
    grown.set(out.subarray(0, d))
    out = grown
  }
  for (;;) {
    const header = r.u32('block size or end mark')
    if (header === 0) break
    const stored = (header & STORED_BLOCK) !== 0
    const size = header & 0x7fffffff
    if (size > blockMax)
      throw new Error(`LZ4 block of ${size} bytes exceeds the frame's ${blockMax}-byte block size`)
    const [start, end] = r.take(size, 'a block')
    if (flg & FLG_BLOCK_CHECKSUM && r.u32('block checksum') !== xxh32(frame.subarray(start, end))) {
      throw new Error('LZ4 block checksum mismatch')
    }
    if (stored) {
      reserve(size)
      out.set(frame.subarray(start, end), d)
      d += size
    } else if (flg & FLG_INDEPENDENT_BLOCKS) {
      // Decoded aside, then copied: room for a whole block in `out` for every small segment cost
      // 4 MiB each, and a restore of 1,400 segments spent a third of its time collecting garbage.
      if (!blockScratch || blockScratch.length < blockMax) blockScratch = new Uint8Array(blockMax)
      const n = decompressBlock(frame, start, end, blockScratch, 0, blockMax, 0)
      reserve(n)
      out.set(blockScratch.subarray(0, n), d)
      d += n
    } else {
      reserve(blockMax) // linked blocks may copy from earlier output, so they decode in place
      d = decompressBlock(frame, start, end, out, d, d + blockMax, 0)
    }
  }
  const content = out.subarray(0, d)
  if (flg & FLG_CONTENT_CHECKSUM && r.u32('content checksum') !== xxh32(content)) {
    throw new Error('LZ4 content checksum mismatch')
  }
  if (contentSize !== undefined && contentSize !== d)
    throw new Error(`LZ4 content size is ${d} bytes, header says ${contentSize}`)
  if (r.offset !== frame.length)
    throw new Error(`${frame.length - r.offset} unexpected bytes after the LZ4 frame`)
  return content
}

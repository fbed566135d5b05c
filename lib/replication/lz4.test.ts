import { randomBytes } from 'node:crypto'
import lz4js from 'lz4js'
import { describe, expect, it } from 'vitest'
import { decodeLz4Frame, encodeLz4Frame, LZ4_BLOCK_SIZE_BYTES, Lz4FrameEncoder } from './lz4'
import { Xxh32, xxh32 } from './xxh32'

const text = (bytes: number) =>
  Buffer.from(
    'the quick brown fox jumps over the lazy podcast host. '.repeat(Math.ceil(bytes / 53)),
  ).subarray(0, bytes)

describe('xxh32', () => {
  it('matches the reference values', () => {
    expect(xxh32(new Uint8Array())).toBe(0x02cc5d05)
    expect(xxh32(Buffer.from('abc'))).toBe(0x32d153ff)
    expect(xxh32(Buffer.from('Nobody inspects the spammish repetition'))).toBe(0xe2293b2f)
  })

  it('gives the same hash fed in pieces, at any alignment', () => {
    const data = randomBytes(100_003)
    for (const start of [0, 1, 2, 3]) {
      const whole = xxh32(data.subarray(start))
      const pieces = new Xxh32()
      for (let i = start, size = 1; i < data.length; i += size, size = (size * 7 + 3) % 9_001)
        pieces.update(data.subarray(i, i + size))
      expect(pieces.digest()).toBe(whole)
    }
  })
})

describe('LZ4 frames', () => {
  it("writes Litestream's exact frame header (independent 4 MiB blocks, content checksum)", () => {
    expect(Buffer.from(encodeLz4Frame(text(100)).subarray(0, 7)).toString('hex')).toBe('04224d186470b9')
  })

  it.each([
    ['empty', new Uint8Array()],
    ['tiny', Buffer.from('hi')],
    ['compressible', text(300_000)],
    ['incompressible', randomBytes(100_000)],
    ['exactly one block', text(LZ4_BLOCK_SIZE_BYTES)],
    ['several blocks', Buffer.concat([text(5_000_000), randomBytes(3_000_000)])],
  ])('round-trips %s data', (_name, data) => {
    const frame = encodeLz4Frame(data)
    expect(Buffer.from(decodeLz4Frame(frame)).equals(Buffer.from(data))).toBe(true)
    expect(Buffer.from(lz4js.decompress(frame)).equals(Buffer.from(data))).toBe(true) // an independent decoder agrees
  })

  it('writes the same frame whatever the chunks it is fed in', () => {
    const block = LZ4_BLOCK_SIZE_BYTES
    const data = Buffer.concat([text(block + 5_000), randomBytes(2 * block)])
    const whole = Buffer.from(encodeLz4Frame(data))
    // Pieces that start a block, fill it and run on through a whole block into the next, fill that
    // one exactly; then a final piece shorter than a block, buffered or not.
    const sizes = [1, 70_000, 2 * block - 69_901, block - 100]
    for (const lastFlag of [false, true]) {
      const encoder = new Lz4FrameEncoder()
      let at = 0
      for (const size of sizes) {
        encoder.push(data.subarray(at, at + size))
        at += size
      }
      encoder.push(data.subarray(at), lastFlag)
      expect(Buffer.from(encoder.finish()).equals(whole)).toBe(true)
    }
    expect(Buffer.from(decodeLz4Frame(whole)).equals(data)).toBe(true)
  })

  it('compresses repetitive WAL-like data well', () => {
    expect(encodeLz4Frame(text(1_000_000)).length).toBeLessThan(50_000)
  })

  it('reads frames from another encoder (lz4js: linked blocks, no content checksum)', () => {
    const data = Buffer.concat([text(4_500_000), randomBytes(500_000), text(100_000)])
    expect(Buffer.from(decodeLz4Frame(Uint8Array.from(lz4js.compress(data)))).equals(data)).toBe(true)
  })

  it('accepts an empty stored block, as Go writes after an exact multiple of the block size', () => {
    const frame = Buffer.from(encodeLz4Frame(Buffer.from('abc')))
    const endMark = frame.length - 8
    const patched = Buffer.concat([
      frame.subarray(0, endMark),
      Buffer.from([0, 0, 0, 0x80]),
      frame.subarray(endMark),
    ])
    expect(Buffer.from(decodeLz4Frame(patched)).toString()).toBe('abc')
  })

  it('verifies block checksums when the frame has them', () => {
    const block = Buffer.from('stored block')
    const descriptor = Buffer.from([0x70, 0x40]) // version 1, independent blocks, block checksums; 64 KiB blocks
    const size = Buffer.alloc(4)
    size.writeUInt32LE((0x80000000 | block.length) >>> 0)
    const checksum = Buffer.alloc(4)
    checksum.writeUInt32LE(xxh32(block))
    const frame = Buffer.concat([
      Buffer.from([0x04, 0x22, 0x4d, 0x18]),
      descriptor,
      Buffer.from([(xxh32(descriptor) >>> 8) & 0xff]),
      size,
      block,
      checksum,
      Buffer.alloc(4),
    ])
    expect(Buffer.from(decodeLz4Frame(frame)).toString()).toBe('stored block')
    frame[frame.length - 8] = frame[frame.length - 8]! ^ 1
    expect(() => decodeLz4Frame(frame)).toThrow('LZ4 block checksum mismatch')
  })

  it('refuses corrupt, truncated or padded frames with a reason', () => {
    const frame = Buffer.from(encodeLz4Frame(text(10_000)))
    expect(() => decodeLz4Frame(Buffer.from('not lz4 at all'))).toThrow('bad magic number')
    expect(() => decodeLz4Frame(frame.subarray(0, frame.length - 10))).toThrow(/truncated LZ4 frame/)
    expect(() => decodeLz4Frame(Buffer.concat([frame, Buffer.from([0])]))).toThrow(
      'unexpected bytes after the LZ4 frame',
    )
    const badHeader = Buffer.from(frame)
    badHeader[6] = badHeader[6]! ^ 0xff
    expect(() => decodeLz4Frame(badHeader)).toThrow('header checksum mismatch')
    const badContent = Buffer.from(frame)
    badContent[badContent.length - 1] = badContent[badContent.length - 1]! ^ 0xff
    expect(() => decodeLz4Frame(badContent)).toThrow('LZ4 content checksum mismatch')
  })
})

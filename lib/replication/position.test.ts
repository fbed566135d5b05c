import { describe, expect, it } from 'vitest'
import {
  formatPosition,
  hex8,
  isGenerationId,
  newGenerationId,
  parseReplicaKey,
  snapshotKey,
  walSegmentKey,
} from './position'

describe('positions and keys', () => {
  it('names objects as Litestream v0.3 does', () => {
    expect(snapshotKey('de9b1c958c155698', 0)).toBe(
      'generations/de9b1c958c155698/snapshots/00000000.snapshot.lz4',
    )
    expect(walSegmentKey('de9b1c958c155698', 1, 0x1038)).toBe(
      'generations/de9b1c958c155698/wal/00000001_00001038.wal.lz4',
    )
    expect(formatPosition({ generation: 'de9b1c958c155698', index: 0, offset: 16512 })).toBe(
      'de9b1c958c155698/00000000:16512',
    )
  })

  it('parses only well-formed keys', () => {
    expect(parseReplicaKey('generations/de9b1c958c155698/wal/0000000a_0000f188.wal.lz4')).toEqual({
      kind: 'wal',
      generation: 'de9b1c958c155698',
      index: 10,
      offset: 0xf188,
    })
    expect(parseReplicaKey('generations/de9b1c958c155698/snapshots/00000007.snapshot.lz4')).toEqual({
      kind: 'snapshot',
      generation: 'de9b1c958c155698',
      index: 7,
    })
    for (const bad of [
      'generations/DE9B1C958C155698/snapshots/00000007.snapshot.lz4',
      'generations/de9b1c958c155698/wal/0000000A_00000000.wal.lz4',
      'generations/de9b1c958c155698/wal/1_0.wal.lz4',
      'generations/de9b1c958c155698/wal/00000001_00000000.wal.lz4.tmp',
      'generations/short/snapshots/00000000.snapshot.lz4',
    ]) {
      expect(parseReplicaKey(bad)).toBeNull()
    }
  })

  it('makes 16-hex-digit generation ids and refuses numbers that do not fit 8 hex digits', () => {
    expect(isGenerationId(newGenerationId())).toBe(true)
    expect(newGenerationId()).not.toBe(newGenerationId())
    expect(hex8(0xffffffff)).toBe('ffffffff')
    expect(() => hex8(2 ** 32)).toThrow(RangeError)
    expect(() => hex8(-1)).toThrow(RangeError)
  })
})

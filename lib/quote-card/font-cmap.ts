// Which code points a font file maps to a glyph, read from its `cmap` table. The quote card
// hands satori only text that its loaded fonts cover (lib/quote-card/card-text.ts): satori
// asks `loadAdditionalAsset` for anything else, and next/og's loader answers that by fetching
// from the internet. Reads WOFF 1 (what @fontsource ships beside woff2; satori cannot read
// woff2) and plain TrueType/OpenType.
import { inflateSync } from 'node:zlib'

const WOFF_SIGNATURE = 0x774f4646 // 'wOFF'
const CMAP_TAG = 0x636d6170 // 'cmap'

/** The raw bytes of the font's cmap table, or null when it has none. */
function cmapTable(font: Buffer): Buffer | null {
  if (font.length < 12) return null
  if (font.readUInt32BE(0) === WOFF_SIGNATURE) {
    const tableCount = font.readUInt16BE(12)
    for (let index = 0; index < tableCount; index++) {
      const entry = 44 + index * 20
      if (entry + 20 > font.length) return null
      if (font.readUInt32BE(entry) !== CMAP_TAG) continue
      const offset = font.readUInt32BE(entry + 4)
      const compressed = font.readUInt32BE(entry + 8)
      const original = font.readUInt32BE(entry + 12)
      const bytes = font.subarray(offset, offset + compressed)
      return compressed < original ? inflateSync(bytes) : bytes
    }
    return null
  }
  const numTables = font.readUInt16BE(4)
  for (let index = 0; index < numTables; index++) {
    const record = 12 + index * 16
    if (record + 16 > font.length) return null
    if (font.readUInt32BE(record) !== CMAP_TAG) continue
    const offset = font.readUInt32BE(record + 8)
    return font.subarray(offset, offset + font.readUInt32BE(record + 12))
  }
  return null
}

/** Unicode subtables, best first: full repertoire (format 12) before BMP-only (format 4). */
const PREFERRED_ENCODINGS = ['3/10', '0/6', '0/4', '3/1', '0/3', '0/2', '0/1', '0/0']

function addFormat4(table: Buffer, at: number, into: Set<number>): void {
  const segCount = table.readUInt16BE(at + 6) / 2
  const ends = at + 14
  const starts = ends + segCount * 2 + 2
  const deltas = starts + segCount * 2
  const rangeOffsets = deltas + segCount * 2
  for (let segment = 0; segment < segCount; segment++) {
    const end = table.readUInt16BE(ends + segment * 2)
    const start = table.readUInt16BE(starts + segment * 2)
    const delta = table.readInt16BE(deltas + segment * 2)
    const rangeOffsetAt = rangeOffsets + segment * 2
    const rangeOffset = table.readUInt16BE(rangeOffsetAt)
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff
      else {
        const glyphAt = rangeOffsetAt + rangeOffset + (code - start) * 2
        if (glyphAt + 2 > table.length) continue
        glyph = table.readUInt16BE(glyphAt)
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff
      }
      if (glyph !== 0) into.add(code)
    }
  }
}

function addFormat12(table: Buffer, at: number, into: Set<number>): void {
  const groups = table.readUInt32BE(at + 12)
  for (let group = 0; group < groups; group++) {
    const record = at + 16 + group * 12
    const start = table.readUInt32BE(record)
    const end = Math.min(table.readUInt32BE(record + 4), 0x10ffff)
    const firstGlyph = table.readUInt32BE(record + 8)
    for (let code = start; code <= end; code++) {
      if (firstGlyph + (code - start) !== 0) into.add(code)
    }
  }
}

/** Every code point the font draws (glyph other than .notdef). Empty for a file it cannot read. */
export function fontCodePoints(font: Buffer): Set<number> {
  const covered = new Set<number>()
  const table = cmapTable(font)
  if (!table || table.length < 4) return covered
  const subtables = new Map<string, number>()
  const count = table.readUInt16BE(2)
  for (let index = 0; index < count; index++) {
    const record = 4 + index * 8
    if (record + 8 > table.length) break
    const key = `${table.readUInt16BE(record)}/${table.readUInt16BE(record + 2)}`
    if (!subtables.has(key)) subtables.set(key, table.readUInt32BE(record + 4))
  }
  for (const key of PREFERRED_ENCODINGS) {
    const at = subtables.get(key)
    if (at === undefined || at + 2 > table.length) continue
    const format = table.readUInt16BE(at)
    if (format === 12) addFormat12(table, at, covered)
    else if (format === 4) addFormat4(table, at, covered)
    else continue
    return covered
  }
  return covered
}

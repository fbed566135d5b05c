// HTML character references (named and numeric), as the WebVTT cue text tokenizer consumes them.
// The named table is the full HTML list that ships with webvtt-parser (W3C, CC0); its parser's own
// default table is incomplete and turns "&amp;" into "&;", so only the data is reused.
import entities from 'webvtt-parser/html-entities.json'

const NAMED: Record<string, string> = entities

// HTML maps these numeric references to the Windows-1252 characters authors meant.
const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
}

const REFERENCE = /&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]*))(;?)/g

function fromNumericReference(codePoint: number): string {
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return '\ufffd'
  return String.fromCodePoint(WINDOWS_1252[codePoint] ?? codePoint)
}

function fromNamedReference(match: string, name: string, semicolon: string): string {
  const exact = NAMED[`&${name}${semicolon}`]
  if (exact !== undefined) return exact
  // Legacy references such as "&amp" are valid without the semicolon.
  const legacy = NAMED[`&${name}`]
  if (legacy !== undefined) return legacy + semicolon
  return match
}

/** Decodes `&amp;`, `&nbsp;`, `&#8217;`, `&#x1F600;`… Unknown names stay as written. */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(REFERENCE, (match, decimal?: string, hex?: string, name?: string, semicolon = '') => {
    if (decimal !== undefined) return fromNumericReference(Math.min(Number(decimal), 0x110000))
    if (hex !== undefined) return fromNumericReference(hex.length > 6 ? 0x110000 : parseInt(hex, 16))
    return fromNamedReference(match, name ?? '', semicolon)
  })
}

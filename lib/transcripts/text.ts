// Small text helpers shared by the parsers.
import type { Repair } from './types'

/**
 * Splits on LF, CRLF or a lone CR, as WebVTT's parser does (real-world SRT uses all three, mixed
 * too). One deviation, so no text is lost: a file in which EVERY line ends in CR CR LF (a CRLF
 * file converted to CRLF again) or in LF CR is split on those pairs; read by the letter, each
 * such line would be followed by a blank line, which ends every cue at its timing line.
 */
export function splitLines(text: string): string[] {
  const doubled = doubledLineBreak(text)
  if (doubled === CR_CR_LF) return text.split(/\r\r\n|\r\n|\r|\n/)
  if (doubled === LF_CR) return text.split(LF_CR)
  return text.split(/\r\n|\r|\n/)
}

const CR_CR_LF = '\r\r\n'
const LF_CR = '\n\r'

/** The doubled line break every line of `text` ends with, or null for ordinary (or mixed) line breaks. */
function doubledLineBreak(text: string): typeof CR_CR_LF | typeof LF_CR | null {
  const lineFeeds = count(text, '\n')
  if (lineFeeds === 0) return null
  if (count(text, CR_CR_LF) === lineFeeds) return CR_CR_LF
  if (count(text, LF_CR) === lineFeeds && count(text, '\r') === lineFeeds) return LF_CR
  return null
}

function count(text: string, part: string): number {
  let found = 0
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) found++
  return found
}

/** The Repair a parser reports when splitLines read doubled line breaks as one. */
export function lineBreakRepair(text: string): Repair[] {
  const doubled = doubledLineBreak(text)
  if (doubled == null) return []
  const name = doubled === CR_CR_LF ? 'CR CR LF (a CRLF file converted twice)' : 'LF CR'
  return [{ line: 1, message: `every line ends in ${name}: each read as one line break` }]
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Folds runs of ASCII whitespace (inner line breaks included) to one space and trims.
 * A no-break space (U+00A0) inside the text is kept: it is a character the author chose.
 */
export function foldWhitespace(text: string): string {
  // Most cue text is already folded; testing is much cheaper than rebuilding the string.
  if (!/[\t\n\f\r]| {2}/.test(text)) return text.trim()
  return text.replace(/[ \t\n\f\r]+/g, ' ').trim()
}
